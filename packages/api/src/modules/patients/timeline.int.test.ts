import { expect, it, vi } from 'vitest';
import { codeOf, describeEachDatabase, type TestHub } from '../../test/harness.js';
import { serviceIds } from '../appointments/appointments.testkit.js';
import { recordAndSave } from '../consultations/consultations.testkit.js';
import { submit } from '../inbox/inbox.testkit.js';
import { asPlugin, registerPlugin } from '../plugins/plugins.testkit.js';
import { raiseAndIssue } from '../prescribing/prescribing.testkit.js';
import { nhsOf, referOk, referrerOf } from '../referrals/referrals.testkit.js';

const TIMELINE = `query ($n: NHSNumber!, $first: Int, $after: String, $kinds: [PatientActivityKind!]) {
  patient(nhsNumber: $n) { id timeline(first: $first, after: $after, kinds: $kinds) {
    edges { cursor node { kind subjectId occurredAt state organisation { odsCode } } }
    pageInfo { hasNextPage endCursor } } } }`;

interface Activity {
  kind: string;
  subjectId: string;
  occurredAt: string;
  state: string;
  organisation: { odsCode: string };
}
type Page = {
  patient: {
    id: string;
    timeline: {
      edges: { cursor: string; node: Activity }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
};

async function page(hub: TestHub, user: string, vars: Record<string, unknown>): Promise<Page['patient']['timeline']> {
  const res = await hub.gql<Page>(TIMELINE, vars, user);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.patient.timeline;
}

/** Every item, page by page. */
async function all(
  hub: TestHub,
  user: string,
  n: string,
  first: number,
): Promise<{ items: Activity[]; pages: number }> {
  const items: Activity[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const p = await page(hub, user, { n, first, after });
    pages += 1;
    items.push(...p.edges.map((e) => e.node));
    if (!p.pageInfo.hasNextPage) return { items, pages };
    after = p.pageInfo.endCursor;
  }
}

const I = 123; // a demo patient registered at practice 5 (Y99015)
const dbId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;

describeEachDatabase("a patient's hub activity timeline", (hub) => {
  it('lists consultations, online consultations, prescriptions and referrals newest first, paged, each page audited', async () => {
    const n = nhsOf(I);
    const services = await serviceIds(hub());
    await submit(hub(), I);
    await raiseAndIssue(hub(), n);
    await recordAndSave(hub(), 'hub.anp1', { nhsNumber: n, entries: [] });
    await referOk(
      hub(),
      {
        method: 'DOCUMENT_SEND',
        serviceId: services['Physiotherapy'],
        nhsNumber: n,
        document: {
          title: 'Referral letter',
          contentType: 'application/pdf',
          sizeBytes: 1000,
          reference: 'docman://outbox/1',
        },
      },
      referrerOf(I),
    );
    const patientId = (await hub().sql<{ id: string }>('select id from patient where nhs_number = ?', [n]))[0]!.id;
    const expected = await hub().sql<{ id: string }>(
      `select id from (select id, started_at as at from consultation where patient_id = ?
         union all select id, submitted_at from online_consultation where patient_id = ?
         union all select id, raised_at from prescription where patient_id = ?
         union all select id, created_at from referral where patient_id = ?) t order by at desc, id desc`,
      [patientId, patientId, patientId, patientId],
    );
    const auditBefore = await hub().sql(
      "select 1 from audit_event where action = 'readPatientTimeline' and patient_id = ?",
      [patientId],
    );

    const { items, pages } = await all(hub(), 'hub.anp1', n, 2);
    expect(items.map((a) => dbId(a.subjectId))).toEqual(expected.map((r) => r.id));
    expect(new Set(items.map((a) => a.kind))).toEqual(
      new Set(['HUB_CONSULTATION', 'ONLINE_CONSULTATION', 'PRESCRIPTION', 'REFERRAL']),
    );
    const times = items.map((a) => Date.parse(a.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.find((a) => a.kind === 'PRESCRIPTION')).toMatchObject({
      state: 'ISSUED',
      organisation: { odsCode: 'Y99000' },
    });
    expect(items.find((a) => a.kind === 'REFERRAL')!.organisation.odsCode).toBe('Y99015');
    const audit = await hub().sql<{ actor_id: string; subject_id: string }>(
      "select actor_id, subject_id from audit_event where action = 'readPatientTimeline' and patient_id = ? and outcome = 'SUCCESS'",
      [patientId],
    );
    expect(audit.length - auditBefore.length).toBe(pages);
    expect(audit.every((a) => a.actor_id === 'hub.anp1' && a.subject_id === patientId)).toBe(true);

    // The registered practice sees the same; only the kinds asked for.
    const own = await page(hub(), 'p5.gp', { n, first: 50, kinds: ['PRESCRIPTION'] });
    expect(own.edges.length).toBeGreaterThanOrEqual(1);
    expect(new Set(own.edges.map((e) => e.node.kind))).toEqual(new Set(['PRESCRIPTION']));

    // One statement per page, whatever the page size: the four tables in one UNION ALL.
    const connection = Object.getPrototypeOf(hub().app.orm.em.getConnection()) as {
      execute: (...args: unknown[]) => unknown;
    };
    const execute = vi.spyOn(connection, 'execute');
    await page(hub(), 'hub.anp1', { n, first: 3 });
    const statements = execute.mock.calls.filter(
      ([sql]) => typeof sql === 'string' && /from (consultation|online_consultation|prescription|referral) x/.test(sql),
    );
    execute.mockRestore();
    expect(statements).toHaveLength(1);
  });

  it('refuses forged cursors, and plugins (even with patients:read) get NOT_FOUND for the timeline', async () => {
    const n = nhsOf(I);
    expect(codeOf(await hub().gql(TIMELINE, { n, after: 'forged' }, 'hub.anp1'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await hub().gql(TIMELINE, { n }, 'p1.gp'))).toBe('NOT_FOUND');
    const plugin = await registerPlugin(hub(), { scopes: ['patients:read', 'consultations:read'] });
    const res = await asPlugin(hub(), plugin.key, 'Y99000')<Page>(TIMELINE, { n });
    expect(codeOf(res)).toBe('NOT_FOUND');
    const denied = await hub().sql(
      "select 1 from audit_event where action = 'readPatientTimeline' and outcome = 'DENIED' and actor_id = ?",
      [plugin.name],
    );
    expect(denied).toHaveLength(1);
  });
});
