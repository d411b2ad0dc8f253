import { syntheticNhsNumber } from '@pcn-hub/schema';
import { beforeAll, expect, it } from 'vitest';
import { fromGlobalId } from '../graphql/relay.js';
import { auditLinesSince, clockOf, codeOf, describeEachDatabase, fewestStatements } from '../../test/harness.js';

// The audit events page reads in one statement of only the selected columns (audit.service.ts).
// These tests hold every field of every row to the table, check the scope (a hub manager: the
// PCN's organisations; a practice admin: its registered patients) and that reading the trail
// writes nothing to it.

const FULL =
  'id at actorId actorType organisationOds action subjectType subjectId patientId outcome requestId reason onBehalfOf';
/** What the benchmark asks (bench/lib/reads-cases.mjs). */
const HOT = 'id at actorId actorType action subjectType subjectId outcome organisationOds';

type Event = Record<string, string | null>;
type Page = { auditEvents: { edges: { cursor: string; node: Event }[]; pageInfo: { hasNextPage: boolean } } };

const pageQuery = (selection: string) =>
  `query($first: Int, $after: String, $filter: AuditEventFilter) { auditEvents(first: $first, after: $after, filter: $filter) {
    edges { cursor node { ${selection} } } pageInfo { hasNextPage endCursor } } }`;

describeEachDatabase('audit events page: one statement, every field as stored', (hub) => {
  async function page(user: string, selection: string, variables: Record<string, unknown> = {}) {
    const res = await hub().gql<Page>(pageQuery(selection), { first: 30, ...variables }, user);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.auditEvents;
  }

  beforeAll(async () => {
    // Patient reads by the hub (audited with the patient), a denial, and a failed lookup.
    for (let i = 20; i < 26; i++) {
      await hub().gql(
        'query ($n: NHSNumber!) { patient(nhsNumber: $n) { id } }',
        { n: syntheticNhsNumber(i) },
        'hub.anp1',
      );
    }
    await hub().gql(pageQuery('id'), {}, 'hub.anp1'); // FORBIDDEN, audited as DENIED
    await hub().gql(
      'query ($n: NHSNumber!) { patient(nhsNumber: $n) { id } }',
      { n: syntheticNhsNumber(899_998) },
      'hub.anp1',
    );
  });

  it('answers every field of every row as the table holds it, newest first, and writes no audit row', async () => {
    for (const [user, scope] of [
      ['hub.manager', 'a.organisation_ods in (select ods_code from organisation where id = ? or pcn_id = ?)'],
      ['p1.admin', 'a.patient_id in (select p.id from patient p where p.registered_practice_id = ?)'],
    ] as const) {
      const since = await clockOf(hub());
      const events = await page(user, FULL);
      expect((await auditLinesSince(hub(), user, since)).lines).toEqual([]);
      const [org] = await hub().sql<{ id: string; pcn_id: string }>(
        'select o.id, o.pcn_id from organisation o where o.ods_code = ?',
        [user === 'hub.manager' ? 'Y99000' : 'Y99011'],
      );
      const params = user === 'hub.manager' ? [org!.pcn_id, org!.pcn_id] : [org!.id];
      const rows = await hub().sql(`select a.* from audit_event a where ${scope} order by a.id desc limit 30`, params);
      expect(events.edges.length).toBeGreaterThan(0);
      expect(events.edges.map((e) => e.node)).toEqual(
        rows.map((r) => ({
          id: Buffer.from(`AuditEvent:${r.id as string}`).toString('base64url'),
          at: new Date(r.at as string).toISOString(),
          actorId: r.actor_id,
          actorType: r.actor_type,
          organisationOds: r.organisation_ods,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          patientId: r.patient_id ? Buffer.from(`Patient:${r.patient_id as string}`).toString('base64url') : null,
          outcome: r.outcome,
          requestId: r.request_id,
          reason: r.reason,
          onBehalfOf: r.on_behalf_of,
        })),
      );
    }
    const outcomes = new Set((await page('hub.manager', 'outcome', { first: 200 })).edges.map((e) => e.node.outcome));
    expect(outcomes).toEqual(new Set(['SUCCESS', 'DENIED', 'FAILED']));
  });

  it('pages by cursor and filter as before, and refuses a bad cursor or patient id with BAD_USER_INPUT', async () => {
    const all = await page('hub.manager', 'id', { first: 12 });
    const first = await page('hub.manager', 'id', { first: 5 });
    const second = await page('hub.manager', 'id', { first: 7, after: first.edges.at(-1)!.cursor });
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(all.edges.map((e) => e.node.id));
    const one = (await page('hub.manager', 'patientId at', { filter: { actorId: 'hub.anp1' } })).edges.find(
      (e) => e.node.patientId,
    )!.node;
    const byPatient = await page('hub.manager', 'patientId actorId', { filter: { patientId: one.patientId } });
    expect(byPatient.edges.length).toBeGreaterThan(0);
    expect(byPatient.edges.every((e) => e.node.patientId === one.patientId)).toBe(true);
    const at = Date.parse(one.at!);
    const window = await page('hub.manager', 'at', {
      filter: { from: new Date(at).toISOString(), to: new Date(at + 1).toISOString() },
    });
    expect(window.edges.every((e) => Date.parse(e.node.at!) === at)).toBe(true);
    expect(fromGlobalId(one.patientId!)?.type).toBe('Patient');
    for (const [variables, field] of [
      [{ after: 'nope' }, 'after'],
      [{ filter: { patientId: 'nope' } }, 'filter.patientId'],
    ] as const) {
      const res = await hub().gql(pageQuery('id'), variables, 'hub.manager');
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.field).toBe(field);
    }
  });

  it('costs one SQL statement whatever the page size', async () => {
    const run = (first: number) => async () => {
      await page('hub.manager', HOT, { first });
    };
    await run(5)(); // the token's organisation and staff account are remembered after the first request
    expect(await fewestStatements(hub(), run(5))).toBe(1);
    expect(await fewestStatements(hub(), run(50))).toBe(1);
  });
});
