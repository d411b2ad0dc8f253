import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Em } from '../db/orm.js';
import { exec } from '../db/sql.js';
import { InProcessEventBus } from '../events/index.js';
import { EVENT_TEST_DATABASES, openScratchDatabase, type ScratchDatabase } from '../events/testing/databases.js';
import { uuidv7 } from '../ids.js';
import { createLogger } from '../logger.js';
import {
  claimRows,
  DeliveryWorker,
  expiredLeases,
  reapRows,
  redriveRows,
  settleRows,
  type ClaimedRow,
  type DeliveryJob,
  type DeliveryQueue,
  type DeliveryTable,
  type Settlement,
} from './index.js';

/** A queue with a sending state, an owner and a fence (as write-back), and one with a lease alone (as plugin webhooks). */
const FENCED: DeliveryTable = {
  table: 'probe_fenced',
  leaseColumn: 'lease_expires_at',
  ownerColumn: 'lease_owner',
  sendingState: 'SENDING',
  fenceColumn: 'total_attempts',
  touchColumn: 'updated_at',
  returning: 'd.id, d.state, d.tag',
  maxBackoffMs: 60_000,
  exhausted: (reason, n) => `gave up after ${n}: ${reason}`,
};
const LEASED: DeliveryTable = {
  table: 'probe_leased',
  leaseColumn: 'lease_until',
  statusColumn: 'last_status',
  deliveredClearsError: true,
  returning: 'd.id, d.state, d.tag',
  maxBackoffMs: 60_000,
  exhausted: (reason, n) => `${reason} after ${n} attempts`,
};
const POLICY = { maxAttempts: 3, backoffMs: 1000 };
const COMMON = `id uuid primary key, tag text not null, state text not null, attempts int not null default 0,
  next_attempt_at timestamptz not null default now(), last_error text null, delivered_at timestamptz null`;

const quiet = createLogger('silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const kind of EVENT_TEST_DATABASES) {
  describe(`delivery engine [${kind}]`, () => {
    let db: ScratchDatabase;
    const em = (): Em => db.orm.em.fork();
    const rows = (table: string, tag: string) =>
      exec<{
        id: string;
        state: string;
        attempts: number;
        last_error: string | null;
        next_attempt_at: Date;
        [k: string]: unknown;
      }>(em(), `select * from ${table} where tag = ? order by id`, [tag]);
    const enqueue = async (table: string, tag: string, n = 1, state = 'PENDING'): Promise<string[]> => {
      const ids = Array.from({ length: n }, () => uuidv7());
      for (const id of ids)
        await exec(em(), `insert into ${table} (id, tag, state) values (?, ?, ?)`, [id, tag, state]);
      return ids;
    };
    const claim = (t: DeliveryTable, owner: string, limit: number, leaseMs = 60_000) =>
      em().transactional((tx) => claimRows(tx, t, owner, limit, leaseMs));
    const settle = (t: DeliveryTable, owner: string, claimed: ClaimedRow, settlement: Settlement) =>
      em().transactional((tx) =>
        settleRows(tx, t, POLICY, owner, [
          { id: claimed.id, attempt: claimed.attempts, fence: claimed.fence, settlement, at: new Date() },
        ]),
      );

    beforeAll(async () => {
      db = await openScratchDatabase(kind);
      await exec(
        em(),
        `create table probe_fenced (${COMMON}, total_attempts int not null default 0, lease_owner text null,
           lease_expires_at timestamptz null, updated_at timestamptz null)`,
      );
      await exec(em(), `create table probe_leased (${COMMON}, lease_until timestamptz null, last_status int null)`);
    });
    afterAll(async () => {
      await db.drop();
    });

    it('claims due rows once under a lease: concurrent claimers skip each other (SKIP LOCKED)', async () => {
      await enqueue('probe_fenced', 'claim', 6);
      await enqueue('probe_fenced', 'claim', 1, 'DEAD');
      const [a, b] = await Promise.all([claim(FENCED, 'w1', 3), claim(FENCED, 'w2', 10)]);
      const ids = [...a, ...b].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(6);
      expect(await claim(FENCED, 'w3', 10)).toEqual([]);
      const stored = (await rows('probe_fenced', 'claim')).filter((r) => r.state !== 'DEAD');
      expect(
        stored.every(
          (r) => r.state === 'SENDING' && r.attempts === 1 && r.total_attempts === 1 && r.lease_owner !== null,
        ),
      ).toBe(true);
      expect(a.every((r) => r.attempts === 1 && r.fence === 1)).toBe(true);
    });

    it('acknowledges, retries with backoff, dead-letters after the last attempt, and stops in a queue state', async () => {
      const [ok, flaky, rejected] = await enqueue('probe_fenced', 'settle', 3);
      const claimed = await claim(FENCED, 'w1', 10);
      const byId = new Map(claimed.map((r) => [r.id, r]));
      await settle(FENCED, 'w1', byId.get(ok!)!, { kind: 'delivered', label: 'ok' });
      const { nextRetryAt } = await settle(FENCED, 'w1', byId.get(flaky!)!, {
        kind: 'retry',
        label: 'retry',
        reason: 'HTTP 503',
      });
      await settle(FENCED, 'w1', byId.get(rejected!)!, {
        kind: 'stop',
        label: 'rejected',
        reason: 'HTTP 400',
        state: 'WITHHELD',
      });
      const state = new Map((await rows('probe_fenced', 'settle')).map((r) => [r.id, r]));
      expect(state.get(ok!)).toMatchObject({ state: 'DELIVERED', lease_owner: null, lease_expires_at: null });
      expect(state.get(flaky!)).toMatchObject({ state: 'RETRYING', last_error: 'HTTP 503', lease_owner: null });
      // The one backoff: half to all of backoffMs before the second attempt.
      const delay = new Date(state.get(flaky!)!.next_attempt_at).getTime() - Date.now();
      expect(delay).toBeGreaterThan(300);
      expect(delay).toBeLessThanOrEqual(1000);
      expect(nextRetryAt).not.toBeNull();
      expect(state.get(rejected!)).toMatchObject({ state: 'WITHHELD', last_error: 'HTTP 400' });

      // Make it due twice more: the third failure is the last.
      for (let attempt = 2; attempt <= 3; attempt++) {
        await exec(em(), 'update probe_fenced set next_attempt_at = now() where id = ?', [flaky]);
        const [again] = await claim(FENCED, 'w1', 10);
        expect(again).toMatchObject({ id: flaky, attempts: attempt });
        await settle(FENCED, 'w1', again!, { kind: 'retry', label: 'retry', reason: 'HTTP 503' });
      }
      expect((await rows('probe_fenced', 'settle')).find((r) => r.id === flaky)).toMatchObject({
        state: 'DEAD',
        attempts: 3,
        last_error: 'gave up after 3: HTTP 503',
      });
    });

    it('fences: a failure counts only for the lease holder of that attempt; an acknowledgement always wins', async () => {
      const [id] = await enqueue('probe_fenced', 'fence');
      const [first] = await claim(FENCED, 'w1', 10, 1);
      await sleep(20);
      await em().transactional(async (tx) => reapRows(tx, FENCED, POLICY.maxAttempts, await expiredLeases(tx, FENCED)));
      const [second] = await claim(FENCED, 'w2', 10);
      expect(second).toMatchObject({ id, attempts: 2, fence: 2 });
      // The first worker's late failure is stale: nothing changes.
      const stale = await settle(FENCED, 'w1', first!, { kind: 'retry', label: 'retry', reason: 'late' });
      expect(stale.changed).toEqual([]);
      expect((await rows('probe_fenced', 'fence'))[0]).toMatchObject({ state: 'SENDING', lease_owner: 'w2' });
      // Its late acknowledgement is a fact.
      const ack = await settle(FENCED, 'w1', first!, { kind: 'delivered', label: 'ok' });
      expect(ack.changed).toEqual([expect.objectContaining({ id, state: 'DELIVERED' })]);
    });

    it('reaps expired leases: retried at once with the outcome unknown, or dead after the last attempt', async () => {
      const [young, old] = await enqueue('probe_fenced', 'reap', 2);
      await exec(em(), 'update probe_fenced set attempts = 2 where id = ?', [old]);
      await claim(FENCED, 'w1', 10, 1);
      await sleep(20);
      const reaped = await em().transactional(async (tx) =>
        reapRows(tx, FENCED, POLICY.maxAttempts, await expiredLeases(tx, FENCED)),
      );
      expect(reaped.map((r) => r.id).sort()).toEqual([young, old].sort());
      const state = new Map((await rows('probe_fenced', 'reap')).map((r) => [r.id, r]));
      expect(state.get(young!)).toMatchObject({
        state: 'RETRYING',
        last_error: 'lease expired before an acknowledgement (outcome unknown)',
        lease_owner: null,
      });
      expect(state.get(old!)).toMatchObject({
        state: 'DEAD',
        last_error: 'gave up after 3: lease expired before an acknowledgement (outcome unknown)',
      });
    });

    it('redrives dead letters with a fresh attempt budget, and nothing else', async () => {
      const [dead] = await enqueue('probe_fenced', 'redrive', 1, 'DEAD');
      const [delivered] = await enqueue('probe_fenced', 'redrive', 1, 'DELIVERED');
      await exec(em(), 'update probe_fenced set attempts = 3 where tag = ?', ['redrive']);
      const changed = await em().transactional((tx) => redriveRows(tx, FENCED, [dead!, delivered!]));
      expect(changed.map((r) => r.id)).toEqual([dead]);
      expect((await rows('probe_fenced', 'redrive')).find((r) => r.id === dead)).toMatchObject({
        state: 'PENDING',
        attempts: 0,
      });
    });

    it('with a lease alone: the state stays due, a live lease is skipped, an expired one is retaken; statuses are kept', async () => {
      const [id] = await enqueue('probe_leased', 'lease');
      const [first] = await claim(LEASED, 'w1', 10, 1);
      expect((await rows('probe_leased', 'lease'))[0]).toMatchObject({ state: 'PENDING', attempts: 1 });
      await sleep(20);
      const [second] = await claim(LEASED, 'w2', 10, 60_000);
      expect(second).toMatchObject({ id, attempts: 2 });
      expect(await claim(LEASED, 'w3', 10)).toEqual([]);
      await settle(LEASED, 'w2', second!, { kind: 'retry', label: 'failed', reason: 'HTTP 500', status: 500 });
      expect((await rows('probe_leased', 'lease'))[0]).toMatchObject({
        state: 'RETRYING',
        last_status: 500,
        lease_until: null,
      });
      await settle(LEASED, 'w2', first!, { kind: 'delivered', label: 'delivered', status: 204 });
      expect((await rows('probe_leased', 'lease'))[0]).toMatchObject({
        state: 'DELIVERED',
        last_status: 204,
        last_error: null,
      });
    });

    it('runs a worker: wakes on a hint, retries, dead-letters, reports given-up jobs; stop waits for attempts in flight', async () => {
      const bus = new InProcessEventBus();
      const outcomes = new Map<string, Settlement[]>([
        ['slow', []],
        ['retry-then-ok', [{ kind: 'retry', label: 'retry', reason: 'HTTP 503' }]],
        [
          'always-503',
          Array.from({ length: 3 }, () => ({ kind: 'retry', label: 'retry', reason: 'HTTP 503' }) as const),
        ],
      ]);
      const givenUp: string[] = [];
      let slowStarted = false;
      type Job = DeliveryJob & { tag: string };
      const queue: DeliveryQueue<Job> = {
        queue: 'probe',
        name: 'probe',
        table: FENCED,
        wakesOn: (hint) => hint.stream === 'probe:new',
        claimed: (_tx, claimed) =>
          Promise.resolve({
            jobs: claimed.map((r) => ({ id: r.id, attempt: r.attempts, fence: r.fence, tag: String(r.tag) })),
            hints: [],
          }),
        attempt: async (job, signal) => {
          if (job.tag.startsWith('w-slow')) {
            slowStarted = true;
            await new Promise((resolve) => setTimeout(resolve, 300));
            return signal.aborted
              ? { kind: 'retry', label: 'retry', reason: 'aborted' }
              : { kind: 'delivered', label: 'ok' };
          }
          return outcomes.get(job.tag.slice(2))?.shift() ?? { kind: 'delivered', label: 'ok' };
        },
        describe: (job) => ({ id: job.id }),
        givenUp: (job, state) => Promise.resolve(void givenUp.push(`${job.id}:${state}`)),
      };
      const settings = { concurrency: 4, leaseMs: 10_000, pollMs: 60_000, maxAttempts: 3, backoffMs: 5 };
      const worker = new DeliveryWorker({ orm: db.orm, bus, logger: quiet, settings }, queue).start();
      const [retried] = await enqueue('probe_fenced', 'w-retry-then-ok');
      const [dead] = await enqueue('probe_fenced', 'w-always-503');
      bus.hint({ stream: 'probe:new', seq: 1 });
      const until = async (check: () => Promise<boolean>) => {
        for (const deadline = Date.now() + 10_000; !(await check()); await sleep(20))
          if (Date.now() > deadline) throw new Error('timed out');
      };
      await until(async () => (await rows('probe_fenced', 'w-retry-then-ok'))[0]!.state === 'DELIVERED');
      await until(async () => (await rows('probe_fenced', 'w-always-503'))[0]!.state === 'DEAD');
      expect((await rows('probe_fenced', 'w-retry-then-ok'))[0]).toMatchObject({ id: retried, attempts: 2 });
      expect((await rows('probe_fenced', 'w-always-503'))[0]).toMatchObject({
        attempts: 3,
        last_error: 'gave up after 3: HTTP 503',
      });
      await until(() => Promise.resolve(givenUp.includes(`${dead}:DEAD`)));

      // Graceful stop: the attempt in flight finishes and its outcome is recorded.
      const [slow] = await enqueue('probe_fenced', 'w-slow');
      bus.hint({ stream: 'probe:new', seq: 2 });
      await until(() => Promise.resolve(slowStarted));
      await worker.stop(5000);
      expect(worker.busy).toBe(0);
      expect((await rows('probe_fenced', 'w-slow'))[0]).toMatchObject({ id: slow, state: 'DELIVERED' });

      // After the grace, attempts in flight are aborted (outcome unknown: a retry).
      slowStarted = false;
      const [aborted] = await enqueue('probe_fenced', 'w-slow-2');
      const second = new DeliveryWorker({ orm: db.orm, bus, logger: quiet, settings }, queue).start();
      await until(() => Promise.resolve(slowStarted));
      await second.stop(10);
      expect((await rows('probe_fenced', 'w-slow-2'))[0]).toMatchObject({
        id: aborted,
        state: 'RETRYING',
        last_error: 'aborted',
      });
      // A stopped worker claims nothing more.
      await enqueue('probe_fenced', 'w-after-stop');
      bus.hint({ stream: 'probe:new', seq: 3 });
      await sleep(100);
      expect((await rows('probe_fenced', 'w-after-stop'))[0]).toMatchObject({ state: 'PENDING', attempts: 0 });
    });
  });
}
