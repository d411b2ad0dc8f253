// pnpm bench:inbox: a page of 50 inbox items (oldest first, with patient NHS number and family name,
// originating practice and owner organisation) from 100,000 online consultations, side by side:
//
// - API: the whole pcn-hub API (startApp from packages/api/dist), POST /graphql inbox(first: 50);
// - PostGraphile: PostGraphile v5 (Amber preset) over the same database, its own HTTP server (grafserv
//   on node:http), allOnlineConsultations(first: 50, condition: { ownerId }, orderBy: [SUBMITTED_AT_ASC,
//   ROW_ID_ASC]) with its forward relations (patientByPatientId, organisationBy...Id);
// - floor: a bare node:http server running ONE SQL query for the same rows, then JSON.stringify;
//
// on PostgreSQL (all three), then on PGlite on disk, the embedded default (API and floor: PostGraphile
// has no PGlite adaptor). Each server runs in its own process pinned to CPU 0, autocannon (20
// connections) in another pinned to CPU 1 (taskset, where present); rounds interleave the arms (API,
// PostGraphile, floor) 3 times with a fresh server each time; medians of req/s, p50, p99 and the server
// process's CPU per request; ratios API/PostGraphile and API/floor. Also counts the API's SQL statements
// per request at page sizes 10, 50 and 200 (the ORM logger hook the inbox test uses).
//
// Env: BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres; a scratch
// database is created and dropped), BENCH_DURATION (seconds per measured run, default 10), BENCH_ROUNDS
// (default 3), BENCH_CONNECTIONS (default 20), BENCH_CONSULTATIONS (default 100000), BENCH_PGLITE=0 to
// skip the PGlite arms, BENCH_WRITE=0 to leave BENCHMARKS.md alone, BENCH_SQL=1 to print each
// statement of one API page of 50 with its EXPLAIN ANALYZE (diagnostics).
import { cpus } from 'node:os';
import { loadAverage, medianOf, placement, resultsTable, runRounds, startLoader, startServer } from './lib/arms.mjs';
import { seedConsultations } from './lib/inbox-seed.mjs';
import { postgresVersion } from './lib/postgres.mjs';
import { commitLabel, writeFigures } from './lib/report.mjs';
import { explain, preparePglite, preparePostgres } from './lib/scratch.mjs';
import { markdownTable } from './lib/stats.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const COUNT = Number(process.env.BENCH_CONSULTATIONS ?? 100_000);
const PGLITE = process.env.BENCH_PGLITE !== '0';
const WARMUP = 3;
const HUB = 'Y99000';
const CLINICIAN = { sub: 'hub.anp1', org: HUB, roles: ['HUB_CLINICIAN', 'HUB_PRESCRIBER'] };

const QUERY = `query Page($first: Int) { inbox(organisation: "${HUB}", first: $first) { edges { node {
  id state type submittedAt urgency redFlagCount
  patient { nhsNumber familyName } originatingPractice { odsCode name } ownerOrganisation { odsCode name } } } } }`;
// What the inbox test counts: every field that loads something (folder counts, history, services).
const RICH = `query Rich($first: Int) { inbox(organisation: "${HUB}", first: $first, orderBy: URGENCY) {
  folderCounts { folder count }
  edges { cursor node { id state submittedPatient { nhsNumber } lock { holder }
    patient { nhsNumber registeredPractice { odsCode } } ownerOrganisation { odsCode } originatingPractice { odsCode name }
    signpost { urgency service { name } } history { action from to actorId at } } }
  pageInfo { hasNextPage } } }`;
// The same page through PostGraphile's generated schema (the hub's table and foreign keys).
const POSTGRAPHILE = `query Page($hub: UUID!, $first: Int) {
  allOnlineConsultations(first: $first, condition: { ownerId: $hub }, orderBy: [SUBMITTED_AT_ASC, ROW_ID_ASC]) {
    edges { node { id state type submittedAt urgency redFlagCount
      patientByPatientId { nhsNumber familyName }
      organisationByOriginatingPracticeId { odsCode name } organisationByOwnerId { odsCode name } } } } }`;

const log = (line) => process.stderr.write(`${line}\n`);
const hubIdOf = async (client) =>
  (await client.query('select id from organisation where ods_code = $1', [HUB])).rows[0].id;

async function main() {
  const loads = { start: loadAverage() };
  let seedSeconds = 0;
  const seed = async (client, { uuidv7 }) => {
    const started = performance.now();
    await seedConsultations(client, COUNT, uuidv7);
    seedSeconds = (performance.now() - started) / 1000;
    log(`seeded ${COUNT} consultations in ${seedSeconds.toFixed(1)} s`);
  };
  const cleanups = [];
  const onSignal = (signal) =>
    Promise.allSettled(cleanups.map((c) => c())).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    let hubId;
    const db = await preparePostgres('pcnhub_bench_inbox', async (client, api) => {
      await seed(client, api);
      hubId = await hubIdOf(client);
    });
    cleanups.push(() => db.drop());
    let liteHubId;
    const lite = PGLITE
      ? await preparePglite(async (client, api) => {
          await seed(client, api);
          liteHubId = await hubIdOf(client);
        })
      : null;
    if (lite) cleanups.push(() => lite.drop());

    // SQL statements per request (PostgreSQL), and each arm's answer checked once.
    const api = await startServer('./serve-api.mjs', { databaseUrl: db.url, principals: { clinician: CLINICIAN } });
    const token = api.info.tokens.clinician;
    const statementsAt = { bench: {}, rich: {} };
    try {
      await api.ask({ body: JSON.stringify({ query: QUERY, variables: { first: 10 } }), token }); // warms caches
      for (const [name, query] of Object.entries({ bench: QUERY, rich: RICH })) {
        for (const first of [10, 50, 200]) {
          const body = JSON.stringify({ query, variables: { first } });
          const { count, sql, data } = await api.ask({ type: 'statements', body, token });
          if (data.inbox.edges.length !== first) throw new Error(`inbox(first: ${first}): ${data.inbox.edges.length}`);
          statementsAt[name][first] = count;
          if (process.env.BENCH_SQL === '1' && name === 'bench' && first === 50) await explain(db.url, sql);
        }
      }
    } finally {
      await api.stop();
    }

    const loader = await startLoader();
    cleanups.push(() => loader.stop());
    const json = { 'content-type': 'application/json' };
    const apiArm = (database) => ({
      name: 'API',
      start: async () => {
        const server = await startServer('./serve-api.mjs', { ...database, principals: { clinician: CLINICIAN } });
        const headers = { ...json, authorization: `Bearer ${server.info.tokens.clinician}` };
        return { server, url: server.url, headers, body: JSON.stringify({ query: QUERY, variables: { first: 50 } }) };
      },
    });
    const floorArm = (database, context) => ({
      name: 'floor',
      start: async () => {
        const server = await startServer('./serve-floor.mjs', { ...database, floor: 'inbox', context });
        if (server.info.rows !== 50) throw new Error(`the floor returned ${server.info.rows} rows`);
        return { server, url: server.url, headers: json, body: '{}' };
      },
    });
    const postgraphileArm = {
      name: 'PostGraphile',
      start: async () => {
        const server = await startServer('./serve-postgraphile.mjs', { databaseUrl: db.url });
        const body = JSON.stringify({ query: POSTGRAPHILE, variables: { hub: hubId, first: 50 } });
        const answer = await (await fetch(server.url, { method: 'POST', headers: json, body })).json();
        const edges = answer.data?.allOnlineConsultations.edges ?? [];
        if (edges.length !== 50 || !edges[0].node.organisationByOwnerId)
          throw new Error(`PostGraphile answered ${JSON.stringify(answer).slice(0, 500)}`);
        return { server, url: server.url, headers: json, body };
      },
    };
    const rounds = { loader, rounds: ROUNDS, warmup: WARMUP, duration: DURATION, connections: CONNECTIONS, log };
    log(`PostgreSQL: ${placement}`);
    const onPostgres = await runRounds({
      ...rounds,
      arms: [apiArm({ databaseUrl: db.url }), postgraphileArm, floorArm({ databaseUrl: db.url }, { hubId })],
    });
    let onPglite = null;
    if (lite) {
      log('PGlite (on disk): API and floor; PostGraphile supports PostgreSQL only');
      const database = { dataDir: lite.dataDir };
      onPglite = await runRounds({ ...rounds, arms: [apiArm(database), floorArm(database, { hubId: liteHubId })] });
    }
    await report({ onPostgres, onPglite, statementsAt, seedSeconds, loads });
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

async function report({ onPostgres, onPglite, statementsAt, seedSeconds, loads }) {
  const m = Object.fromEntries(Object.entries(onPostgres).map(([name, runs]) => [name, medianOf(runs)]));
  const l = onPglite && Object.fromEntries(Object.entries(onPglite).map(([name, runs]) => [name, medianOf(runs)]));
  const table = resultsTable(
    [
      [`PostgreSQL, API: inbox page of 50 (GraphQL)`, m.API],
      ['PostgreSQL, PostGraphile 5 (Amber preset, grafserv on node:http)', m.PostGraphile],
      ['PostgreSQL, floor: 1 SQL query + JSON.stringify (node:http, pg pool 20)', m.floor],
      ['PGlite on disk, API', l?.API],
      ['PGlite on disk, floor (same query, one PGlite connection)', l?.floor],
    ],
    [
      ['PostgreSQL, API / PostGraphile', m.API, m.PostGraphile],
      ['PostgreSQL, API / floor', m.API, m.floor],
      ['PostgreSQL, PostGraphile / floor', m.PostGraphile, m.floor],
      ['PGlite, API / floor', l?.API, l?.floor],
    ],
  );
  const sqlTable = markdownTable(
    ['API page size', '10 items', '50 items', '200 items'],
    [
      ['SQL statements per request: the benchmark query', ...[10, 50, 200].map((n) => statementsAt.bench[n])],
      [
        "... with folderCounts, history, signpost service (the test's query)",
        ...[10, 50, 200].map((n) => statementsAt.rich[n]),
      ],
    ],
  );
  const cpu = cpus();
  const env =
    `Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}) shared with other work, ` +
    `PostgreSQL ${(await postgresVersion()) ?? '?'} on the same machine (not pinned); ${placement}; ` +
    `${COUNT.toLocaleString('en-GB')} consultations (seeded in ${seedSeconds.toFixed(0)} s); ${ROUNDS} interleaved ` +
    `rounds of ${DURATION} s after a ${WARMUP} s warm-up, ${CONNECTIONS} connections, a fresh server per run; ` +
    `medians; load average (1/5/15 min) at start ${loads.start}, at end ${loadAverage()}.` +
    (onPglite ? ' PostGraphile has no PGlite arm: it supports PostgreSQL only.' : '');
  process.stdout.write(`\nInbox page (bench:inbox)\n${env}\n\n${table}\n\n${sqlTable}\n`);
  if (process.env.BENCH_WRITE === '0') return;
  await writeFigures({
    name: 'bench:inbox',
    script: 'bench/inbox.mjs',
    figures: `### ${new Date().toISOString().slice(0, 10)}, ${commitLabel()}\n\n${env}\n\n${table}\n\n${sqlTable}\n`,
    description: '## Inbox page (bench:inbox)',
    under: '## Inbox page (bench:inbox)',
  });
}

await main();
