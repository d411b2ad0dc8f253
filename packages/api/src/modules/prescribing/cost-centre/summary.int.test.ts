import { expect, it, beforeAll } from 'vitest';
import { toGlobalId } from '../../../platform/graphql/relay.js';
import { codeOf, describeEachDatabase } from '../../../test/harness.js';
import { CANCEL, DMD, ISSUE_AT_PRACTICE, item, must, patientAt, raise, raiseAndIssue } from '../prescribing.testkit.js';

const SUMMARY =
  'query ($period: PrescribingPeriodInput!, $groupBy: [PrescribingSummaryDimension!]!) { prescribingSummary(period: $period, groupBy: $groupBy) { groupBy rows { costCentreOds prescriberCode registeredPracticeOds hubServiceId hubServiceName dmdCode month prescriptions items } } }';
const CSV = 'query ($period: PrescribingPeriodInput!) { prescribingAuditCsv(period: $period) }';

interface Row {
  costCentreOds: string | null;
  prescriberCode: string | null;
  registeredPracticeOds: string | null;
  hubServiceId: string | null;
  hubServiceName: string | null;
  dmdCode: string | null;
  month: string | null;
  prescriptions: number;
  items: number;
}

const NOW = new Date();
const PERIOD = {
  from: new Date(Date.UTC(NOW.getUTCFullYear() - 1, 0, 1)).toISOString(),
  to: new Date(NOW.getTime() + 86_400_000).toISOString(),
};
const LAST_YEAR = `${NOW.getUTCFullYear() - 1}-06`;
const THIS_MONTH = NOW.toISOString().slice(0, 7);
const patients = [patientAt(1, 60), patientAt(1, 61), patientAt(2, 60), patientAt(2, 61), patientAt(3, 60)];

describeEachDatabase('prescribing: PCN-level summary and audit export', (hub) => {
  const rowsOf = async (groupBy: string[], user = 'pcn.analyst', period = PERIOD): Promise<Row[]> =>
    (await must(hub().gql<{ prescribingSummary: { rows: Row[] } }>(SUMMARY, { period, groupBy }, user)))
      .prescribingSummary.rows;
  const counts = (rows: Row[], key: keyof Row) =>
    Object.fromEntries(rows.map((r) => [String(r[key]), [r.prescriptions, r.items]]));

  beforeAll(async () => {
    const services = await hub().sql<{ id: string; name: string }>(
      "select id, name from hub_service where name in ('Minor Illness', 'Pharmacy')",
    );
    const service = (name: string) => toGlobalId('HubService', services.find((s) => s.name === name)!.id);
    await hub().sql(`update hub_service set name = 'Minor "Illness", evening' where name = 'Minor Illness'`);
    // Counted: four issued acute prescriptions, seven items.
    await raiseAndIssue(
      hub(),
      patients[0]!,
      { items: [item(), item(DMD.paracetamol)], hubServiceId: service('Minor Illness') },
      'hub.anp1',
    );
    const lastYear = await raiseAndIssue(hub(), patients[1]!, {}, 'hub.anp1');
    await raiseAndIssue(hub(), patients[2]!, {}, 'hub.anp2');
    await raiseAndIssue(
      hub(),
      patients[3]!,
      { items: [item(), item(DMD.paracetamol), item(DMD.scheduleTwo)], hubServiceId: service('Pharmacy') },
      'hub.pharmacist',
    );
    await hub().sql(`update prescription set issued_at = '${LAST_YEAR}-15T12:00:00Z' where short_form_id = ?`, [
      lastYear.shortFormId,
    ]);
    // Not counted: cancelled, only raised, and a repeat issued by the practice under its own code.
    const cancelled = await raiseAndIssue(hub(), patients[4]!, {}, 'hub.anp2');
    await must(hub().gql(CANCEL, { id: cancelled.id, reason: 'Wrong patient' }, 'hub.anp2'));
    await raise(hub(), 'hub.anp1', { nhsNumber: patients[4]!, items: [item()], courseOfTherapy: 'ACUTE' });
    const repeat = await raise(hub(), 'hub.anp1', {
      nhsNumber: patients[4]!,
      items: [item()],
      courseOfTherapy: 'REPEAT',
    });
    await must(hub().gql(ISSUE_AT_PRACTICE, { id: repeat.id }, 'p3.gp'));
  });

  it('totals issued, not cancelled, hub prescriptions with no grouping', async () => {
    expect(await rowsOf([])).toEqual([
      {
        costCentreOds: null,
        prescriberCode: null,
        registeredPracticeOds: null,
        hubServiceId: null,
        hubServiceName: null,
        dmdCode: null,
        month: null,
        prescriptions: 4,
        items: 7,
      },
    ]);
  });

  it('groups by prescriber, practice, medicine and month', async () => {
    expect(counts(await rowsOf(['PRESCRIBER']), 'prescriberCode')).toEqual({
      '99A0001A': [2, 3],
      '99A0002B': [1, 1],
      '2099001': [1, 3],
    });
    expect(counts(await rowsOf(['REGISTERED_PRACTICE']), 'registeredPracticeOds')).toEqual({
      Y99011: [2, 3],
      Y99012: [2, 4],
    });
    expect(counts(await rowsOf(['MEDICINE']), 'dmdCode')).toEqual({
      [DMD.amoxicillin]: [4, 4],
      [DMD.paracetamol]: [2, 2],
      [DMD.scheduleTwo]: [1, 1],
    });
    expect(counts(await rowsOf(['MONTH']), 'month')).toEqual({ [LAST_YEAR]: [1, 1], [THIS_MONTH]: [3, 6] });
    expect(counts(await rowsOf(['COST_CENTRE']), 'costCentreOds')).toEqual({ Y99009: [4, 7] });
  });

  it('combines dimensions in one grouping', async () => {
    const rows = await rowsOf(['HUB_SERVICE', 'REGISTERED_PRACTICE', 'MEDICINE']);
    const key = (r: Row) => `${r.hubServiceName ?? '-'}|${r.registeredPracticeOds}|${r.dmdCode}`;
    expect(Object.fromEntries(rows.map((r) => [key(r), [r.prescriptions, r.items]]))).toEqual({
      [`Minor "Illness", evening|Y99011|${DMD.amoxicillin}`]: [1, 1],
      [`Minor "Illness", evening|Y99011|${DMD.paracetamol}`]: [1, 1],
      [`-|Y99011|${DMD.amoxicillin}`]: [1, 1],
      [`-|Y99012|${DMD.amoxicillin}`]: [1, 1],
      [`Pharmacy|Y99012|${DMD.amoxicillin}`]: [1, 1],
      [`Pharmacy|Y99012|${DMD.paracetamol}`]: [1, 1],
      [`Pharmacy|Y99012|${DMD.scheduleTwo}`]: [1, 1],
    });
    expect(rows.every((r) => r.prescriberCode === null && r.month === null)).toBe(true);
  });

  it('respects the period, and refuses an empty or too long one', async () => {
    const recent = {
      from: new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), 1)).toISOString(),
      to: PERIOD.to,
    };
    expect((await rowsOf([], 'hub.manager', recent))[0]).toMatchObject({ prescriptions: 3, items: 6 });
    for (const period of [
      { from: PERIOD.to, to: PERIOD.from },
      { from: '2020-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' },
    ]) {
      const res = await hub().gql(SUMMARY, { period, groupBy: [] }, 'pcn.analyst');
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.field).toBe('period');
    }
  });

  it('is for analysts and hub managers only, and carries no patient identifiers', async () => {
    for (const user of ['hub.anp1', 'p1.gp', 'hub.coord1'])
      expect(codeOf(await hub().gql(SUMMARY, { period: PERIOD, groupBy: [] }, user))).toBe('FORBIDDEN');
    const all = await hub().gql(
      SUMMARY,
      {
        period: PERIOD,
        groupBy: ['PRESCRIBER', 'REGISTERED_PRACTICE', 'HUB_SERVICE', 'MEDICINE', 'MONTH', 'COST_CENTRE'],
      },
      'pcn.analyst',
    );
    const text = JSON.stringify(all);
    for (const nhs of patients) expect(text).not.toContain(nhs);
    const type = await must(
      hub().gql<{ __type: { fields: { name: string }[] } }>(
        '{ __type(name: "PrescribingSummaryRow") { fields { name } } }',
        {},
        'pcn.analyst',
      ),
    );
    expect(type.__type.fields.map((f) => f.name).filter((n) => /patient|nhs|name/i.test(n))).toEqual([
      'hubServiceName',
    ]);
  });

  it('exports the ICB audit CSV with escaping and no patient identifiers', async () => {
    const res = await must(hub().gql<{ prescribingAuditCsv: string }>(CSV, { period: PERIOD }, 'hub.manager'));
    const csv = res.prescribingAuditCsv;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'period_month,cost_centre_ods,prescriber_code,registered_practice_ods,hub_service,dmd_code,prescriptions,items',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(7);
    expect(lines).toContain(`${THIS_MONTH},Y99009,99A0001A,Y99011,"Minor ""Illness"", evening",${DMD.paracetamol},1,1`);
    expect(lines).toContain(`${LAST_YEAR},Y99009,99A0001A,Y99011,,${DMD.amoxicillin},1,1`);
    for (const nhs of patients) expect(csv).not.toContain(nhs);
    expect(codeOf(await hub().gql(CSV, { period: PERIOD }, 'hub.anp1'))).toBe('FORBIDDEN');
  });
});
