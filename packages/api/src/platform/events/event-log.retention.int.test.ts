import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestSeq, readStream } from './event-log.js';
import { pruneEventLog, startEventPruner } from './event-log.retention.js';
import { appendAndHint } from './testing/append.js';
import { EVENT_TEST_DATABASES, openScratchDatabase, type ScratchDatabase } from './testing/databases.js';

for (const kind of EVENT_TEST_DATABASES) {
  describe(`event log retention [${kind}]`, () => {
    let db: ScratchDatabase;
    beforeAll(async () => {
      db = await openScratchDatabase(kind);
    });
    afterAll(async () => {
      await db.drop();
    });

    const age = (stream: string, maxSeq: number, days: number) =>
      db.orm.em
        .fork()
        .getConnection()
        .execute(`update event_log set created_at = now() - (? * interval '1 day') where stream = ? and seq <= ?`, [
          days,
          stream,
          maxSeq,
        ]);

    it('deletes only events older than the cutoff, in batches, and keeps the stream head', async () => {
      const stream = 'retention:batches';
      for (let i = 0; i < 12; i++) await appendAndHint(db.orm, null, stream);
      await age(stream, 8, 10);
      const deleted = await pruneEventLog(db.orm, { olderThan: new Date(Date.now() - 86_400_000), batchSize: 3 });
      expect(deleted).toBe(8);
      const left = await readStream(db.orm.em.fork(), stream, 0);
      expect(left.map((e) => e.seq)).toEqual([9, 10, 11, 12]);
      expect(await latestSeq(db.orm.em.fork(), stream)).toBe(12);
      expect(await pruneEventLog(db.orm, { olderThan: new Date(Date.now() - 86_400_000) })).toBe(0);
    });

    it('prunes on a timer and stops when told', async () => {
      const stream = 'retention:timer';
      for (let i = 0; i < 5; i++) await appendAndHint(db.orm, null, stream);
      await age(stream, 3, 30);
      const stop = startEventPruner(db.orm, { retentionHours: 24, intervalMs: 20 });
      const deadline = Date.now() + 5000;
      while ((await readStream(db.orm.em.fork(), stream, 0)).length > 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await stop();
      expect((await readStream(db.orm.em.fork(), stream, 0)).map((e) => e.seq)).toEqual([4, 5]);
      await age(stream, 5, 30);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await readStream(db.orm.em.fork(), stream, 0)).map((e) => e.seq)).toEqual([4, 5]);
    });
  });
}
