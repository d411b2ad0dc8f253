import pg from 'pg';
import { expect, it } from 'vitest';
import { uuidv7 } from '../../platform/ids.js';
import { describeEachDatabase, type TestHub } from '../../test/harness.js';
import {
  AMEND,
  CODES,
  coded,
  dbId,
  eventually,
  must,
  note,
  patientAt,
  RECORD,
  SAVE,
  type ConsultationView,
} from './consultations.testkit.js';

type Recorded = { recordConsultation: { consultation: ConsultationView } };
type Saved = { saveConsultation: { consultation: ConsultationView } };

const RECORD_ONLY = `mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id revision } } }`;
const SAVE_ONLY = `mutation ($input: SaveConsultationInput!) { saveConsultation(input: $input) { consultation { id version } } }`;
const SAVE_ANSWERED = `mutation ($input: SaveConsultationInput!) { saveConsultation(input: $input) {
  consultation { id version writeBackState authoringOrganisation { odsCode } entries { id writeBack { state decision } } } } }`;

const idOf = async (hub: TestHub, sql: string, params: unknown[]): Promise<string> =>
  (await hub.sql<{ id: string }>(sql, params))[0]!.id;

/** The write-back stream's head (0 when the stream has none). */
async function headOf(hub: TestHub, stream: string): Promise<number> {
  const rows = await hub.sql<{ seq: number }>('select seq::int as seq from stream_head where stream = ?', [stream]);
  return rows[0]?.seq ?? 0;
}

/**
 * The SQL statements `measured` runs, the fewest of three trials (a background poller can only
 * add to one count); `setup` prepares each trial, uncounted.
 */
async function statementsOf<T>(
  hub: TestHub,
  setup: () => Promise<T>,
  measured: (prepared: T) => Promise<unknown>,
): Promise<number> {
  const logger = hub.app.orm.config.getLogger();
  const original = logger.logQuery.bind(logger);
  let counting = false;
  let statements = 0;
  logger.logQuery = (context) => {
    if (counting) statements += 1;
    original(context);
  };
  try {
    let fewest = Number.POSITIVE_INFINITY;
    for (let trial = 0; trial < 3; trial++) {
      const prepared = await setup();
      statements = 0;
      counting = true;
      await measured(prepared);
      counting = false;
      fewest = Math.min(fewest, statements);
    }
    return fewest;
  } finally {
    logger.logQuery = original;
  }
}

describeEachDatabase(
  'consultation save: the rows it writes',
  (hub) => {
    it('writes, for a save of 3 entries, the consultation, entries, write-back records, outbox deliveries, events (contiguous seqs) and audit rows', async () => {
      const nhsNumber = patientAt(1, 60);
      const [patientId, hubId, practiceId] = await Promise.all([
        idOf(hub(), 'select id from patient where nhs_number = ?', [nhsNumber]),
        idOf(hub(), "select id from organisation where ods_code = 'Y99000'", []),
        idOf(hub(), "select id from organisation where ods_code = 'Y99011'", []),
      ]);
      const stream = `write-back:${practiceId}`;
      const before = await headOf(hub(), stream);
      const recorded = await must(
        hub().gql<Recorded>(
          RECORD,
          {
            input: {
              nhsNumber,
              entries: [coded(), coded(CODES.hypertension, 'Hypertension'), note('Seen at the hub')],
            },
          },
          'hub.anp1',
        ),
      );
      const id = dbId(recorded.recordConsultation.consultation.id);
      const saved = await must(
        hub().gql<Saved>(SAVE, { input: { consultationId: recorded.recordConsultation.consultation.id } }, 'hub.anp1'),
      );
      expect(saved.saveConsultation.consultation).toMatchObject({ state: 'SAVED', version: 1, revision: 2 });

      expect(
        await hub().sql(
          'select patient_id, authoring_organisation_id, author_id, state, version, revision, saved_by, saved_at is not null as saved from consultation where id = ?',
          [id],
        ),
      ).toEqual([
        {
          patient_id: patientId,
          authoring_organisation_id: hubId,
          author_id: 'hub.anp1',
          state: 'SAVED',
          version: 1,
          revision: 2,
          saved_by: 'hub.anp1',
          saved: true,
        },
      ]);

      const entries = await hub().sql<{
        id: string;
        kind: string;
        snomed_code: string | null;
        text: string | null;
        revision: number;
        saved_revision: number;
        created_by: string;
      }>(
        'select id, kind, snomed_code, text, revision, saved_revision, created_by from consultation_entry where consultation_id = ? order by id',
        [id],
      );
      expect(entries.map((e) => [e.kind, e.snomed_code, e.text, e.revision, e.saved_revision, e.created_by])).toEqual([
        ['CODED', CODES.mi, null, 1, 1, 'hub.anp1'],
        ['CODED', CODES.hypertension, null, 1, 1, 'hub.anp1'],
        ['NOTE', null, 'Seen at the hub', 1, 1, 'hub.anp1'],
      ]);
      const entryIds = entries.map((e) => e.id);

      const records = await hub().sql<{
        id: string;
        entry_id: string;
        consultation_id: string;
        patient_id: string;
        source_org_id: string;
        target_org_id: string;
        decision: string;
        reason: string;
        agreement_id: string | null;
        current_delivery_id: string;
        blocked_plan: unknown;
      }>(
        'select id, entry_id, consultation_id, patient_id, source_org_id, target_org_id, decision, reason, agreement_id, current_delivery_id, blocked_plan from write_back_record where consultation_id = ? order by entry_id',
        [id],
      );
      expect(records.map((r) => r.entry_id)).toEqual(entryIds);
      for (const r of records) {
        expect(r).toMatchObject({
          consultation_id: id,
          patient_id: patientId,
          source_org_id: hubId,
          target_org_id: practiceId,
          decision: 'WRITE_BACK',
          blocked_plan: null,
        });
        expect(r.reason).toMatch(
          /^hub-to-practice agreement .* is ACTIVE; patient is registered at Y99011; authored at Y99000; source product NATIVE$/,
        );
        expect(r.agreement_id).not.toBeNull();
      }

      const deliveries = await hub().sql<{
        id: string;
        message_id: string;
        record_id: string;
        entry_id: string;
        ordering_key: string;
        kind: string;
        version: number;
        replaces_message_id: string | null;
        state: string;
        attempts: number;
        payload: Record<string, unknown> | string;
        window_s: number;
      }>(
        `select id, message_id, record_id, entry_id, ordering_key, kind, version, replaces_message_id, state, attempts, payload,
           extract(epoch from due_at - next_attempt_at)::int as window_s
         from write_back_delivery where consultation_id = ? order by position`,
        [id],
      );
      // In entry order; the first heads the patient's line, the others wait behind it.
      expect(
        deliveries.map((d) => [d.entry_id, d.state, d.kind, d.version, d.replaces_message_id, d.attempts, d.window_s]),
      ).toEqual(
        entryIds.map((entryId, i) => [entryId, i === 0 ? 'PENDING' : 'WAITING', 'ENTRY', 1, null, 0, 3 * 60 * 60]),
      );
      expect(new Set(deliveries.map((d) => d.message_id)).size).toBe(3);
      for (const [i, d] of deliveries.entries()) {
        expect(d.ordering_key).toBe(`${practiceId}:${patientId}`);
        expect(d.record_id).toBe(records[i]!.id);
        expect(records[i]!.current_delivery_id).toBe(d.id);
        const payload = (typeof d.payload === 'string' ? JSON.parse(d.payload) : d.payload) as {
          targetOdsCode: string;
          consultation: { id: string; version: number; authorId: string; sourceOrganisation: { odsCode: string } };
          entry: { id: string; kind: string };
        };
        expect(payload).toMatchObject({
          targetOdsCode: 'Y99011',
          consultation: { id, version: 1, authorId: 'hub.anp1', sourceOrganisation: { odsCode: 'Y99000' } },
          entry: { id: d.entry_id, kind: i < 2 ? 'CODED' : 'NOTE' },
        });
      }

      const events = await hub().sql<{
        seq: number;
        type: string;
        subject_id: string;
        actor_id: string;
        payload: Record<string, unknown> | string;
      }>(
        "select seq::int as seq, type, subject_id, actor_id, payload from event_log where stream = ? and payload->>'consultationId' = ? order by seq",
        [stream, id],
      );
      expect(events.map((e) => e.seq)).toEqual([before + 1, before + 2, before + 3]);
      expect(await headOf(hub(), stream)).toBe(before + 3);
      expect(
        events.map((e) => {
          const payload =
            typeof e.payload === 'string' ? (JSON.parse(e.payload) as Record<string, unknown>) : e.payload;
          return [e.type, e.subject_id, e.actor_id, payload];
        }),
      ).toEqual(
        deliveries.map((d, i) => [
          'WRITE_BACK_PENDING',
          records[i]!.id,
          'hub.anp1',
          {
            state: 'PENDING',
            recordId: records[i]!.id,
            entryId: d.entry_id,
            consultationId: id,
            deliveryId: d.id,
            messageId: d.message_id,
            version: 1,
            attempt: null,
          },
        ]),
      );

      expect(
        await hub().sql(
          'select action, subject_type, patient_id, outcome, reason, actor_id, organisation_ods from audit_event where subject_id = ? order by at, action',
          [id],
        ),
      ).toEqual([
        {
          action: 'recordConsultation',
          subject_type: 'HubConsultation',
          patient_id: patientId,
          outcome: 'SUCCESS',
          reason: null,
          actor_id: 'hub.anp1',
          organisation_ods: 'Y99000',
        },
        {
          action: 'saveConsultation',
          subject_type: 'HubConsultation',
          patient_id: patientId,
          outcome: 'SUCCESS',
          reason: 'version 1; 3 entries changed',
          actor_id: 'hub.anp1',
          organisation_ods: 'Y99000',
        },
      ]);
    });

    it('records in one statement and saves in a number of statements that does not grow with the entries', async () => {
      const record = (size: number) =>
        must(
          hub().gql<Recorded>(
            RECORD_ONLY,
            { input: { nhsNumber: patientAt(2, 60), entries: Array.from({ length: size }, () => coded()) } },
            'hub.anp1',
          ),
        ).then((r) => r.recordConsultation.consultation.id);
      const save = (id: string) => must(hub().gql(SAVE_ONLY, { input: { consultationId: id } }, 'hub.anp1'));
      // The payload's consultation with its entries and their write-back (what a client shows after a save).
      const saveAnswered = (id: string) =>
        must(hub().gql(SAVE_ANSWERED, { input: { consultationId: id } }, 'hub.anp1'));
      const counts: Record<number, { record: number; save: number; saveAnswered: number; saveAmended: number }> = {};
      for (const size of [1, 3, 10]) {
        counts[size] = {
          record: await statementsOf(hub(), async () => size, record),
          save: await statementsOf(hub(), () => record(size), save),
          saveAnswered: await statementsOf(hub(), () => record(size), saveAnswered),
          // Entries saved before, each amended: their deliveries are read too.
          saveAmended: await statementsOf(
            hub(),
            async () => {
              const id = await record(size);
              const saved = await must(hub().gql<Saved>(SAVE, { input: { consultationId: id } }, 'hub.anp1'));
              for (const entry of saved.saveConsultation.consultation.entries) {
                await must(
                  hub().gql(
                    AMEND,
                    { input: { entryId: entry.id, content: coded(CODES.asthma, 'Asthma') } },
                    'hub.anp1',
                  ),
                );
              }
              return id;
            },
            save,
          ),
        };
      }
      // record: one insert of the consultation, its entries and its audit row (the patient found in it).
      // save: begin; the lock with what the save reads; [the deliveries of entries saved before;]
      // one write of every row; commit. [The payload's consultation as asked for, in one statement.]
      const expected = { record: 1, save: 4, saveAnswered: 5, saveAmended: 5 };
      expect(counts).toEqual({ 1: expected, 3: expected, 10: expected });
    });

    it('leaves nothing when a save or a record fails midway: the consultation stays as it was, no record, delivery, event or audit row', async () => {
      const nhsNumber = patientAt(3, 60);
      const practiceId = await idOf(hub(), "select id from organisation where ods_code = 'Y99013'", []);
      const stream = `write-back:${practiceId}`;
      const recorded = await must(
        hub().gql<Recorded>(RECORD, { input: { nhsNumber, entries: [coded(), note('Seen'), coded()] } }, 'hub.anp1'),
      );
      const globalId = recorded.recordConsultation.consultation.id;
      const id = dbId(globalId);
      const before = await headOf(hub(), stream);
      const rowsOf = async () => ({
        consultation: await hub().sql('select state, version, revision from consultation where id = ?', [id]),
        entries: await hub().sql(
          'select saved_revision from consultation_entry where consultation_id = ? order by id',
          [id],
        ),
        records: await hub().sql('select id from write_back_record where consultation_id = ?', [id]),
        deliveries: await hub().sql('select id from write_back_delivery where consultation_id = ?', [id]),
        events: await hub().sql("select id from event_log where payload->>'consultationId' = ?", [id]),
        audit: await hub().sql('select action from audit_event where subject_id = ? order by action', [id]),
        head: await headOf(hub(), stream),
      });
      const unsaved = await rowsOf();
      expect(unsaved).toEqual({
        consultation: [{ state: 'DRAFT', version: 0, revision: 1 }],
        entries: [{ saved_revision: 0 }, { saved_revision: 0 }, { saved_revision: 0 }],
        records: [],
        deliveries: [],
        events: [],
        audit: [{ action: 'recordConsultation' }],
        head: before,
      });

      // The events go in last (with the write of every other row): make them fail.
      const failing = async <T>(table: string, run: () => Promise<T>): Promise<T> => {
        await hub().sql(
          "create function fail_for_test() returns trigger language plpgsql as $$ begin raise exception 'failure for the test'; end $$",
        );
        await hub().sql(
          `create trigger fail_for_test before insert on ${table} for each row execute function fail_for_test()`,
        );
        try {
          return await run();
        } finally {
          await hub().sql(`drop trigger fail_for_test on ${table}`);
          await hub().sql('drop function fail_for_test()');
        }
      };
      const failed = await failing('event_log', () =>
        hub().gql(SAVE, { input: { consultationId: globalId } }, 'hub.anp1'),
      );
      expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await rowsOf()).toEqual(unsaved);

      // A record whose entries fail: no consultation, no audit row.
      const author = await hub().sql<{ n: number }>(
        "select count(*)::int as n from consultation where author_id = 'hub.anp2'",
      );
      const audits = await hub().sql<{ n: number }>(
        "select count(*)::int as n from audit_event where actor_id = 'hub.anp2' and action = 'recordConsultation'",
      );
      const notRecorded = await failing('consultation_entry', () =>
        hub().gql(RECORD, { input: { nhsNumber, entries: [coded()] } }, 'hub.anp2'),
      );
      expect(notRecorded.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await hub().sql("select count(*)::int as n from consultation where author_id = 'hub.anp2'")).toEqual(
        author,
      );
      expect(
        await hub().sql(
          "select count(*)::int as n from audit_event where actor_id = 'hub.anp2' and action = 'recordConsultation'",
        ),
      ).toEqual(audits);

      // Once nothing fails, the same save goes through.
      const saved = await must(hub().gql<Saved>(SAVE, { input: { consultationId: globalId } }, 'hub.anp1'));
      expect(saved.saveConsultation.consultation).toMatchObject({ state: 'SAVED', version: 1 });
      expect(await headOf(hub(), stream)).toBe(before + 3);
    });

    it('saves the entries as they are once it holds the lock: one added while it waited is saved and written back (PostgreSQL)', async () => {
      const database = hub().config.database;
      if (database.kind !== 'postgresql') return; // PGlite has one connection: nothing waits.
      const recorded = await must(
        hub().gql<Recorded>(RECORD, { input: { nhsNumber: patientAt(4, 60), entries: [coded()] } }, 'hub.anp1'),
      );
      const globalId = recorded.recordConsultation.consultation.id;
      const id = dbId(globalId);
      const other = new pg.Client({ connectionString: database.url });
      await other.connect();
      try {
        // Another change holds the consultation's lock (as addConsultationEntry does) ...
        await other.query('begin');
        await other.query('select id from consultation where id = $1 for update', [id]);
        const saving = hub().gql<Saved>(SAVE, { input: { consultationId: globalId } }, 'hub.anp1');
        // ... until the save waits for it ...
        await eventually(async () => {
          const { rows } = await other.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity
             where wait_event_type = 'Lock' and datname = current_database()`,
          );
          return rows[0]!.n > 0 ? true : undefined;
        });
        // ... then adds an entry, bumps the revision and commits.
        await other.query(
          `insert into consultation_entry (id, consultation_id, kind, coded_kind, snomed_code, term, admin_only, removed,
             revision, saved_revision, created_by, updated_by, created_at, updated_at)
           values ($1, $2, 'CODED', 'FINDING', $3, 'Asthma', false, false, 1, 0, 'hub.anp1', 'hub.anp1', now(), now())`,
          [uuidv7(), id, CODES.asthma],
        );
        await other.query(
          "update consultation set state = 'DRAFT', revision = revision + 1, updated_at = now() where id = $1",
          [id],
        );
        await other.query('commit');
        const saved = (await must(saving)).saveConsultation.consultation;
        expect(saved).toMatchObject({ state: 'SAVED', version: 1, revision: 3 });
        expect(saved.entries.map((e) => [e.unsaved, e.writeBack?.decision])).toEqual([
          [false, 'WRITE_BACK'],
          [false, 'WRITE_BACK'],
        ]);
        expect(
          await hub().sql("select reason from audit_event where subject_id = ? and action = 'saveConsultation'", [id]),
        ).toEqual([{ reason: 'version 1; 2 entries changed' }]);
      } finally {
        await other.query('rollback').catch(() => undefined);
        await other.end();
      }
    });
  },
  { WRITE_BACK_WORKER: 'false', PLUGIN_WEBHOOK_WORKER: 'false' },
);
