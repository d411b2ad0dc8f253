// Subscriptions at the engine level (subscribeStream + the event buses) against PostgreSQL.
//
//   pnpm bench:subscriptions            (builds, then runs this file)
//
// Env: BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_REDIS_URL (default redis://127.0.0.1:6379; the Redis phase is skipped when unreachable),
// BENCH_DURATION_S (default 30), BENCH_RATE (events/s, default 10), BENCH_SUBSCRIBERS (default
// "1000,2000"), BENCH_PHASES (default "local,pg2,redis2,ws").
//
// Phases: "local" = subscribers and writer in one process (LISTEN/NOTIFY bus, as in production
// without Redis); "pg2" / "redis2" = writer in a child process, subscribers here, hints over
// LISTEN/NOTIFY / Redis. Latency is commit -> receipt: the writer takes a wall-clock timestamp
// right after its commit returns and sends it (by seq) to this process over IPC, since a
// timestamp inside the payload can only be taken before the commit. "ws" = the same through the
// whole API: graphql-ws clients (another process) subscribed to `inboxEvents` (bench/subscriptions-ws.mjs).
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// pg and ioredis are dependencies of the api package, not of the workspace root.
const requireFromApi = createRequire(new URL('../packages/api/package.json', import.meta.url));
const pg = requireFromApi('pg');
const { Redis } = requireFromApi('ioredis');

const dist = new URL('../packages/api/dist/', import.meta.url);
const { createOrm, migrate } = await import(new URL('platform/db/orm.js', dist).href);
const { HUB_ENTITIES } = await import(new URL('modules.js', dist).href);
const { createLogger } = await import(new URL('platform/logger.js', dist).href);
const events = await import(new URL('platform/events/index.js', dist).href);

const env = process.env;
const ADMIN_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DURATION_S = Number(env.BENCH_DURATION_S ?? 30);
const RATE = Number(env.BENCH_RATE ?? 10);
const SUBSCRIBERS = (env.BENCH_SUBSCRIBERS ?? '1000,2000').split(',').map(Number);
const PHASES = (env.BENCH_PHASES ?? 'local,pg2,redis2,ws').split(',');
const logger = createLogger('silent');
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function makeBus(kind, databaseUrl, channel) {
  if (kind === 'redis') return new events.RedisEventBus({ url: REDIS_URL, channel, logger });
  return new events.PgNotifyEventBus({ connectionString: databaseUrl, logger });
}

/** Appends one event per 1/RATE s for DURATION_S; calls onCommit(seq, committedAt) after each commit. */
async function write(orm, bus, stream, onCommit) {
  const interval = 1000 / RATE;
  const count = Math.round(DURATION_S * RATE);
  const start = now();
  for (let i = 0; i < count; i++) {
    const wait = start + i * interval - now();
    if (wait > 0) await sleep(wait);
    const event = await orm.em.fork().transactional((em) =>
      events.appendEvent(em, {
        stream,
        type: 'BENCH',
        subjectType: 'Bench',
        subjectId: String(i),
        payload: { i, preCommitAt: now() },
      }),
    );
    const committedAt = now();
    bus.hint({ stream, seq: event.seq });
    onCommit(event.seq, committedAt);
  }
  return count;
}

// ---- child: the writer of the two-process phases ----
if (process.argv[2] === '--writer') {
  const { databaseUrl, busKind, stream, channel } = JSON.parse(process.argv[3]);
  const orm = await createOrm({ kind: 'postgresql', url: databaseUrl, poolMax: 2 }, logger, HUB_ENTITIES);
  const bus = makeBus(busKind, databaseUrl, channel);
  await bus.start();
  process.send({ ready: true });
  await new Promise((resolve) => process.once('message', resolve));
  const started = now();
  const written = await write(orm, bus, stream, (seq, committedAt) => process.send({ seq, committedAt }));
  const elapsed = (now() - started) / 1000;
  await sleep(200);
  process.send({ done: true, written, elapsed });
  await bus.close();
  await orm.close(true);
  process.disconnect();
  process.exit(0);
}

// ---- parent ----
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

async function admin(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** N subscribers here; the writer here ("local") or in a child process. */
async function run({ orm, databaseUrl, busKind, subscribers, remoteWriter }) {
  const stream = `bench:${busKind}:${subscribers}:${randomBytes(3).toString('hex')}`;
  const channel = `pcn-hub:bench:${randomBytes(3).toString('hex')}`;
  const bus = makeBus(busKind, databaseUrl, channel);
  await bus.start();
  const startSeq = await events.latestSeq(orm.em.fork(), stream);
  const count = Math.round(DURATION_S * RATE);

  const heapBefore = heapAfterGc();
  const subs = [];
  for (let s = 0; s < subscribers; s++) {
    const receipts = new Float64Array(count + 1);
    const state = { receipts, next: startSeq + 1, delivered: 0, gaps: 0, done: null };
    const iterator = events.subscribeStream({
      stream,
      afterSeq: startSeq,
      bus,
      orm,
      authorize: async () => true,
      heartbeatMs: 60_000,
    });
    state.iterator = iterator;
    state.done = (async () => {
      for await (const message of iterator) {
        if (message.kind !== 'EVENT') continue;
        const at = now();
        const seq = message.event.seq;
        if (seq !== state.next) state.gaps++;
        state.next = seq + 1;
        state.delivered++;
        const index = seq - startSeq;
        if (index >= 0 && index <= count) receipts[index] = at;
      }
    })();
    subs.push(state);
  }
  await sleep(1000);
  const heapPerSubscriber = (heapAfterGc() - heapBefore) / subscribers;

  const commits = new Float64Array(count + 1);
  let written;
  let elapsed;
  if (remoteWriter) {
    const child = fork(
      new URL(import.meta.url),
      ['--writer', JSON.stringify({ databaseUrl, busKind, stream, channel })],
      {
        stdio: 'inherit',
      },
    );
    ({ written, elapsed } = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code) => code !== 0 && reject(new Error(`writer exited with ${code}`)));
      child.on('message', (message) => {
        if (message.ready) child.send({ go: true });
        else if (message.done) resolve(message);
        else commits[message.seq - startSeq] = message.committedAt;
      });
    }));
  } else {
    const started = now();
    written = await write(orm, bus, stream, (seq, committedAt) => (commits[seq - startSeq] = committedAt));
    elapsed = (now() - started) / 1000;
  }
  const deadline = now() + 10_000;
  while (subs.some((s) => s.delivered < written) && now() < deadline) await sleep(50);
  const heapLoaded = heapAfterGc();

  const latencies = new Float64Array(subscribers * written);
  let n = 0;
  for (const s of subs) {
    for (let i = 1; i <= written; i++)
      if (s.receipts[i] > 0 && commits[i] > 0) latencies[n++] = s.receipts[i] - commits[i];
  }
  const sorted = latencies.subarray(0, n).sort();
  const delivered = subs.reduce((sum, s) => sum + s.delivered, 0);
  const withGap = subs.filter((s) => s.gaps > 0 || s.delivered !== written).length;
  await Promise.all(subs.map((s) => s.iterator.return()));
  await Promise.all(subs.map((s) => s.done));
  await bus.close();
  return {
    phase: remoteWriter
      ? `2 processes, ${busKind === 'redis' ? 'Redis' : 'LISTEN/NOTIFY'}`
      : '1 process, LISTEN/NOTIFY',
    subscribers,
    events: written,
    rate: (written / elapsed).toFixed(1),
    delivered: `${delivered}/${subscribers * written}`,
    lost: subscribers * written - delivered,
    withGap,
    p50: percentile(sorted, 50).toFixed(1),
    p99: percentile(sorted, 99).toFixed(1),
    max: sorted.length ? sorted[sorted.length - 1].toFixed(1) : 'n/a',
    heapKiBPerSub: (heapPerSubscriber / 1024).toFixed(1),
    heapMiBLoaded: ((heapLoaded - heapBefore) / 1048576).toFixed(1),
  };
}

async function redisReachable() {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const dbName = `pcnhub_bench_${randomBytes(4).toString('hex')}`;
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
await admin(`create database ${dbName}`);
const results = [];
let orm;
try {
  orm = await createOrm({ kind: 'postgresql', url: databaseUrl, poolMax: 10 }, logger, HUB_ENTITIES);
  await migrate(orm);
  console.log(
    `subscriptions bench: ${DURATION_S}s at ${RATE} events/s, subscribers ${SUBSCRIBERS.join(', ')}, node ${process.version}`,
  );
  const phases = [];
  if (PHASES.includes('local'))
    for (const n of SUBSCRIBERS) phases.push({ busKind: 'pg', subscribers: n, remoteWriter: false });
  if (PHASES.includes('pg2'))
    for (const n of SUBSCRIBERS) phases.push({ busKind: 'pg', subscribers: n, remoteWriter: true });
  if (PHASES.includes('redis2')) {
    if (await redisReachable())
      for (const n of SUBSCRIBERS) phases.push({ busKind: 'redis', subscribers: n, remoteWriter: true });
    else console.log(`Redis at ${REDIS_URL} unreachable: Redis phase skipped`);
  }
  for (const phase of phases) {
    const result = await run({ orm, databaseUrl, ...phase });
    results.push(result);
    console.log(JSON.stringify(result));
  }
  if (PHASES.includes('ws')) {
    if (!existsSync(new URL('modules/inbox/inbox.subscription.js', dist))) {
      console.log('inboxEvents subscription not built: graphql-ws phase skipped');
    } else {
      const { runWsPhase } = await import('./subscriptions-ws.mjs');
      for (const n of SUBSCRIBERS) {
        const result = await runWsPhase({
          databaseUrl,
          subscribers: n,
          durationS: DURATION_S,
          rate: RATE,
          heapAfterGc,
        });
        results.push(result);
        console.log(JSON.stringify(result));
      }
    }
  }
} finally {
  await orm?.close(true);
  await admin(`drop database if exists ${dbName} with (force)`);
}

console.log(
  '\n| Phase | Subscribers | Events | Delivered / expected | Lost | Subscribers with a gap | p50 ms | p99 ms | max ms | Heap per subscriber (socket) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.phase} | ${r.subscribers} | ${r.events} | ${r.delivered} | ${r.lost} | ${r.withGap} | ${r.p50} | ${r.p99} | ${r.max} | ${r.heapKiBPerSub} KiB |`,
  );
}
