// pnpm test:crash: writes N coded entries through the API (HTTP), delivers them with a worker
// running as its own OS process (`node packages/api/dist/worker.js`) to a local HTTP endpoint that
// records effects by message id, kill -9s the worker K times at random moments (restarting it each
// time), then drains and checks: 0 lost (every entry terminal), 0 duplicate effects, 0 pending.
// PostgreSQL only (BENCH_DATABASE_URL / TEST_DATABASE_URL). Usage:
//   node bench/write-back-crash.mjs [N] [K]        (defaults 300 3; the large run: 5000 10)
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { createScratchDatabase } from './lib/postgres.mjs';
import {
  JWT_SECRET,
  root,
  spawnNode,
  startApi,
  startTarget,
  useHttpTarget,
  workerMain,
  writeEntries,
} from './write-back-harness.mjs';

const N = Number(process.argv[2] ?? process.env.CRASH_ENTRIES ?? 300);
const K = Number(process.argv[3] ?? process.env.CRASH_KILLS ?? 3);
const require = createRequire(`${root}packages/api/package.json`);
const pg = require('pg');
const { syntheticNhsNumber } = await import(`${root}packages/schema/dist/index.js`);

const WORKER_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  JWT_SECRET,
  DATABASE_POOL_MAX: '5',
  WRITE_BACK_CONCURRENCY: '8',
  WRITE_BACK_LEASE_MS: '1500',
  WRITE_BACK_TIMEOUT_MS: '1000',
  WRITE_BACK_BACKOFF_MS: '50',
  WRITE_BACK_MAX_ATTEMPTS: '30',
  WRITE_BACK_POLL_MS: '200',
};

const db = await createScratchDatabase('pcnhub_crash');
const sql = new pg.Client({ connectionString: db.url });
const target = await startTarget({ latencyMs: () => 10 + Math.random() * 50 });
let api = null;
let worker = null;
let failed = false;
const started = Date.now();
try {
  api = await startApi(db.url);
  await sql.connect();
  await useHttpTarget(api.url, target.url);
  const count = async (text) => Number((await sql.query(text)).rows[0].n);
  const startWorker = () =>
    spawnNode(workerMain, { ...WORKER_ENV, DATABASE_URL: db.url }, { readyText: 'workers ready' });

  worker = startWorker();
  const writing = writeEntries(api.url, N, { syntheticNhsNumber, parallel: 8 });
  let writingDone = false;
  writing.then(
    () => (writingDone = true),
    () => (writingDone = true),
  );

  const kills = [];
  for (let k = 0; k < K; k++) {
    // A random moment while the worker is mid-request (the target has applied an effect and not yet
    // acknowledged it: "sent, no acknowledgement"), when there is work at all.
    await worker.ready;
    await sleep(Math.random() * (N > 1000 ? 1500 : 400));
    const waitUntil = Date.now() + 15_000;
    while (target.stats.inProgress === 0 && Date.now() < waitUntil) await sleep(1);
    const midRequest = target.stats.inProgress;
    const inFlight = await count("select count(*) as n from write_back_delivery where state = 'SENDING'");
    const backlog = await count(
      "select count(*) as n from write_back_delivery where state in ('WAITING', 'PENDING', 'RETRYING')",
    );
    worker.kill('SIGKILL');
    const exit = await worker.exited;
    kills.push({
      atMs: Date.now() - started,
      signal: exit.signal,
      midRequest,
      leased: inFlight,
      backlog,
      writing: !writingDone,
    });
    await sleep(Math.random() * 200);
    worker = startWorker();
  }
  const { written } = await writing;

  // Drain: wait until nothing is left to send (expired leases are retaken by the new worker).
  const drainStarted = Date.now();
  for (;;) {
    const open = await count(
      "select count(*) as n from write_back_delivery where state in ('WAITING', 'PENDING', 'SENDING', 'RETRYING')",
    );
    if (open === 0) break;
    if (Date.now() - drainStarted > 180_000) throw new Error(`drain timed out with ${open} deliveries open`);
    await sleep(100);
  }
  const drainMs = Date.now() - drainStarted;
  worker.kill('SIGTERM');
  await worker.exited;
  worker = null;

  const entries = await count('select count(*) as n from consultation_entry');
  const states = Object.fromEntries(
    (
      await sql.query(
        `select coalesce(d.state, r.decision) as state, count(*)::int as n
         from consultation_entry e
         left join write_back_record r on r.entry_id = e.id
         left join write_back_delivery d on d.id = r.current_delivery_id
         group by 1`,
      )
    ).rows.map((r) => [r.state ?? 'NO_RECORD', r.n]),
  );
  const delivered = (await sql.query("select message_id, record_id from write_back_delivery where state = 'DELIVERED'"))
    .rows;
  const terminal = (states.DELIVERED ?? 0) + (states.DEAD ?? 0) + (states.BLOCKED ?? 0) + (states.NOT_REQUIRED ?? 0);
  const lost = entries - terminal;
  const pending = await count(
    "select count(*) as n from write_back_delivery where state in ('WAITING', 'PENDING', 'SENDING', 'RETRYING')",
  );
  const duplicateEffects = [...target.effectsByRecord.values()].filter((ids) => ids.size > 1).length;
  const ackedWithoutEffect = delivered.filter((d) => !target.effects.has(d.message_id)).length;
  const resent = [...target.received.values()].reduce((sum, n) => sum + n, 0) - target.received.size;
  const summary = {
    entries: N,
    written,
    kills: kills.length,
    killLog: kills,
    states,
    lost,
    pending,
    duplicateEffects,
    effects: target.effects.size,
    ackedWithoutEffect,
    requests: target.stats.requests,
    resentSameMessageId: resent,
    badSignatures: target.stats.badSignatures,
    drainMs,
    totalMs: Date.now() - started,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  const problems = [];
  if (written !== N || entries !== N) problems.push(`expected ${N} entries, wrote ${written}, stored ${entries}`);
  if (lost !== 0) problems.push(`${lost} entries lost (not terminal)`);
  if ((states.DELIVERED ?? 0) !== N) problems.push(`${N - (states.DELIVERED ?? 0)} entries not DELIVERED`);
  if (pending !== 0) problems.push(`${pending} deliveries pending`);
  if (duplicateEffects !== 0) problems.push(`${duplicateEffects} entries with duplicate effects`);
  if (target.effects.size !== N) problems.push(`${target.effects.size} effects for ${N} entries`);
  if (ackedWithoutEffect !== 0) problems.push(`${ackedWithoutEffect} DELIVERED without an effect`);
  if (target.stats.badSignatures !== 0) problems.push(`${target.stats.badSignatures} bad signatures`);
  if (kills.length !== K || kills.some((k) => k.signal !== 'SIGKILL')) problems.push('not every kill was a SIGKILL');
  if (problems.length) {
    failed = true;
    process.stderr.write(`write-back crash test FAILED:\n- ${problems.join('\n- ')}\n`);
  } else {
    process.stdout.write(
      `write-back crash test passed: ${N} entries, ${K} kill -9s, 0 lost, 0 duplicate effects, 0 pending\n`,
    );
  }
} catch (error) {
  failed = true;
  process.stderr.write(`write-back crash test error: ${error instanceof Error ? error.stack : String(error)}\n`);
  if (api) process.stderr.write(`API stderr:\n${api.stderr()}\n`);
  if (worker) process.stderr.write(`worker stderr:\n${worker.stderr()}\n`);
} finally {
  worker?.kill('SIGKILL');
  if (api) {
    api.kill('SIGTERM');
    await api.exited;
  }
  await sql.end().catch(() => {});
  await target.close();
  await db.drop();
}
process.exit(failed ? 1 : 0);
