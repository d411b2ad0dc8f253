import type { Actor } from '../auth/actor.js';
import type { Em } from '../db/orm.js';
import { asJson, exec, type SqlConditions } from '../db/sql.js';
import type { AuditLog } from './audit.log.js';

/** A request to read one page of the rows an actor may see, in one statement that audits them. */
export interface AuditedPageRead {
  readonly em: Em;
  readonly actor: Actor;
  /** Conditions on the page's table (aliased `p`). */
  readonly where: SqlConditions;
  /** Rows to read at most: a page and one more, to learn whether more follow. */
  readonly limit: number;
  /** The log that writes the audit rows, and how many of the first rows read it audits. */
  readonly audit: { readonly log: AuditLog; readonly count: number };
}

/** What a page reads of its table `p`: from where, in which order, and each row as JSON. */
export interface PageSql {
  /** The table aliased `p` with its joins, e.g. `patient p join organisation rp on ...`. */
  readonly from: string;
  /** Values of the placeholders of `from`. */
  readonly params: readonly unknown[];
  /** The page's order (SQL on `p` and its joins). */
  readonly order: string;
  /** A row as one JSON array (SQL). */
  readonly row: string;
  /** The audited patient's id (SQL), e.g. `p.patient_id`. */
  readonly patientId: string;
}

/**
 * One statement: the page `page` of the rows matching `read.where`, at most `read.limit`, each
 * packed into one JSON array; and, in the same statement (a data-modifying CTE), one `entry` audit
 * row (subject `p.id`, patient `page.patientId`) for each of the first `read.audit.count` rows.
 * Returns the rows' arrays, in page order.
 */
export async function readAuditedPage(
  read: AuditedPageRead,
  page: PageSql,
  entry: { readonly action: string; readonly subjectType: string },
): Promise<unknown[][]> {
  const { where, audit } = read;
  const insert = audit.log.readsInsert(
    'page',
    { subjectId: 's.id', patientId: 's.patient_id', rank: 's.rank_' },
    entry,
    audit.count,
  );
  const sql = `with page as (select p.id, ${page.patientId} as patient_id, row_number() over (order by ${page.order}) as rank_,
        ${page.row} as r
      from ${page.from} where ${where.and()} order by ${page.order} limit ?),
    audited as (${insert.sql})
    select r from page order by rank_`;
  const rows = await exec<{ r: unknown[] | string }>(read.em, sql, [
    ...page.params,
    ...where.params,
    read.limit,
    ...insert.params,
  ]);
  return rows.map(({ r }) => asJson<unknown[]>(r));
}
