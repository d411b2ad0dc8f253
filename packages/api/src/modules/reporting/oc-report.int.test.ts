import { beforeAll, expect, it } from 'vitest';
import { codeOf, describeEachDatabase, seedForeignPcn, type GqlResult } from '../../test/harness.js';
import { dbIdOf, ok, practiceOf, signpostTo, submit } from '../inbox/inbox.testkit.js';

const ROW = `practiceOds month type consultations handledAtHub hubShare triaged medianMinutesToFirstTriage
  p90MinutesToFirstTriage responseDue answeredInTime answeredInTimeShare
  outcomes { completed cancelled open }
  signposting { hubServiceQueue adminQueue urgentEscalation signpostedExternal closedRemotely passedBackToPractice }`;
const REPORT = `query ($period: ReportPeriodInput!, $groupBy: [OnlineConsultationReportDimension!]!) {
  onlineConsultationReport(period: $period, groupBy: $groupBy) { groupBy rows { ${ROW} } }
}`;
const CSV = `query ($period: ReportPeriodInput!, $groupBy: [OnlineConsultationReportDimension!]!) {
  onlineConsultationReportCsv(period: $period, groupBy: $groupBy)
}`;
const PERIOD = { from: '2021-01-01T00:00:00Z', to: '2021-07-01T00:00:00Z' };
const BASE = Date.parse('2021-01-10T09:00:00Z');
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

type Row = Record<string, unknown> & { practiceOds: string | null; month: string | null; type: string | null };

describeEachDatabase('online consultation report', (hub) => {
  const X = practiceOf(0);
  let Y = '';
  const report = async (groupBy: string[], user = 'pcn.analyst'): Promise<Row[]> => {
    const res = await hub().gql<{ onlineConsultationReport: { rows: Row[] } }>(
      REPORT,
      { period: PERIOD, groupBy },
      user,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.onlineConsultationReport.rows;
  };

  /**
   * A hand-built PCN: consultations submitted and triaged through the API, then moved to fixed
   * times in 2021 (submission, response-expected-by, each transition), so every figure is exact.
   */
  beforeAll(async () => {
    const y = Array.from({ length: 40 }, (_, i) => i).find((i) => practiceOf(i) !== X)!;
    Y = practiceOf(y);
    const services = await hub().gql<{ hubServices: { id: string; name: string }[] }>(
      '{ hubServices { id name } }',
      {},
      'hub.manager',
    );
    const minorIllness = services.data!.hubServices.find((s) => s.name === 'Minor Illness')!.id;
    const place = async (id: string, submitted: string, due: string | null, times: Record<string, number> = {}) => {
      await hub().sql('update online_consultation set submitted_at = ?, response_expected_by = ? where id = ?', [
        submitted,
        due,
        dbIdOf(id),
      ]);
      await hub().sql(
        "update consultation_transition set at = ? where consultation_id = ? and action in ('ARRIVE', 'CLAIM')",
        [submitted, dbIdOf(id)],
      );
      for (const [action, minutes] of Object.entries(times)) {
        await hub().sql('update consultation_transition set at = ? where consultation_id = ? and action = ?', [
          at(minutes),
          dbIdOf(id),
          action,
        ]);
      }
    };
    const claimed = async (i: number, overrides: Record<string, unknown> = {}) => {
      const { consultationId } = await submit(hub(), i, overrides);
      await ok(hub(), 'claimConsultation', { consultationId }, 'hub.anp1');
      return consultationId;
    };
    // X, January: A closed remotely at 10 min and completed (answered in time), B signposted
    // outside at 50 min (answered late), C (admin) passed back at 20 min (due, unanswered).
    const a = await claimed(0);
    await ok(hub(), 'signpostConsultation', signpostTo(a, 'CLOSED_REMOTELY'), 'hub.anp1');
    await ok(hub(), 'completeConsultation', { consultationId: a, outcome: 'Advice given' }, 'hub.anp1');
    await place(a, at(0), at(60), { SIGNPOST: 10, COMPLETE: 30 });
    const b = await claimed(0);
    await ok(hub(), 'signpostConsultation', signpostTo(b, 'SIGNPOSTED_EXTERNAL'), 'hub.anp1');
    await place(b, at(0), at(40), { SIGNPOST: 50 });
    const c = await claimed(0, { type: 'ADMIN' });
    await ok(
      hub(),
      'passBackToPractice',
      { consultationId: c, reason: 'Needs the GP', triageNotes: 'Notes' },
      'hub.anp1',
    );
    await place(c, at(0), at(60), { PASS_BACK: 20 });
    // Y, January: D queued for a hub service at 30 min (no response time), E cancelled (due, unanswered).
    const d = await claimed(y);
    await ok(
      hub(),
      'signpostConsultation',
      signpostTo(d, 'HUB_SERVICE_QUEUE', { serviceId: minorIllness }),
      'hub.anp1',
    );
    await place(d, at(0), null, { SIGNPOST: 30 });
    const e = await claimed(y);
    await ok(hub(), 'cancelConsultation', { consultationId: e, reason: 'Duplicate' }, 'hub.anp1');
    await place(e, at(0), at(60), { CANCEL: 5 });
    // Y: F at 00:30 on 1 June London time (23:30 UTC on 31 May), untriaged, response not yet due.
    const f = (await submit(hub(), y)).consultationId;
    await place(f, '2021-05-31T23:30:00Z', new Date(Date.now() + 86_400_000).toISOString());
    // Not counted: G submitted just before the period; H sent to a practice of another PCN.
    const g = (await submit(hub(), 0)).consultationId;
    await place(g, '2020-12-31T23:59:59Z', null);
    const h = (await submit(hub(), 0)).consultationId;
    await place(h, at(0), null);
    const foreign = await seedForeignPcn(hub());
    await hub().sql('update online_consultation set originating_practice_id = ?, owner_id = ? where id = ?', [
      foreign.practiceId,
      foreign.practiceId,
      dbIdOf(h),
    ]);
  });

  it('totals the period: volumes, hub share, triage percentiles, answers in time, outcomes, signposting', async () => {
    expect(await report([])).toEqual([
      {
        practiceOds: null,
        month: null,
        type: null,
        consultations: 6,
        handledAtHub: 5,
        hubShare: 5 / 6,
        triaged: 4,
        medianMinutesToFirstTriage: 25, // of 10, 20, 30, 50
        p90MinutesToFirstTriage: 44, // 30 + 0.7 * (50 - 30)
        responseDue: 4,
        answeredInTime: 1,
        answeredInTimeShare: 0.25,
        outcomes: { completed: 1, cancelled: 1, open: 4 },
        signposting: {
          hubServiceQueue: 1,
          adminQueue: 0,
          urgentEscalation: 0,
          signpostedExternal: 1,
          closedRemotely: 1,
          passedBackToPractice: 1,
        },
      },
    ]);
  });

  it('groups by practice and month (London time) and by type', async () => {
    const rows = await report(['MONTH', 'PRACTICE', 'PRACTICE']);
    const pick = (r: Row) => [
      r.practiceOds,
      r.month,
      r.consultations,
      r.handledAtHub,
      r.triaged,
      r.medianMinutesToFirstTriage,
      r.p90MinutesToFirstTriage,
      r.responseDue,
      r.answeredInTime,
    ];
    expect(rows.map(pick)).toEqual(
      [
        [X, '2021-01', 3, 2, 3, 20, 44, 3, 1],
        [Y, '2021-01', 2, 2, 1, 30, 30, 1, 0],
        [Y, '2021-06', 1, 1, 0, null, null, 0, 0],
      ].sort((p, q) => String(p[0]).localeCompare(String(q[0]))),
    );
    expect(rows.every((r) => r.type === null)).toBe(true);
    const types = await report(['TYPE']);
    expect(types.map((r) => [r.type, r.consultations, r.handledAtHub])).toEqual([
      ['ADMIN', 1, 0],
      ['CLINICAL', 5, 5],
    ]);
  });

  it('exports the same figures as CSV', async () => {
    const res = await hub().gql<{ onlineConsultationReportCsv: string }>(
      CSV,
      { period: PERIOD, groupBy: ['PRACTICE', 'MONTH'] },
      'hub.manager',
    );
    expect(res.errors).toBeUndefined();
    const lines = res.data!.onlineConsultationReportCsv.split('\r\n');
    expect(lines[0]).toBe(
      'period_month,practice_ods,type,consultations,handled_at_hub,hub_share,triaged,median_minutes_to_first_triage,p90_minutes_to_first_triage,response_due,answered_in_time,answered_in_time_share,completed,cancelled,open,hub_service_queue,admin_queue,urgent_escalation,signposted_external,closed_remotely,passed_back_to_practice',
    );
    expect(lines).toContain(`2021-01,${X},,3,2,0.6667,3,20,44,3,1,0.3333,1,0,2,0,0,0,1,1,1`);
    expect(lines).toContain(`2021-06,${Y},,1,1,1,0,,,0,0,,0,0,1,0,0,0,0,0,0`);
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toBe('');
  });

  it('is for PCN analysts and hub managers only, and audits each report', async () => {
    for (const user of ['hub.anp1', 'hub.coord1', 'p1.gp', 'oc.supplier']) {
      expect(codeOf(await hub().gql(REPORT, { period: PERIOD, groupBy: [] }, user)), user).toBe('FORBIDDEN');
      expect(codeOf(await hub().gql(CSV, { period: PERIOD, groupBy: [] }, user)), user).toBe('FORBIDDEN');
    }
    expect(await report([], 'hub.manager')).toHaveLength(1);
    const audit = await hub().sql<{ n: string | number }>(
      "select count(*) as n from audit_event where action = 'onlineConsultationReport' and actor_id = 'hub.manager' and patient_id is null",
    );
    expect(Number(audit[0]!.n)).toBeGreaterThanOrEqual(1);
  });

  it('refuses a period that ends before it starts, one over 731 days, and an unknown dimension, naming the field', async () => {
    const refused = (res: GqlResult) => [codeOf(res), res.errors?.[0]?.extensions?.field];
    const backwards = { from: PERIOD.to, to: PERIOD.from };
    expect(refused(await hub().gql(REPORT, { period: backwards, groupBy: [] }, 'pcn.analyst'))).toEqual([
      'BAD_USER_INPUT',
      'period.to',
    ]);
    expect(
      refused(await hub().gql(CSV, { period: { from: PERIOD.from, to: PERIOD.from }, groupBy: [] }, 'pcn.analyst')),
    ).toEqual(['BAD_USER_INPUT', 'period.to']);
    const long = { from: '2019-01-01T00:00:00Z', to: '2021-01-02T00:00:00Z' };
    expect(refused(await hub().gql(REPORT, { period: long, groupBy: [] }, 'pcn.analyst'))).toEqual([
      'BAD_USER_INPUT',
      'period',
    ]);
    const unknown = await hub().gql(REPORT, { period: PERIOD, groupBy: ['PRACTICE', 'POSTCODE'] }, 'pcn.analyst');
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.extensions!.field).toMatch(/^groupBy/);
  });
});
