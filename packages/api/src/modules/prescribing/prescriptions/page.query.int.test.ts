import { beforeAll, expect, it } from 'vitest';
import { fromGlobalId } from '../../../platform/graphql/relay.js';
import {
  auditLinesSince,
  clockOf,
  codeOf,
  describeEachDatabase,
  fewestStatements,
  seedForeignPcn,
  type TestHub,
} from '../../../test/harness.js';
import { DMD, item, must, patientAt, raise, raiseAndIssue } from '../prescribing.testkit.js';

// The prescriptions page reads in one statement (prescriptions.read.ts): the page, the joins its
// selection asks for (items, patient, registered practice, hub) and its audit rows. These tests
// hold it to what the field resolvers' loaders answer and to the audit rows the page always wrote.

const FULL = `id state courseOfTherapy shortFormId longFormId issuerOds prescriberCode prescriberCodeKind
  prescriptionType raisedBy raisedAt issuedBy issuedAt statusReason consultationId nominatedDispenserOds
  items { lineNo dmdCode medicineName quantity unit dosageText controlledDrugSchedule }
  patient { id nhsNumber givenName familyName dateOfBirth sex registeredPractice { odsCode } }
  registeredPractice { id odsCode name kind active pcn { odsCode } }
  hub { id odsCode name }`;

/** What the benchmark's page asks for (bench/lib/reads-cases.mjs): every join, nothing from a loader. */
const HOT = `id state courseOfTherapy raisedAt issuedAt shortFormId patient { nhsNumber familyName }
  registeredPractice { odsCode } hub { odsCode } items { lineNo dmdCode medicineName quantity unit dosageText }`;

type Node = { id: string; patient?: { nhsNumber: string } | null } & Record<string, unknown>;
type Page = { prescriptions: { edges: { cursor: string; node: Node }[]; pageInfo: { hasNextPage: boolean } } };

const pageQuery = (selection: string) =>
  `query($first: Int, $after: String, $filter: PrescriptionFilter) {
    prescriptions(first: $first, after: $after, filter: $filter) {
      edges { cursor node { ${selection} } } pageInfo { hasNextPage endCursor } } }`;

async function page(hub: TestHub, user: string, selection: string, variables: Record<string, unknown> = {}) {
  return (await must(hub.gql<Page>(pageQuery(selection), { first: 6, ...variables }, user))).prescriptions;
}

const dbIdOf = (globalId: string) => fromGlobalId(globalId)!.id;

describeEachDatabase(
  'prescriptions page: one statement, same answers and audit',
  (hub) => {
    beforeAll(async () => {
      // Acute and repeat, one to three items (a controlled drug among them), raised and issued, at
      // several practices of the PCN.
      for (let n = 1; n <= 4; n++) {
        await raise(hub(), 'hub.anp1', {
          nhsNumber: patientAt(2, n),
          items: [item(), item(DMD.paracetamol, 32)].slice(0, 1 + (n % 2)),
          courseOfTherapy: 'ACUTE',
        });
        await raiseAndIssue(hub(), patientAt(3, n), { items: [item(), item(DMD.scheduleTwo, 14), item()] });
        await raise(hub(), 'hub.anp1', { nhsNumber: patientAt(2, n + 4), items: [item()], courseOfTherapy: 'REPEAT' });
      }
    });

    it('writes the same audit rows whatever the selection joins: one readPrescription per prescription, with its patient', async () => {
      for (const [user, ods] of [
        ['hub.anp2', 'Y99000'],
        ['p2.gp', 'Y99012'],
      ] as const) {
        const since = await clockOf(hub());
        const bare = await page(hub(), user, 'id');
        const bareAudit = await auditLinesSince(hub(), user, since);
        const since2 = await clockOf(hub());
        const joined = await page(hub(), user, FULL);
        const joinedAudit = await auditLinesSince(hub(), user, since2);
        expect(joined.edges.map((e) => e.node.id)).toEqual(bare.edges.map((e) => e.node.id));
        expect(bare.edges.length).toBeGreaterThan(0);
        expect(bareAudit.lines).toHaveLength(bare.edges.length);
        expect(joinedAudit.lines).toEqual(bareAudit.lines);
        expect([bareAudit.requests, joinedAudit.requests]).toEqual([1, 1]);
        const ids = bare.edges.map((e) => dbIdOf(e.node.id));
        const expected = await hub().sql<{ line: string }>(
          `select concat_ws(' ', 'readPrescription', 'Prescription', p.id, p.patient_id, 'SUCCESS', ?, 'USER', ?, '-', '-') as line
           from prescription p where p.id in (${ids.map(() => '?').join(', ')}) order by p.id`,
          [user, ods, ...ids],
        );
        expect(bareAudit.lines).toEqual(expected.map((r) => r.line));
      }
    });

    it('answers every joined field as the single read (through the field loaders) does', async () => {
      for (const user of ['hub.anp1', 'p2.gp', 'p3.gp']) {
        const joined = await page(hub(), user, FULL, { first: 20 });
        expect(joined.edges.length).toBeGreaterThan(0);
        for (const { node } of joined.edges) {
          const single = await must(
            hub().gql<{ prescription: Node }>(
              `query($id: ID!) { prescription(id: $id) { ${FULL} } }`,
              { id: node.id },
              user,
            ),
          );
          expect(node).toEqual(single.prescription);
        }
      }
      const sample = (await page(hub(), 'hub.anp1', FULL, { first: 20 })).edges.map((e) => e.node);
      expect(sample.some((n) => (n.items as unknown[]).length === 3)).toBe(true);
      expect(sample.every((n) => n.patient !== null)).toBe(true);
    });

    it('hides a patient the patients policy hides, as the field loader does', async () => {
      const foreign = await seedForeignPcn(hub());
      const [first] = (await page(hub(), 'hub.anp1', 'id patient { nhsNumber }')).edges;
      const [row] = await hub().sql<{ patient_id: string; practice: string }>(
        'select p.patient_id, pt.registered_practice_id as practice from prescription p join patient pt on pt.id = p.patient_id where p.id = ?',
        [dbIdOf(first!.node.id)],
      );
      await hub().sql('update patient set registered_practice_id = ? where id = ?', [
        foreign.practiceId,
        row!.patient_id,
      ]);
      try {
        const [again] = (await page(hub(), 'hub.anp1', 'id patient { nhsNumber }')).edges;
        expect(again!.node).toEqual({ id: first!.node.id, patient: null });
        const single = await must(
          hub().gql<{ prescription: Node }>(
            'query($id: ID!) { prescription(id: $id) { patient { nhsNumber } } }',
            {
              id: first!.node.id,
            },
            'hub.anp1',
          ),
        );
        expect(single.prescription.patient).toBeNull();
      } finally {
        await hub().sql('update patient set registered_practice_id = ? where id = ?', [row!.practice, row!.patient_id]);
      }
    });

    it('pages by cursor and filter as before, and refuses a bad cursor or patient id with BAD_USER_INPUT', async () => {
      const all = await page(hub(), 'hub.anp1', 'id state', { first: 50 });
      const first = await page(hub(), 'hub.anp1', 'id', { first: 5 });
      const second = await page(hub(), 'hub.anp1', 'id', { first: 5, after: first.edges.at(-1)!.cursor });
      expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(
        all.edges.slice(0, 10).map((e) => e.node.id),
      );
      expect(first.pageInfo.hasNextPage).toBe(true);
      const repeats = await page(hub(), 'hub.anp1', 'id state courseOfTherapy', {
        first: 50,
        filter: { courseOfTherapy: 'REPEAT', registeredPracticeOdsCode: 'Y99012' },
      });
      expect(repeats.edges).toHaveLength(4);
      expect(new Set(repeats.edges.map((e) => e.node.courseOfTherapy))).toEqual(new Set(['REPEAT']));
      const issued = await page(hub(), 'hub.anp1', 'id', { first: 50, filter: { states: ['ISSUED'] } });
      expect(issued.edges).toHaveLength(4);
      for (const [variables, field] of [
        [{ after: 'nope' }, 'after'],
        [{ filter: { patientId: 'nope' } }, 'filter.patientId'],
        [{ first: 0 }, 'first'],
      ] as const) {
        const res = await hub().gql(pageQuery('id'), variables, 'hub.anp1');
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0]!.extensions!.field).toBe(field);
      }
    });

    it('costs one SQL statement whatever the page size, with every join', async () => {
      const run = (first: number) => async () => {
        const res = await hub().gql<Page>(pageQuery(HOT), { first }, 'hub.anp3');
        expect(res.errors).toBeUndefined();
        expect(res.data!.prescriptions.edges).toHaveLength(first);
      };
      await run(3)(); // the token's organisation and staff account are remembered after the first request
      expect(await fewestStatements(hub(), run(3))).toBe(1);
      expect(await fewestStatements(hub(), run(12))).toBe(1);
    });
  },
  // Statements are counted process-wide: no background worker may poll in between.
  { WRITE_BACK_WORKER: 'false', PLUGIN_WEBHOOK_WORKER: 'false' },
);
