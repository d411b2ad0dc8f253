import { beforeAll, expect, it } from 'vitest';
import {
  auditLinesSince,
  clockOf,
  codeOf,
  describeEachDatabase,
  fewestStatements,
  type TestHub,
} from '../../test/harness.js';
import {
  coded,
  document,
  medication,
  must,
  note,
  patientAt,
  recordAndSave,
  RECORD,
  REMOVE,
  SAVE,
} from './consultations.testkit.js';

// hubConsultation(id) reads in one statement (consultations.read.ts): the consultation, its entries,
// their write-back (record, delivery state, target practice) and the authoring organisation, as the
// selection asks. node(id:) still goes through the service and the field loaders: every answer of
// the one must equal the other's, and neither audits anything but a patient read. The write-back
// worker is off (a delivery must not change state between the two reads); the states a worker
// would reach are set in SQL instead.

const ENTRY = `id kind removed unsaved createdBy updatedBy updatedAt
  coded { codedKind snomedCode term } note { text adminOnly }
  medication { dmdCode name dose quantity } document { title contentType sizeBytes reference }`;
const FULL = `id authorId location startedAt clinicallyRelevant sourceProduct inboxConsultationId state version
  revision savedAt savedBy createdAt patientId writeBackState
  authoringOrganisation { id odsCode name kind active }
  current: entries { id removed }
  all: entries(includeRemoved: true) { ${ENTRY}
    writeBack { state decision reason decidedAt agreementId targetOrganisation { id odsCode name } } }`;
const WITH_DELIVERY = `id writeBackState entries { id writeBack { state targetOrganisation { odsCode } delivery { id state version kind } } }`;
/** What the benchmark asks (bench/lib/reads-cases.mjs). */
const HOT = `id state version revision savedAt
  entries { id kind coded { codedKind snomedCode term } writeBack { decision state reason targetOrganisation { odsCode } } }`;

type Node = Record<string, unknown>;

async function both(hub: TestHub, id: string, selection: string, user = 'hub.anp1'): Promise<[Node, Node]> {
  const read = await must(
    hub.gql<{ hubConsultation: Node }>(`query($id: ID!) { hubConsultation(id: $id) { ${selection} } }`, { id }, user),
  );
  const node = await must(
    hub.gql<{ node: Node }>(
      `query($id: ID!) { node(id: $id) { ... on HubConsultation { ${selection} } } }`,
      { id },
      user,
    ),
  );
  return [read.hubConsultation, node.node];
}

describeEachDatabase(
  'hubConsultation: one statement, same answers and audit as the loaders',
  (hub) => {
    let saved: string;
    let draft: string;

    beforeAll(async () => {
      // Saved twice (an entry removed in between, so a removal is written back), with every entry kind.
      const first = await recordAndSave(hub(), 'hub.anp1', {
        nhsNumber: patientAt(2, 3),
        entries: [coded(), note(), medication(), document(), coded('38341003', 'Hypertension')],
      });
      saved = first.id;
      await must(hub().gql(REMOVE, { input: { entryId: first.entries[4]!.id } }, 'hub.anp1'));
      await must(hub().gql(SAVE, { input: { consultationId: saved } }, 'hub.anp1'));
      const recorded = await must(
        hub().gql<{ recordConsultation: { consultation: { id: string } } }>(
          RECORD,
          { input: { nhsNumber: patientAt(3, 3), entries: [coded(), note('Admin only', true)] } },
          'hub.anp1',
        ),
      );
      draft = recorded.recordConsultation.consultation.id;
      // Current deliveries in the states a worker leaves them in, one each.
      const deliveries = await hub().sql<{ id: string }>(
        `select d.id from write_back_delivery d join write_back_record r on r.current_delivery_id = d.id
        where r.consultation_id = ? order by d.id`,
        [Buffer.from(saved, 'base64url').toString().split(':')[1]],
      );
      const states = ['DELIVERED', 'DEAD', 'RETRYING', 'SENDING'];
      for (const [i, d] of deliveries.entries()) {
        await hub().sql('update write_back_delivery set state = ? where id = ?', [states[i % states.length], d.id]);
      }
    });

    it('answers every field as the service and loaders do, saved or draft, with or without deliveries', async () => {
      for (const id of [saved, draft]) {
        for (const selection of [FULL, WITH_DELIVERY, HOT, 'id', 'writeBackState', 'entries { writeBack { state } }']) {
          const [read, node] = await both(hub(), id, selection);
          expect(read).toEqual(node);
        }
      }
      const [full] = await both(hub(), saved, FULL);
      expect((full.all as Node[]).length).toBe(5);
      expect((full.current as Node[]).length).toBe(4);
      expect((full.all as { writeBack: unknown }[]).every((e) => e.writeBack !== null)).toBe(true);
      const states = new Set((full.all as { writeBack: { state: string } }[]).map((e) => e.writeBack.state));
      expect(states.size).toBeGreaterThanOrEqual(3);
      const [unsaved] = await both(hub(), draft, FULL);
      expect(unsaved.writeBackState).toBeNull();
      expect((unsaved.all as { writeBack: unknown }[]).every((e) => e.writeBack === null)).toBe(true);
    });

    it('audits nothing but the patient read, as before', async () => {
      for (const [selection, lines] of [
        [FULL, 0],
        [`${HOT} patient { nhsNumber }`, 1],
      ] as const) {
        const since = await clockOf(hub());
        const read = await must(
          hub().gql(`query($id: ID!) { hubConsultation(id: $id) { ${selection} } }`, { id: saved }, 'hub.anp2'),
        );
        expect(read).toBeTruthy();
        const audit = await auditLinesSince(hub(), 'hub.anp2', since);
        expect(audit.lines).toHaveLength(lines);
        if (lines) {
          const [row] = await hub().sql<{ patient_id: string }>('select patient_id from consultation where id = ?', [
            Buffer.from(saved, 'base64url').toString().split(':')[1],
          ]);
          const patient = row!.patient_id;
          expect(audit.lines).toEqual([`readPatient Patient ${patient} ${patient} SUCCESS hub.anp2 USER Y99000 - -`]);
        }
      }
    });

    it("answers NOT_FOUND for another organisation's consultation and BAD_USER_INPUT for a malformed id", async () => {
      const query = `query($id: ID!) { hubConsultation(id: $id) { ${HOT} } }`;
      const foreign = await hub().gql(query, { id: saved }, 'p2.gp');
      expect(codeOf(foreign)).toBe('NOT_FOUND');
      expect(foreign.errors![0]!.extensions!.field).toBe('id');
      const bad = await hub().gql(query, { id: 'nope' }, 'hub.anp1');
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.extensions!.field).toBe('id');
    });

    it('costs one SQL statement for the benchmark selection', async () => {
      const run = async () => {
        const res = await hub().gql(
          `query($id: ID!) { hubConsultation(id: $id) { ${HOT} } }`,
          { id: saved },
          'hub.anp3',
        );
        expect(res.errors).toBeUndefined();
      };
      await run(); // the token's organisation and staff account are remembered after the first request
      expect(await fewestStatements(hub(), run)).toBe(1);
    });
  },
  { WRITE_BACK_WORKER: 'false' },
);
