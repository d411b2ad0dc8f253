import { expect, it } from 'vitest';
import { describeEachDatabase, type TestHub } from '../../../test/harness.js';
import { wsClient } from '../../../test/ws-client.js';
import {
  AMEND,
  CODES,
  coded,
  dbId,
  eventually,
  getConsultation,
  must,
  patientAt,
  recordAndSave,
  REMOVE,
  save,
} from '../../consultations/consultations.testkit.js';
import { settled } from '../write-back.testkit.js';
import { claimDeliveries } from './outbox.worker.js';
import { startWriteBackWorker, type WriteBackWorker } from './delivery.worker.js';

const HISTORY =
  'query ($n: NHSNumber!, $all: Boolean) { patient(nhsNumber: $n) { writtenBackEntries(includeArchived: $all) { messageId kind version term archived } } }';

/** Replaces the app's in-process worker for a test that needs the outbox to sit still. */
async function pauseWorker(hub: TestHub): Promise<() => WriteBackWorker> {
  await hub.app.workers.get('write-back')?.stop(1000);
  return () =>
    startWriteBackWorker({
      orm: hub.app.orm,
      bus: hub.app.events,
      settings: hub.app.config.writeBack,
      logger: hub.app.logger,
    });
}

describeEachDatabase(
  'write-back versions, leases and events',
  (hub) => {
    it('sends an amendment after delivery as a replacement (version 2 replaces version 1), then the removal as version 3', async () => {
      const nhsNumber = patientAt(1, 30);
      const c = await recordAndSave(hub(), 'hub.anp1', {
        nhsNumber,
        entries: [coded(CODES.mi, 'Myocardial infarction')],
      });
      const v1 = await settled(hub(), c.id, 'DELIVERED');
      await must(
        hub().gql(AMEND, { input: { entryId: v1.id, content: coded(CODES.hypertension, 'Hypertension') } }, 'hub.anp1'),
      );
      await save(hub(), 'hub.anp1', c.id);
      const v2 = await eventually(async () => {
        const e = (await getConsultation(hub(), 'hub.anp1', c.id)).entries[0]!;
        return e.writeBack!.delivery!.version === 2 && e.writeBack!.state === 'DELIVERED' ? e : undefined;
      });
      expect(v2.writeBack!.delivery!.replacesMessageId).toBe(v1.writeBack!.delivery!.messageId);
      const current = await must(
        hub().gql<{ patient: { writtenBackEntries: { version: number; term: string; archived: boolean }[] } }>(
          HISTORY,
          { n: nhsNumber },
          'p1.gp',
        ),
      );
      expect(current.patient.writtenBackEntries).toEqual([
        expect.objectContaining({ version: 2, term: 'Hypertension', archived: false }),
      ]);

      await must(hub().gql(REMOVE, { input: { entryId: v1.id } }, 'hub.anp1'));
      await save(hub(), 'hub.anp1', c.id);
      expect((await getConsultation(hub(), 'hub.anp1', c.id)).entries[0]!.removed).toBe(true);
      const removal = await eventually(async () => {
        const rows = await hub().sql<{ kind: string; version: number; state: string; replaces_message_id: string }>(
          "select kind, version, state, replaces_message_id from write_back_delivery where entry_id = ? and kind = 'REMOVAL'",
          [dbId(v1.id)],
        );
        return rows[0]?.state === 'DELIVERED' ? rows[0] : undefined;
      });
      expect(removal).toMatchObject({ version: 3, replaces_message_id: v2.writeBack!.delivery!.messageId });
      const after = await must(
        hub().gql<{ patient: { writtenBackEntries: unknown[] } }>(HISTORY, { n: nhsNumber }, 'p1.gp'),
      );
      expect(after.patient.writtenBackEntries).toEqual([]);
      const history = await must(
        hub().gql<{ patient: { writtenBackEntries: { version: number; kind: string; archived: boolean }[] } }>(
          HISTORY,
          { n: nhsNumber, all: true },
          'p1.gp',
        ),
      );
      expect(history.patient.writtenBackEntries.map((e) => [e.version, e.kind, e.archived]).sort()).toEqual([
        [1, 'ENTRY', true],
        [2, 'ENTRY', true],
        [3, 'REMOVAL', true],
      ]);
    });

    it('inside the sending window sends only the latest version; a lease that expires is retaken with the same message id', async () => {
      const resume = await pauseWorker(hub());
      let worker: WriteBackWorker | null = null;
      try {
        const nhsNumber = patientAt(2, 30);
        const c = await recordAndSave(hub(), 'hub.anp1', { nhsNumber, entries: [coded(CODES.mi, 'First draft')] });
        const entryId = c.entries[0]!.id;
        await must(
          hub().gql(AMEND, { input: { entryId: entryId, content: coded(CODES.asthma, 'Latest version') } }, 'hub.anp1'),
        );
        await save(hub(), 'hub.anp1', c.id);
        const rows = await hub().sql<{ message_id: string; version: number; state: string }>(
          'select message_id, version, state from write_back_delivery where entry_id = ?',
          [dbId(entryId)],
        );
        expect(rows).toEqual([
          expect.objectContaining({
            version: 1,
            state: 'PENDING',
            message_id: c.entries[0]!.writeBack!.delivery!.messageId,
          }),
        ]);

        // A worker claims it and dies: no outcome is ever recorded.
        const ghost = await claimDeliveries(hub().app.orm.em.fork(), 'ghost-worker', 10, 300);
        expect(ghost.claimed.map((d) => d.messageId)).toContain(rows[0]!.message_id);
        worker = resume();
        const delivered = await settled(hub(), c.id, 'DELIVERED');
        expect(delivered.writeBack!.delivery).toMatchObject({ messageId: rows[0]!.message_id, version: 1 });
        const final = await hub().sql<{ total_attempts: number; last_error: string | null }>(
          'select total_attempts, last_error from write_back_delivery where entry_id = ?',
          [dbId(entryId)],
        );
        expect(final[0]!.total_attempts).toBe(2);
        const record = await must(
          hub().gql<{ patient: { writtenBackEntries: { term: string }[] } }>(
            HISTORY,
            { n: nhsNumber, all: true },
            'p2.gp',
          ),
        );
        expect(record.patient.writtenBackEntries.map((e) => e.term)).toEqual(['Latest version']);
        const retried = await hub().sql(
          "select 1 from event_log where type = 'WRITE_BACK_RETRYING' and payload->>'entryId' = ?",
          [dbId(entryId)],
        );
        expect(retried).toHaveLength(1);
      } finally {
        await worker?.stop(1000);
      }
    });

    it('streams write-back events gap-free over the writeBackEvents subscription, resumable from a cursor', async () => {
      // The in-process worker is stopped by the previous test; run one for this test.
      const worker = startWriteBackWorker({
        orm: hub().app.orm,
        bus: hub().app.events,
        settings: hub().app.config.writeBack,
        logger: hub().app.logger,
      });
      const token = await hub().token('p5.gp');
      const client = wsClient(hub().app.url, token);
      const seen: { __typename: string; seq?: number; state?: string; entryId?: string }[] = [];
      const errors: unknown[] = [];
      try {
        const dispose = client.subscribe<{ writeBackEvents: (typeof seen)[number] }>(
          {
            query:
              'subscription ($org: OdsCode!, $after: String) { writeBackEvents(organisation: $org, after: $after) { __typename ... on WriteBackEvent { seq cursor state entryId deliveryId messageId } ... on WriteBackHeartbeat { latestSeq } } }',
            variables: { org: 'Y99015', after: Buffer.from(JSON.stringify(['c1', 0])).toString('base64url') },
          },
          {
            next: (r) => (r.data ? seen.push(r.data.writeBackEvents) : errors.push(r.errors)),
            error: (e) => errors.push(e),
            complete: () => {},
          },
        );
        const c = await recordAndSave(hub(), 'hub.anp1', {
          nhsNumber: patientAt(5, 30),
          entries: [coded(), coded(CODES.asthma, 'Asthma')],
        });
        await eventually(
          async () => (seen.filter((m) => m.state === 'DELIVERED').length >= 2 ? true : undefined),
          15_000,
          'two DELIVERED events',
        );
        dispose();
        expect(errors).toEqual([]);
        const seqs = seen.filter((m) => m.__typename === 'WriteBackEvent').map((m) => m.seq!);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
        const mine = seen.filter((m) => c.entries.some((e) => e.id === m.entryId)).map((m) => m.state);
        expect(mine.filter((s) => s === 'PENDING')).toHaveLength(2);
        expect(mine.filter((s) => s === 'SENDING')).toHaveLength(2);
        expect(mine.filter((s) => s === 'DELIVERED')).toHaveLength(2);
        // Another practice's staff cannot follow this practice's stream.
        const refused = await new Promise<unknown>((resolve) => {
          const other = wsClient(hub().app.url, token);
          other.subscribe(
            { query: 'subscription { writeBackEvents(organisation: "Y99011") { __typename } }' },
            { next: (r) => resolve(r.errors), error: (e) => resolve(e), complete: () => resolve(null) },
          );
        });
        expect(JSON.stringify(refused)).toContain('NOT_FOUND');
      } finally {
        await client.dispose();
        await worker.stop(1000);
      }
    });

    it('a worker told to hold its first sweep back leaves the backlog until then, yet new work wakes it at once', async () => {
      // No worker runs after the previous test. The backlog: a delivery saved while none ran.
      const backlog = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(3, 31), entries: [coded()] });
      const app = hub().app;
      const started = performance.now();
      const worker = startWriteBackWorker({
        orm: app.orm,
        bus: app.events,
        settings: { ...app.config.writeBack, pollMs: 600_000 }, // only the sweep or a hint can wake it
        logger: app.logger,
        firstSweepDelayMs: 8_000,
      });
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const waiting = await getConsultation(hub(), 'hub.anp1', backlog.id);
        expect(waiting.entries[0]!.writeBack!.state).toBe('PENDING');
        const fresh = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(3, 32), entries: [coded()] });
        await settled(hub(), fresh.id, 'DELIVERED');
        await settled(hub(), backlog.id, 'DELIVERED'); // claimed in the same round
        expect(performance.now() - started).toBeLessThan(8_000);
      } finally {
        await worker.stop(1000);
      }
    });
  },
  {
    WRITE_BACK_POLL_MS: '50',
    WRITE_BACK_MAX_ATTEMPTS: '4',
    WRITE_BACK_BACKOFF_MS: '20',
    WRITE_BACK_TIMEOUT_MS: '200',
    WRITE_BACK_LEASE_MS: '600',
    SHUTDOWN_GRACE_MS: '1000',
  },
);
