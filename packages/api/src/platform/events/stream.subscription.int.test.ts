import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '../db/orm.js';
import { HubError } from '../errors.js';
import { InProcessEventBus, type EventBus } from './event-bus.js';
import { latestSeq } from './event-log.js';
import { pruneEventLog } from './event-log.retention.js';
import { openFeedCount } from './stream.feed.js';
import { subscribeStream, type StreamMessage, type SubscribeStreamOptions } from './stream.subscription.js';
import { appendAndHint } from './testing/append.js';
import { EVENT_TEST_DATABASES, openScratchDatabase, type ScratchDatabase } from './testing/databases.js';

/** A bus that loses every hint: delivery must then rest on the poll fallback alone. */
class DroppingBus implements EventBus {
  hint(): void {}
  onHint(): () => void {
    return () => {};
  }
  async close(): Promise<void> {}
}

/** Reads messages until `done(messages)` holds or the time runs out (then fails with what came). */
async function collect(
  iterator: AsyncIterableIterator<StreamMessage>,
  done: (messages: StreamMessage[]) => boolean,
  timeoutMs = 10_000,
): Promise<StreamMessage[]> {
  const messages: StreamMessage[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!done(messages)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out after ${messages.length} messages: ${JSON.stringify(summary(messages))}`);
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), left)),
    ]);
    if (next === 'timeout') continue;
    if (next.done) break;
    messages.push(next.value);
  }
  return messages;
}

const seqs = (messages: StreamMessage[]): number[] =>
  messages.flatMap((m) => (m.kind === 'EVENT' ? [m.event.seq] : []));
const summary = (messages: StreamMessage[]): string[] =>
  messages.map((m) =>
    m.kind === 'EVENT' ? `E${m.event.seq}` : m.kind === 'HEARTBEAT' ? `H${m.latestSeq}` : `R${m.latestSeq}`,
  );
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
let streamNo = 0;
const newStream = (): string => `test:${process.pid}:${++streamNo}:${Date.now()}`;

for (const kind of EVENT_TEST_DATABASES) {
  describe(`subscribeStream [${kind}]`, () => {
    let db: ScratchDatabase;
    let orm: Orm;
    let bus: InProcessEventBus;
    const open: AsyncIterableIterator<StreamMessage>[] = [];

    const subscribe = (
      options: Partial<SubscribeStreamOptions> & { stream: string },
    ): AsyncIterableIterator<StreamMessage> => {
      const iterator = subscribeStream({
        afterSeq: null,
        bus,
        orm,
        authorize: async () => true,
        pollMs: 1000,
        ...options,
      });
      open.push(iterator);
      return iterator;
    };

    beforeAll(async () => {
      db = await openScratchDatabase(kind);
      orm = db.orm;
      bus = new InProcessEventBus();
    });
    afterAll(async () => {
      await Promise.all(open.map((iterator) => iterator.return!()));
      expect(openFeedCount(orm, bus)).toBe(0);
      await bus.close();
      await db.drop();
    });

    it('replays from a cursor, then continues live without gap or duplicate', async () => {
      const stream = newStream();
      for (let i = 0; i < 10; i++) await appendAndHint(orm, bus, stream);
      const sub = subscribe({ stream, afterSeq: 3 });
      const replayed = await collect(sub, (m) => seqs(m).length >= 7);
      expect(seqs(replayed)).toEqual(range(4, 10));
      for (let i = 0; i < 5; i++) await appendAndHint(orm, bus, stream);
      const live = await collect(sub, (m) => seqs(m).length >= 5);
      expect(seqs(live)).toEqual(range(11, 15));
      await sub.return!();
    });

    it('with afterSeq null starts at the latest seq', async () => {
      const stream = newStream();
      for (let i = 0; i < 3; i++) await appendAndHint(orm, bus, stream);
      const sub = subscribe({ stream, afterSeq: null });
      const first = sub.next();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await appendAndHint(orm, bus, stream);
      await appendAndHint(orm, bus, stream);
      const head = await first;
      const rest = await collect(sub, (m) => seqs(m).length >= 1);
      expect(seqs([head.value as StreamMessage, ...rest])).toEqual([4, 5]);
      await sub.return!();
    });

    it('delivers in order with no gap or duplicate under 5 concurrent writers while subscribers replay from various points', async () => {
      const stream = newStream();
      const total = 250;
      const early = [subscribe({ stream, afterSeq: 0 }), subscribe({ stream, afterSeq: null })];
      const writers = Array.from({ length: 5 }, async () => {
        for (let i = 0; i < 50; i++) await appendAndHint(orm, bus, stream);
      });
      const late: { from: number; sub: AsyncIterableIterator<StreamMessage> }[] = [];
      const joining = (async () => {
        // Each joins once its cursor exists (a client only holds cursors it was given), while
        // the writers are still going, so its replay hands over to the live feed mid-flight.
        for (const from of [0, 7, 40, 90, 150]) {
          while ((await latestSeq(orm.em.fork(), stream)) < from)
            await new Promise((resolve) => setTimeout(resolve, 2));
          late.push({ from, sub: subscribe({ stream, afterSeq: from }) });
        }
      })();
      const earlyResults = early.map((sub) => collect(sub, (m) => seqs(m).at(-1) === total, 30_000));
      await Promise.all(writers);
      await joining;
      const [fromZero, live] = await Promise.all(earlyResults);
      expect(seqs(fromZero!)).toEqual(range(1, total));
      expect(fromZero!.every((m) => m.kind === 'EVENT')).toBe(true);
      const liveSeqs = seqs(live!);
      expect(liveSeqs).toEqual(range(liveSeqs[0]!, total));
      for (const { from, sub } of late) {
        const got = await collect(sub, (m) => seqs(m).at(-1) === total, 30_000);
        expect(got.every((m) => m.kind === 'EVENT')).toBe(true);
        expect(seqs(got)).toEqual(range(from + 1, total));
      }
    });

    it('shares one reader per stream: reads per event do not grow with subscribers', async () => {
      const stream = newStream();
      let forks = 0;
      const counting = { em: { fork: () => (forks++, orm.em.fork()) } } as unknown as Orm;
      const subs = Array.from({ length: 40 }, () => subscribe({ stream, orm: counting }));
      const firsts = subs.map((sub) => collect(sub, (m) => seqs(m).length >= 10));
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (let i = 0; i < 10; i++) await appendAndHint(orm, bus, stream);
      for (const got of await Promise.all(firsts)) expect(seqs(got)).toEqual(range(1, 10));
      expect(openFeedCount(counting, bus)).toBe(1);
      // One fork for the head read, one per hinted read (plus at most a poll): never 40 x 10.
      expect(forks).toBeLessThanOrEqual(15);
      await Promise.all(subs.map((sub) => sub.return!()));
      expect(openFeedCount(counting, bus)).toBe(0);
    });

    it('yields RESYNC_REQUIRED once for a cursor older than retention, then continues live', async () => {
      const stream = newStream();
      for (let i = 0; i < 10; i++) await appendAndHint(orm, bus, stream);
      await db.orm.em
        .fork()
        .getConnection()
        .execute(`update event_log set created_at = now() - interval '10 days' where stream = ? and seq <= 6`, [
          stream,
        ]);
      const deleted = await pruneEventLog(orm, { olderThan: new Date(Date.now() - 86_400_000) });
      expect(deleted).toBeGreaterThanOrEqual(6);

      const kept = subscribe({ stream, afterSeq: 6 });
      expect(summary(await collect(kept, (m) => m.length >= 4))).toEqual(['E7', 'E8', 'E9', 'E10']);

      const stale = subscribe({ stream, afterSeq: 2 });
      expect(summary(await collect(stale, (m) => m.length >= 1))).toEqual(['R10']);
      await appendAndHint(orm, bus, stream);
      expect(summary(await collect(stale, (m) => m.length >= 1))).toEqual(['E11']);
      expect(summary(await collect(kept, (m) => m.length >= 1))).toEqual(['E11']);

      const future = subscribe({ stream, afterSeq: 500 });
      expect(summary(await collect(future, (m) => m.length >= 1))).toEqual(['R11']);
    });

    it('yields RESYNC_REQUIRED when every event of the stream was pruned', async () => {
      const stream = newStream();
      for (let i = 0; i < 4; i++) await appendAndHint(orm, bus, stream);
      await pruneEventLog(orm, { olderThan: new Date(Date.now() + 60_000) });
      const sub = subscribe({ stream, afterSeq: 1 });
      expect(summary(await collect(sub, (m) => m.length >= 1))).toEqual(['R4']);
      const zero = subscribe({ stream, afterSeq: 4 });
      await appendAndHint(orm, bus, stream);
      expect(summary(await collect(zero, (m) => m.length >= 1))).toEqual(['E5']);
      expect(summary(await collect(sub, (m) => m.length >= 1))).toEqual(['E5']);
    });

    it('sends heartbeats carrying the latest seq while idle', async () => {
      const stream = newStream();
      for (let i = 0; i < 2; i++) await appendAndHint(orm, bus, stream);
      const sub = subscribe({ stream, afterSeq: 2, heartbeatMs: 100 });
      const started = Date.now();
      const [beat] = await collect(sub, (m) => m.length >= 1);
      expect(beat).toMatchObject({ kind: 'HEARTBEAT', latestSeq: 2 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      await appendAndHint(orm, bus, stream);
      expect(summary(await collect(sub, (m) => m.length >= 2))).toEqual(['E3', 'H3']);
    });

    it('ends with FORBIDDEN when authorize() answers false, and releases the reader', async () => {
      const stream = newStream();
      let allowed = 2;
      const sub = subscribe({ stream, afterSeq: 0, authorize: async () => allowed-- > 0 });
      for (let i = 0; i < 4; i++) await appendAndHint(orm, bus, stream);
      expect(summary(await collect(sub, (m) => m.length >= 2))).toEqual(['E1', 'E2']);
      const error = await sub.next().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HubError);
      expect((error as HubError).code).toBe('FORBIDDEN');
      expect(await sub.next()).toEqual({ done: true, value: undefined });
    });

    it('delivers every event through the poll fallback when every hint is lost', async () => {
      const stream = newStream();
      const deaf = new DroppingBus();
      const sub = subscribe({ stream, afterSeq: 0, bus: deaf, pollMs: 50 });
      for (let i = 0; i < 20; i++) await appendAndHint(orm, deaf, stream);
      expect(seqs(await collect(sub, (m) => seqs(m).length >= 20))).toEqual(range(1, 20));
      await sub.return!();
      expect(openFeedCount(orm, deaf)).toBe(0);
    });

    it('catches up a consumer that fell behind its buffer, from the log, without gap', async () => {
      const stream = newStream();
      const sub = subscribe({ stream, afterSeq: 0, maxBuffered: 5 });
      const firstTwo = collect(sub, (m) => seqs(m).length >= 2);
      await appendAndHint(orm, bus, stream);
      await appendAndHint(orm, bus, stream);
      expect(seqs(await firstTwo)).toEqual([1, 2]);
      for (let i = 0; i < 30; i++) await appendAndHint(orm, bus, stream);
      expect(seqs(await collect(sub, (m) => seqs(m).length >= 30))).toEqual(range(3, 32));
    });

    it('return() and abort release listeners and end a pending next()', async () => {
      const stream = newStream();
      const own = new InProcessEventBus();
      const sub = subscribe({ stream, bus: own });
      const pending = sub.next();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await sub.return!();
      expect(await pending).toEqual({ done: true, value: undefined });

      const controller = new AbortController();
      const aborted = subscribe({ stream, bus: own, signal: controller.signal });
      const waiting = aborted.next();
      controller.abort();
      expect(await waiting).toEqual({ done: true, value: undefined });
      expect(openFeedCount(orm, own)).toBe(0);
    });

    it('refuses a negative cursor with BAD_USER_INPUT on the first next()', async () => {
      const own = new InProcessEventBus();
      const sub = subscribe({ stream: newStream(), bus: own, afterSeq: -1 });
      const error = await sub.next().then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as HubError).code).toBe('BAD_USER_INPUT');
      expect(openFeedCount(orm, own)).toBe(0);
    });
  });
}
