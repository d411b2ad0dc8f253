// pnpm bench:write-back: write-back delivery throughput and latency on PostgreSQL.
// For each concurrency C: 20,000 entries are saved through the API (worker off), then one worker
// process with WRITE_BACK_CONCURRENCY=C drains them to a local HTTP target that adds 20 ms before
// acknowledging. Reports delivered/s against the bound C / 0.02 s, then, with the worker idle,
// saves entries one at a time and reports enqueue-to-dispatch and commit-to-acknowledgement
// latencies. Targets: >= 0.8 of the bound; idle dispatch p99 < 50 ms.
// Env: BENCH_ENTRIES (20000), BENCH_CONCURRENCY (16,64), BENCH_IDLE_SAMPLES (200).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { markdownTable } from './lib/stats.mjs';
import { createScratchDatabase, postgresVersion } from './lib/postgres.mjs';
import {
  gql,
  JWT_SECRET,
  percentile,
  root,
  spawnNode,
  startApi,
  startTarget,
  TOKENS,
  useHttpTarget,
  workerMain,
  writeEntries,
} from './write-back-harness.mjs';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 20_000);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '16,64').split(',').map(Number);
const IDLE_SAMPLES = Number(process.env.BENCH_IDLE_SAMPLES ?? 200);
const LATENCY_MS = 20;
const require = createRequire(`${root}packages/api/package.json`);
const pg = require('pg');
const { syntheticNhsNumber } = await import(`${root}packages/schema/dist/index.js`);

const RECORD =
  'mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id } } }';
const SAVE = 'mutation ($input: SaveConsultationInput!) { saveConsultation(input: $input) { consultation { id } } }';

/** CPU time (user + system) a process has used, from /proc (Linux), in ms; NaN elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

async function waitDrained(sql, timeoutMs = 600_000) {
  const started = Date.now();
  for (;;) {
    const { rows } = await sql.query(
      "select count(*)::int as n from write_back_delivery where state in ('WAITING', 'PENDING', 'SENDING', 'RETRYING')",
    );
    if (rows[0].n === 0) return;
    if (Date.now() - started > timeoutMs) throw new Error(`not drained: ${rows[0].n} open`);
    await sleep(50);
  }
}

async function runOnce(concurrency) {
  const db = await createScratchDatabase('pcnhub_wb_bench');
  const target = await startTarget({ latencyMs: () => LATENCY_MS });
  const sql = new pg.Client({ connectionString: db.url });
  let api = null;
  let worker = null;
  try {
    api = await startApi(db.url);
    await sql.connect();
    await useHttpTarget(api.url, target.url);
    const writeStarted = Date.now();
    await writeEntries(api.url, ENTRIES, { syntheticNhsNumber, perConsultation: 10, parallel: 16 });
    const writeMs = Date.now() - writeStarted;
    const { rows: queued } = await sql.query(
      "select count(*)::int as n, count(*) filter (where state = 'PENDING')::int as heads from write_back_delivery where state in ('PENDING', 'WAITING')",
    );

    worker = spawnNode(workerMain, {
      NODE_ENV: 'production',
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.url,
      DATABASE_POOL_MAX: '10',
      WRITE_BACK_CONCURRENCY: String(concurrency),
    });
    await waitDrained(sql);
    const workerCpuMs = cpuMs(worker.child.pid);
    const { rows: drain } = await sql.query(
      `select count(*)::int as n,
              extract(epoch from (max(delivered_at) - min(first_attempt_at))) * 1000 as span_ms
       from write_back_delivery where state = 'DELIVERED'`,
    );
    const delivered = drain[0].n;
    const spanMs = Number(drain[0].span_ms);
    const perSecond = delivered / (spanMs / 1000);
    const bound = concurrency / (LATENCY_MS / 1000);

    // Idle: one entry at a time, the worker waiting for work.
    const bearer = TOKENS.clinician();
    const since = new Date();
    for (let i = 0; i < IDLE_SAMPLES; i++) {
      const entries = [{ coded: { snomedCode: '22298006', term: 'Myocardial infarction' } }];
      const { recordConsultation } = await gql(api.url, bearer, RECORD, {
        input: { nhsNumber: syntheticNhsNumber(i % 500), entries },
      });
      await gql(api.url, bearer, SAVE, { input: { consultationId: recordConsultation.consultation.id } });
      await sleep(40 + Math.random() * 40);
    }
    await waitDrained(sql);
    const { rows: idle } = await sql.query(
      `select extract(epoch from (first_attempt_at - created_at)) * 1000 as dispatch_ms,
              extract(epoch from (delivered_at - created_at)) * 1000 as ack_ms
       from write_back_delivery where created_at >= $1 and state = 'DELIVERED'`,
      [since],
    );
    const dispatch = idle.map((r) => Number(r.dispatch_ms)).sort((a, b) => a - b);
    const ack = idle.map((r) => Number(r.ack_ms)).sort((a, b) => a - b);
    const duplicates = [...target.effectsByRecord.values()].filter((ids) => ids.size > 1).length;
    return {
      concurrency,
      queued: queued[0].n,
      heads: queued[0].heads,
      writeMs,
      delivered,
      spanMs,
      perSecond,
      bound,
      ratio: perSecond / bound,
      idle: idle.length,
      dispatchP50: percentile(dispatch, 50),
      dispatchP99: percentile(dispatch, 99),
      ackP50: percentile(ack, 50),
      ackP99: percentile(ack, 99),
      duplicates,
      workerCpuMsPerDelivery: workerCpuMs / delivered,
    };
  } finally {
    if (worker) {
      worker.kill('SIGTERM');
      await worker.exited;
    }
    if (api) {
      api.kill('SIGTERM');
      await api.exited;
    }
    await sql.end().catch(() => {});
    await target.close();
    await db.drop();
  }
}

const version = await postgresVersion();
if (!version) {
  process.stderr.write('bench:write-back needs PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL).\n');
  process.exit(1);
}
const results = [];
for (const c of CONCURRENCIES) {
  process.stderr.write(`C=${c}: saving ${ENTRIES} entries, then draining...\n`);
  results.push(await runOnce(c));
}
const f = (n) => (Number.isFinite(n) ? n.toFixed(1) : '-');
process.stdout.write(
  `\nWrite-back delivery on PostgreSQL ${version}, one worker process, target latency ${LATENCY_MS} ms, ${ENTRIES} entries, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}\n\n` +
    markdownTable(
      [
        'C',
        'delivered/s',
        'bound C/0.02s',
        'ratio',
        'idle dispatch p50',
        'idle dispatch p99',
        'commit-to-ack p50',
        'commit-to-ack p99',
        'dup effects',
      ],
      results.map((r) => [
        r.concurrency,
        Math.round(r.perSecond),
        Math.round(r.bound),
        r.ratio.toFixed(2),
        `${f(r.dispatchP50)} ms`,
        `${f(r.dispatchP99)} ms`,
        `${f(r.ackP50)} ms`,
        `${f(r.ackP99)} ms`,
        r.duplicates,
      ]),
    ) +
    '\n\n' +
    results
      .map(
        (r) =>
          `C=${r.concurrency}: ${r.delivered} delivered in ${Math.round(r.spanMs)} ms (${r.queued} queued through the API in ${Math.round(r.writeMs)} ms, ${r.heads} patient lines); ` +
          `worker CPU ${r.workerCpuMsPerDelivery.toFixed(2)} ms per delivery; ${r.idle} idle samples; ` +
          `targets: ratio >= 0.8 ${r.ratio >= 0.8 ? 'met' : 'NOT met'}, idle dispatch p99 < 50 ms ${r.dispatchP99 < 50 ? 'met' : 'NOT met'}`,
      )
      .join('\n') +
    '\n',
);
