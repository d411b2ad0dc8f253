// pnpm bench:reads: more hot paths of the API, each against its own one-statement floor (a bare
// node:http server running ONE SQL statement, bench/lib/floors.mjs, then JSON.stringify), on
// PostgreSQL, side by side in the same harness as bench:inbox (bench/lib/arms.mjs: each server in its
// own process pinned to CPU 0, autocannon on CPU 1, rounds interleaved, medians, server CPU per
// operation). The reads (--read= picks some, comma-separated; default all):
//
// - patients: patients(search: "Jones", first: 50) with registered practice, as a hub clinician;
// - prescriptions: prescriptions(first: 50) with patient, registered practice and items;
// - consultation: hubConsultation(id) with its three coded entries and their write-back status;
// - audit: auditEvents(first: 50) as the hub manager;
// - save: the write, recordConsultation with three coded entries then saveConsultation (two requests
//   per operation: figures are per operation, latencies per request) against the same rows
//   (consultation, entries, write-back records and outbox deliveries, write-back events, audit rows)
//   inserted by one SQL statement.
//
// The data: the demo PCN plus 20,000 patients, 100,000 prescription items (about 40,000
// prescriptions) and 100,000 audit events (synthetic). Also prints the API's SQL statements per
// request for each read. PostgreSQL only (bench:inbox has the PGlite comparison).
//
// Env: BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_DURATION (seconds per measured run, default 5), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS
// (default 20), BENCH_WARMUP_REQUESTS (each server's warm-up goes on past its 2 s until it has answered
// this many requests, default 500: a fresh server runs its first requests on code V8 has not optimised
// yet, so each arm is measured after the same work, not the same seconds), BENCH_WRITE=0 to leave
// BENCHMARKS.md alone.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { loadAverage, medianOf, placement, resultsTable, runRounds, startLoader, startServer } from './lib/arms.mjs';
import { postgresVersion } from './lib/postgres.mjs';
import { READS, readContext } from './lib/reads-cases.mjs';
import { seedReads } from './lib/reads-seed.mjs';
import { commitLabel, writeFigures } from './lib/report.mjs';
import { preparePostgres } from './lib/scratch.mjs';
import { markdownTable } from './lib/stats.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WARMUP = 2;
const WARMUP_REQUESTS = Number(process.env.BENCH_WARMUP_REQUESTS ?? 500);
const SIZES = { patients: 20_000, items: 100_000, auditEvents: 100_000 };
const PRINCIPALS = {
  clinician: { sub: 'hub.anp1', org: 'Y99000', roles: ['HUB_CLINICIAN', 'HUB_PRESCRIBER'] },
  manager: { sub: 'hub.manager', org: 'Y99000', roles: ['HUB_MANAGER'] },
};
const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  // `pnpm bench:reads -- --read=x` hands the `--` on: dropped, so both spellings work.
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const { values } = parseArgs({ args, options: { read: { type: 'string' } } });
  const names = values.read ? values.read.split(',').map((s) => s.trim()) : Object.keys(READS);
  const unknown = names.filter((n) => !READS[n]);
  if (unknown.length) throw new Error(`unknown --read ${unknown.join(', ')}; known: ${Object.keys(READS).join(', ')}`);
  const loads = { start: loadAverage() };
  const seedStart = performance.now();
  let context;
  let seeded;
  const db = await preparePostgres('pcnhub_bench_reads', async (client, api) => {
    seeded = await seedReads(client, api, SIZES);
    context = await readContext(client);
  });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  log(`seeded ${seeded.prescriptions} prescriptions (${seeded.items} items) and more in ${seedSeconds.toFixed(0)} s`);
  let loader = null;
  const onSignal = (signal) => db.drop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    // A saved consultation for the consultation read, then each read's SQL statements per request.
    const api = await startServer('./serve-api.mjs', { databaseUrl: db.url, principals: PRINCIPALS });
    const statements = {};
    try {
      const token = api.info.tokens.clinician;
      const record = await api.ask({ body: READS.save.body(context), token });
      context.consultationGlobalId = record.data.recordConsultation.consultation.id;
      await api.ask({ body: READS.save.then.body.replace('__VALUE__', context.consultationGlobalId), token });
      context.consultationId = Buffer.from(context.consultationGlobalId, 'base64url').toString().split(':')[1];
      for (const name of names) {
        const read = READS[name];
        // A save repeated on the same consultation would save nothing: one run for the write.
        const runs = read.then ? 1 : 3;
        const ask = (body) => api.ask({ type: 'statements', body, runs, token: api.info.tokens[read.principal] });
        const first = await ask(read.body(context));
        read.check(first.data);
        let count = first.count;
        if (read.then) {
          const id = first.data.recordConsultation.consultation.id;
          count += (await ask(read.then.body.replace('__VALUE__', id))).count;
        }
        statements[name] = count;
      }
    } finally {
      await api.stop();
    }

    loader = await startLoader();
    const json = { 'content-type': 'application/json' };
    const arms = names.flatMap((name) => {
      const read = READS[name];
      return [
        {
          name: `${name}: API`,
          perRequest: read.then ? 2 : 1,
          start: async () => {
            const server = await startServer('./serve-api.mjs', { databaseUrl: db.url, principals: PRINCIPALS });
            const headers = { ...json, authorization: `Bearer ${server.info.tokens[read.principal]}` };
            return { server, url: server.url, headers, body: read.body(context), then: read.then };
          },
        },
        {
          name: `${name}: floor`,
          start: async () => {
            const server = await startServer('./serve-floor.mjs', { databaseUrl: db.url, floor: name, context });
            if (server.info.rows !== read.floorRows) throw new Error(`${name} floor returned ${server.info.rows} rows`);
            read.floorCheck?.(server.info.first);
            return { server, url: server.url, headers: json, body: '{}' };
          },
        },
      ];
    });
    log(`PostgreSQL: ${placement}`);
    const results = await runRounds({
      arms,
      loader,
      rounds: ROUNDS,
      warmup: WARMUP,
      warmupRequests: WARMUP_REQUESTS,
      duration: DURATION,
      connections: CONNECTIONS,
      log,
    });
    await report({ names, results, statements, seedSeconds, loads });
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    loader?.stop();
    await db.drop();
  }
}

async function report({ names, results, statements, seedSeconds, loads }) {
  const m = Object.fromEntries(Object.entries(results).map(([name, runs]) => [name, medianOf(runs)]));
  const table = resultsTable(
    names.flatMap((name) => [
      [`${READS[name].label}: API`, m[`${name}: API`]],
      [`${READS[name].label}: floor`, m[`${name}: floor`]],
    ]),
    names.map((name) => [`${READS[name].label}: API / floor`, m[`${name}: API`], m[`${name}: floor`]]),
    'ops/s',
  );
  const sqlTable = markdownTable(
    ['operation', 'API SQL statements per operation', 'floor'],
    names.map((name) => [READS[name].label, statements[name], 1]),
  );
  const cpu = cpus();
  const env =
    `Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}) shared with other work, ` +
    `PostgreSQL ${(await postgresVersion()) ?? '?'} on the same machine (not pinned); ${placement}; demo PCN plus ` +
    `${SIZES.patients.toLocaleString('en-GB')} patients, ${SIZES.items.toLocaleString('en-GB')} prescription items, ` +
    `${SIZES.auditEvents.toLocaleString('en-GB')} audit events (seeded in ${seedSeconds.toFixed(0)} s); ${ROUNDS} ` +
    `interleaved rounds of ${DURATION} s after a warm-up of ${WARMUP} s and at least ${WARMUP_REQUESTS} requests, ` +
    `${CONNECTIONS} connections, a fresh server per ` +
    `run; medians; an operation is one request, except the save (two: record, then save); load average (1/5/15 min) ` +
    `at start ${loads.start}, at end ${loadAverage()}.`;
  process.stdout.write(`\nHot reads and a write (bench:reads)\n${env}\n\n${table}\n\n${sqlTable}\n`);
  if (process.env.BENCH_WRITE === '0') return;
  await writeFigures({
    name: 'bench:reads',
    script: 'bench/reads.mjs',
    figures: `#### ${new Date().toISOString().slice(0, 10)}, ${commitLabel()}\n\n${env}\n\n${table}\n\n${sqlTable}\n`,
    description: [
      '### Hot reads and a write (bench:reads)',
      '',
      '`pnpm bench:reads` (`bench/reads.mjs`; `-- --read=patients,save` picks some): the patients search page,',
      'the prescriptions page, one hub consultation with its entries and their write-back status, the audit',
      'events page, and a save (recordConsultation with three coded entries, then saveConsultation), each through',
      "the API against its own floor: one SQL statement for the same rows (the save's floor inserts the same",
      'consultation, entries, write-back records, outbox deliveries, events and audit rows with writable CTEs).',
      'Same harness as bench:inbox (separate processes, pinned, interleaved rounds, medians). PostgreSQL only.',
    ].join('\n'),
    under: '## Inbox page (bench:inbox)',
  });
}

await main();
