import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventBus } from './event-bus.js';
import { PgNotifyEventBus } from './event-bus.pg.js';
import { RedisEventBus } from './event-bus.redis.js';
import { appendAndHint } from './testing/append.js';
import { openScratchDatabase, type ScratchDatabase } from './testing/databases.js';

const PG = process.env.TEST_DATABASE_URL;
const REDIS = process.env.REDIS_URL;
const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const script = fileURLToPath(new URL('./testing/stream-process.mjs', import.meta.url));

/**
 * The child runs the built engine (dist): rebuild when any source it loads is newer. `tsc -b`
 * is incremental, so this is quick when nothing changed.
 */
function ensureBuilt(): void {
  const src = fileURLToPath(new URL('../../', import.meta.url));
  const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));
  const stale = (): boolean =>
    ['platform/events', 'platform/db'].some((dir) =>
      readdirSync(src + dir)
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .some((file) => {
          const out = `${dist}${dir}/${file.replace(/\.ts$/, '.js')}`;
          return !existsSync(out) || statSync(out).mtimeMs < statSync(`${src}${dir}/${file}`).mtimeMs;
        }),
    );
  if (!stale()) return;
  try {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-b'], { cwd: root, stdio: 'ignore' });
  } catch {
    // Type errors elsewhere in the workspace still emit; the check below decides.
  }
  if (stale()) throw new Error('packages/api/dist is stale and `tsc -b` did not refresh it: run `pnpm build`');
}

interface ChildMessage {
  type: string;
  seq?: number;
  latestSeq?: number;
  message?: string;
}

/** The subscriber process and what it printed. */
class SubscriberProcess {
  readonly messages: ChildMessage[] = [];
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [script], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) =>
      this.messages.push(JSON.parse(line) as ChildMessage),
    );
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  get seqs(): number[] {
    return this.messages.flatMap((m) => (m.type === 'event' ? [m.seq!] : []));
  }

  async until(check: (messages: ChildMessage[]) => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this.messages)) {
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`subscriber process: ${JSON.stringify(this.messages)} ${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.end();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    // exitCode changes behind TypeScript's back while we await.
    if ((this.child.exitCode as number | null) === null) this.child.kill('SIGKILL');
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A writer here, a subscriber in another OS process, one PostgreSQL. The subscriber's poll
 * fallback is a minute, so only the bus (and its reconnect resync) can deliver within the test.
 */
function twoProcessSuite(
  name: string,
  makeBus: (db: ScratchDatabase, channel: string) => EventBus & { start(): Promise<void> },
  childEnv: (db: ScratchDatabase, channel: string, busName: string) => Record<string, string>,
  cut: (db: ScratchDatabase, busName: string) => Promise<void>,
  restored: (db: ScratchDatabase, busName: string) => Promise<boolean>,
): void {
  describe(name, () => {
    let db: ScratchDatabase | undefined;
    let bus: (EventBus & { start(): Promise<void> }) | undefined;
    let child: SubscriberProcess | null = null;
    const channel = `pcnhub_test_${randomBytes(4).toString('hex')}`;

    beforeAll(async () => {
      ensureBuilt();
      const opened = await openScratchDatabase('postgresql');
      db = opened;
      bus = makeBus(opened, channel);
      await bus.start();
    }, 180_000);
    const opened = (): ScratchDatabase => db!;
    const writer = (): EventBus => bus!;
    afterAll(async () => {
      await child?.stop();
      await bus?.close();
      await db?.drop();
    });

    it('delivers events appended here to a subscriber in another process, also across a cut channel', async () => {
      const db = opened();
      const bus = writer();
      const stream = `inbox:${randomBytes(4).toString('hex')}`;
      const busName = `pcnhub-child-${randomBytes(4).toString('hex')}`;
      child = new SubscriberProcess({
        ...childEnv(db, channel, busName),
        STREAM: stream,
        AFTER: '0',
        POLL_MS: '60000',
        HEARTBEAT_MS: '200',
        RECONNECT_MIN_MS: '400',
        RECONNECT_MAX_MS: '1000',
      });
      await child.until((m) => m.some((x) => x.type === 'ready'), 20_000);

      for (let i = 0; i < 10; i++) await appendAndHint(db.orm, bus, stream, { n: i });
      await child.until(() => child!.seqs.length >= 10, 5000);

      await cut(db, busName);
      // Written while the child cannot hear: their hints are lost for good.
      for (let i = 10; i < 15; i++) await appendAndHint(db.orm, bus, stream, { n: i });
      const deadline = Date.now() + 10_000;
      while (!(await restored(db, busName))) {
        if (Date.now() > deadline) throw new Error('channel not restored');
        await sleep(20);
      }
      for (let i = 15; i < 20; i++) await appendAndHint(db.orm, bus, stream, { n: i });

      await child.until(() => child!.seqs.length >= 20, 10_000);
      expect(child.seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(child.messages.some((m) => m.type === 'resync')).toBe(true);
      expect(child.messages.filter((m) => m.type === 'error' || m.type === 'resync-required')).toEqual([]);
    }, 60_000);
  });
}

async function pgQuery<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function redisClientIds(name: string): Promise<string[]> {
  const admin = new Redis(REDIS!);
  try {
    const list = (await admin.client('LIST')) as string;
    return list
      .split('\n')
      .filter((line) => line.includes(` name=${name} `) && / sub=1 /.test(line))
      .map((line) => /\bid=(\d+)/.exec(line)![1]!);
  } finally {
    admin.disconnect();
  }
}

if (PG) {
  twoProcessSuite(
    'two processes on one PostgreSQL, LISTEN/NOTIFY',
    (db, channel) => new PgNotifyEventBus({ connectionString: db.url!, channel }),
    (db, channel, busName) => ({ DATABASE_URL: db.url!, BUS_CHANNEL: channel, BUS_NAME: busName, REDIS_URL: '' }),
    async (db, busName) => {
      const rows = await pgQuery<{ pid: number }>(
        db.url!,
        `select pid, pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`,
        [busName],
      );
      expect(rows).toHaveLength(1);
      // Wait until the backend is really gone, so the next writes happen while the channel is cut
      // (the child waits at least 200 ms before reconnecting).
      const gone = async () =>
        (await pgQuery(db.url!, `select 1 from pg_stat_activity where pid = $1`, [rows[0]!.pid])).length === 0;
      const deadline = Date.now() + 5000;
      while (!(await gone())) {
        if (Date.now() > deadline) throw new Error('LISTEN backend did not go away');
        await sleep(5);
      }
    },
    async (db, busName) =>
      (await pgQuery(db.url!, `select 1 from pg_stat_activity where application_name = $1`, [busName])).length > 0,
  );

  if (REDIS) {
    twoProcessSuite(
      'two processes on one PostgreSQL, Redis pub/sub',
      (_db, channel) => new RedisEventBus({ url: REDIS, channel }),
      (db, channel, busName) => ({ DATABASE_URL: db.url!, REDIS_URL: REDIS, BUS_CHANNEL: channel, BUS_NAME: busName }),
      async (_db, busName) => {
        const ids = await redisClientIds(busName);
        expect(ids).toHaveLength(1);
        const admin = new Redis(REDIS);
        await admin.client('KILL', 'ID', ids[0]!);
        admin.disconnect();
      },
      async (_db, busName) => (await redisClientIds(busName)).length > 0,
    );
  }
}

if (!PG) {
  // Keeps the file a valid suite without PostgreSQL; the tests above need a real server.
  describe.skip('two processes on one PostgreSQL (set TEST_DATABASE_URL)', () => {
    it('needs PostgreSQL', () => {});
  });
}
