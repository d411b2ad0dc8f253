import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessEventBus, isResyncHint, RESYNC_ALL_STREAMS, type EventBus, type StreamHint } from './event-bus.js';
import { createEventBus } from './event-bus.factory.js';
import { PgNotifyEventBus } from './event-bus.pg.js';
import { RedisEventBus } from './event-bus.redis.js';
import { createScratchPostgres } from './testing/databases.js';

const PG = process.env.TEST_DATABASE_URL;
const REDIS = process.env.REDIS_URL;

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function record(bus: EventBus): StreamHint[] {
  const heard: StreamHint[] = [];
  bus.onHint((hint) => heard.push(hint));
  return heard;
}

describe('InProcessEventBus', () => {
  it('hands hints to every listener, survives a throwing one, and stops after unsubscribe', () => {
    const bus = new InProcessEventBus();
    const heard: StreamHint[] = [];
    bus.onHint(() => {
      throw new Error('listener bug');
    });
    const off = bus.onHint((hint) => heard.push(hint));
    bus.hint({ stream: 's', seq: 1 });
    off();
    bus.hint({ stream: 's', seq: 2 });
    expect(heard).toEqual([{ stream: 's', seq: 1 }]);
  });
});

/** The shared contract of the cross-process buses; `cut` severs the listening connection of `bus`. */
function crossProcessContract(
  name: string,
  make: (options: { name: string }) => Promise<{ bus: EventBus & { start(): Promise<void> } }>,
  cut: (name: string) => Promise<void>,
): void {
  describe(name, () => {
    const buses: EventBus[] = [];
    const open = async (): Promise<{ bus: EventBus; name: string }> => {
      const connectionName = `pcnhub-test-${randomBytes(4).toString('hex')}`;
      const { bus } = await make({ name: connectionName });
      await bus.start();
      buses.push(bus);
      return { bus, name: connectionName };
    };
    afterAll(async () => {
      await Promise.all(buses.map((bus) => bus.close()));
    });

    it('hears its own hints at once, delivers them to another bus, and ignores its own echo', async () => {
      const { bus: a } = await open();
      const { bus: b } = await open();
      const heardA = record(a);
      const heardB = record(b);
      a.hint({ stream: 'inbox:1', seq: 1 });
      expect(heardA).toEqual([{ stream: 'inbox:1', seq: 1 }]);
      await until(() => heardB.length === 1);
      expect(heardB).toEqual([{ stream: 'inbox:1', seq: 1 }]);
      b.hint({ stream: 'inbox:2', seq: 7 });
      await until(() => heardA.length === 2);
      await sleep(200);
      expect(heardA).toEqual([
        { stream: 'inbox:1', seq: 1 },
        { stream: 'inbox:2', seq: 7 },
      ]);
    });

    it('coalesces a burst of hints into one message per stream carrying the highest seq', async () => {
      const { bus: a } = await open();
      const { bus: b } = await open();
      const heardB = record(b);
      for (let seq = 1; seq <= 50; seq++) a.hint({ stream: 'burst', seq });
      a.hint({ stream: 'other', seq: 3 });
      await until(() => heardB.length >= 2);
      await sleep(200);
      expect(heardB).toEqual([
        { stream: 'burst', seq: 50 },
        { stream: 'other', seq: 3 },
      ]);
    });

    it('reconnects after its connection is cut, emits a resync hint, then hears hints again', async () => {
      const { bus: a, name: aName } = await open();
      const { bus: b } = await open();
      const heardA = record(a);
      await cut(aName);
      await until(() => heardA.some(isResyncHint), 10_000);
      expect(heardA.find(isResyncHint)).toEqual({ stream: RESYNC_ALL_STREAMS, seq: 0 });
      b.hint({ stream: 'after-cut', seq: 1 });
      await until(() => heardA.some((hint) => hint.stream === 'after-cut'));
    });

    it('never throws from hint(), even after close', async () => {
      const { bus } = await open();
      await bus.close();
      expect(() => bus.hint({ stream: 'closed', seq: 1 })).not.toThrow();
    });
  });
}

if (PG) {
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    scratch = await createScratchPostgres(PG);
  });
  afterAll(async () => {
    await scratch?.drop();
  });
  crossProcessContract(
    'PgNotifyEventBus',
    async ({ name }) => ({
      bus: new PgNotifyEventBus({
        connectionString: scratch!.url,
        applicationName: name,
        reconnectMinMs: 20,
        reconnectMaxMs: 200,
      }),
    }),
    async (name) => {
      const client = new pg.Client({ connectionString: scratch!.url });
      await client.connect();
      const { rows } = await client.query(
        `select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1`,
        [name],
      );
      await client.end();
      expect(rows).toEqual([{ ok: true }]);
    },
  );

  describe('PgNotifyEventBus outside the happy path', () => {
    it('start() rejects when PostgreSQL cannot be reached; hint() still never throws', async () => {
      const bus = new PgNotifyEventBus({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
      await expect(bus.start()).rejects.toThrow();
      const heard = record(bus);
      expect(() => bus.hint({ stream: 's', seq: 1 })).not.toThrow();
      expect(heard).toEqual([{ stream: 's', seq: 1 }]);
      await sleep(100);
      await bus.close();
    });

    it('createEventBus picks LISTEN/NOTIFY on PostgreSQL without Redis, and in-process on PGlite', async () => {
      const pgBus = await createEventBus({ databaseUrl: scratch!.url, redisUrl: null });
      expect(pgBus).toBeInstanceOf(PgNotifyEventBus);
      await pgBus.close();
      const local = await createEventBus({ databaseUrl: null, redisUrl: null });
      expect(local).toBeInstanceOf(InProcessEventBus);
    });
  });
}

if (REDIS) {
  const channel = `pcn-hub:test:${randomBytes(4).toString('hex')}`;
  crossProcessContract(
    'RedisEventBus',
    async ({ name }) => ({
      bus: new RedisEventBus({ url: REDIS, channel, connectionName: name, reconnectMinMs: 20, reconnectMaxMs: 200 }),
    }),
    async (name) => {
      const admin = new Redis(REDIS);
      const list = (await admin.client('LIST')) as string;
      const ids = list
        .split('\n')
        .filter((line) => line.includes(` name=${name} `))
        .map((line) => /\bid=(\d+)/.exec(line)?.[1]);
      expect(ids).toHaveLength(1);
      await admin.client('KILL', 'ID', ids[0]!);
      admin.disconnect();
    },
  );

  describe('RedisEventBus outside the happy path', () => {
    it('createEventBus prefers Redis when REDIS_URL is set', async () => {
      const bus = await createEventBus({ databaseUrl: PG ?? null, redisUrl: REDIS });
      expect(bus).toBeInstanceOf(RedisEventBus);
      await bus.close();
    });

    it('start() rejects when Redis cannot be reached', async () => {
      const bus = new RedisEventBus({ url: 'redis://127.0.0.1:1', reconnectMaxMs: 50 });
      await expect(bus.start()).rejects.toThrow();
      expect(() => bus.hint({ stream: 's', seq: 1 })).not.toThrow();
      await bus.close();
    });
  });
}
