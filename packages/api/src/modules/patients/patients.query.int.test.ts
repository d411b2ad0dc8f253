import { expect, it } from 'vitest';
import { fromGlobalId } from '../../platform/graphql/relay.js';
import {
  auditLinesSince,
  clockOf,
  codeOf,
  describeEachDatabase,
  fewestStatements,
  type GqlResult,
  type TestHub,
} from '../../test/harness.js';

// The patients search page reads in one statement (patients.read.ts): the page under the patients
// policy, the registered practice when asked, and its audit rows. These tests hold it to what the
// single read and the field loader answer, and to the audit rows the page always wrote.

const FULL = `id nhsNumber givenName familyName dateOfBirth sex registeredPractice { id odsCode name kind active pcn { odsCode } }`;
/** What the benchmark asks (bench/lib/reads-cases.mjs). */
const HOT = 'id nhsNumber givenName familyName dateOfBirth sex registeredPractice { odsCode name }';

type Node = { id: string; nhsNumber?: string; familyName?: string } & Record<string, unknown>;
type Page = { patients: { edges: { cursor: string; node: Node }[]; pageInfo: { hasNextPage: boolean } } };

const pageQuery = (selection: string) =>
  `query($search: String, $first: Int, $after: String) { patients(search: $search, first: $first, after: $after) {
    edges { cursor node { ${selection} } } pageInfo { hasNextPage endCursor } } }`;

async function page(hub: TestHub, user: string, selection: string, variables: Record<string, unknown> = {}) {
  const res: GqlResult<Page> = await hub.gql<Page>(pageQuery(selection), { first: 8, ...variables }, user);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.patients;
}

describeEachDatabase('patients search page: one statement, same answers and audit', (hub) => {
  it('writes the same audit rows whatever the selection joins: one readPatient per patient returned', async () => {
    for (const [user, ods, search] of [
      ['hub.anp2', 'Y99000', 'A'],
      ['p2.gp', 'Y99012', null],
    ] as const) {
      const since = await clockOf(hub());
      const bare = await page(hub(), user, 'id', { search });
      const bareAudit = await auditLinesSince(hub(), user, since);
      const since2 = await clockOf(hub());
      const joined = await page(hub(), user, FULL, { search });
      const joinedAudit = await auditLinesSince(hub(), user, since2);
      expect(joined.edges.map((e) => e.node.id)).toEqual(bare.edges.map((e) => e.node.id));
      expect(bare.edges).toHaveLength(8);
      expect(joinedAudit.lines).toEqual(bareAudit.lines);
      expect([bareAudit.requests, joinedAudit.requests]).toEqual([1, 1]);
      const ids = bare.edges.map((e) => fromGlobalId(e.node.id)!.id).sort();
      expect(bareAudit.lines).toEqual(
        ids.map((id) => `readPatient Patient ${id} ${id} SUCCESS ${user} USER ${ods} - -`),
      );
    }
  });

  it('answers every field as the single read and the field loader do', async () => {
    for (const user of ['hub.anp1', 'p3.gp']) {
      const joined = await page(hub(), user, FULL, { first: 12 });
      expect(joined.edges).toHaveLength(12);
      for (const { node } of joined.edges) {
        const single = await hub().gql<{ patient: Node }>(
          `query($n: NHSNumber!) { patient(nhsNumber: $n) { ${FULL} } }`,
          { n: node.nhsNumber },
          user,
        );
        expect(single.errors).toBeUndefined();
        expect(node).toEqual(single.data!.patient);
      }
    }
  });

  it('pages by cursor, searches by name prefix (wildcards literal) or NHS number, refuses bad input', async () => {
    const all = await page(hub(), 'hub.anp1', 'id familyName', { first: 40 });
    const first = await page(hub(), 'hub.anp1', 'id', { first: 15 });
    const second = await page(hub(), 'hub.anp1', 'id', { first: 25, after: first.edges.at(-1)!.cursor });
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(all.edges.map((e) => e.node.id));
    const abbott = await page(hub(), 'hub.anp1', 'familyName', { search: ' abb', first: 50 });
    expect(abbott.edges.length).toBeGreaterThan(0);
    expect(abbott.edges.every((e) => e.node.familyName === 'Abbott')).toBe(true);
    expect((await page(hub(), 'hub.anp1', 'id', { search: '%' })).edges).toEqual([]);
    expect((await page(hub(), 'hub.anp1', 'id', { search: '_' })).edges).toEqual([]);
    const one = (await page(hub(), 'p3.gp', 'id nhsNumber', { first: 1 })).edges[0]!.node;
    const byNumber = await page(hub(), 'p3.gp', 'id', { search: one.nhsNumber });
    expect(byNumber.edges.map((e) => e.node.id)).toEqual([one.id]);
    // Another practice's patient is not found by number.
    expect((await page(hub(), 'p2.gp', 'id', { search: one.nhsNumber })).edges).toEqual([]);
    for (const [variables, field] of [
      [{ search: 'x'.repeat(101) }, 'search'],
      [{ after: 'nope' }, 'after'],
      [{ first: 201 }, 'first'],
    ] as const) {
      const res = await hub().gql(pageQuery('id'), variables, 'hub.anp1');
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.field).toBe(field);
    }
  });

  it('costs one SQL statement whatever the page size, practice joined', async () => {
    const run = (first: number) => async () => {
      await page(hub(), 'hub.anp3', HOT, { first });
    };
    await run(3)(); // the token's organisation and staff account are remembered after the first request
    expect(await fewestStatements(hub(), run(3))).toBe(1);
    expect(await fewestStatements(hub(), run(30))).toBe(1);
  });
});
