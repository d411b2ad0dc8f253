import { describe, expect, it } from 'vitest';
import { ocReportParams, ocReportSql } from './reporting.sql.js';

const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('online consultation report SQL', () => {
  it('binds exactly as many parameters as it has placeholders, for any grouping and hub count', () => {
    for (const dims of [[], ['PRACTICE'], ['MONTH', 'TYPE'], ['TYPE', 'PRACTICE', 'MONTH']] as const) {
      for (const hubs of [0, 1, 2]) {
        const sql = ocReportSql(dims, 7, hubs);
        const params = ocReportParams(ids(7, 'p'), ids(hubs, 'h'), new Date(0), new Date(1), new Date(2));
        expect(sql.split('?').length - 1, `${dims.join(',')} / ${hubs} hubs`).toBe(params.length);
      }
    }
  });

  it('groups only by the dimensions asked for, months by date_trunc in London time, in a fixed order', () => {
    expect(ocReportSql([], 7, 1)).not.toContain('group by date_trunc');
    expect(ocReportSql([], 7, 1)).not.toMatch(/\ngroup by/);
    const sql = ocReportSql(['TYPE', 'MONTH', 'PRACTICE'], 7, 1);
    expect(sql).toMatch(
      /group by c\.originating_practice_id, date_trunc\('month', c\.submitted_at at time zone 'Europe\/London'\), c\.type order by 1, 2, 3$/,
    );
    expect(ocReportSql(['MONTH'], 7, 0)).toContain('(count(*) filter (where false))::int as handled_at_hub');
  });
});
