// pnpm bench:prescribing: the PCN-level prescribing summary
// `prescribingSummary(period: <a whole calendar year>, groupBy: [REGISTERED_PRACTICE, MONTH])` through the
// whole API (startApp from dist, in this process; POST /graphql as the demo PCN analyst) on PostgreSQL
// holding 1,000,000 prescription items (about 400,000 prescriptions, 12 months, the demo prescribers, the
// 7 practices' patients, 200 dm+d codes), against the floor: the same aggregate as one hand-written SQL
// statement over node-postgres (same rows, same grouping, practice ODS codes joined in). Requests are
// sequential and interleaved (API, floor, floor, API, ...) so that load from other work on the machine
// falls on both alike. Both answers are checked against what the seed wrote.
//
// Env: BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_ITEMS (default 1000000), BENCH_RUNS (measured requests per case, default 30), BENCH_WARMUP
// (default 3), BENCH_YEAR (default last year), BENCH_USER (pcn.analyst or hub.manager; default
// pcn.analyst), BENCH_WRITE=0 to leave BENCHMARKS.md alone, BENCH_SQL=1 to print both plans in full.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const requireFromApi = createRequire(fileURLToPath(new URL('../packages/api/package.json', import.meta.url)));

const SUMMARY = `query Summary($period: PrescribingPeriodInput!) {
  prescribingSummary(period: $period, groupBy: [REGISTERED_PRACTICE, MONTH]) {
    rows { registeredPracticeOds month prescriptions items } } }`;

// The floor: the same aggregate as a hand-written report would run it. Same filter as the service
// (the PCN's hubs, looked up once; issued at the hub under a cost centre, ISSUED or DISPENSED, issued
// in [from, to)), same groups and counts, practice ODS codes joined in so that the rows are the API's.
// It groups by the month as a timestamp (date_trunc) and formats only the 84 results: see the
// reading in BENCHMARKS.md for why that is cheaper than grouping by to_char's text.
const FLOOR_SQL = `select o.ods_code as practice, to_char(s.month, 'YYYY-MM') as month, s.prescriptions, s.items
  from (select p.registered_practice_id, date_trunc('month', p.issued_at at time zone 'UTC') as month,
               count(*)::int as prescriptions, sum(p.item_count)::int as items
          from prescription p
         where p.hub_id = any($1::uuid[]) and p.cost_centre_id is not null and p.state in ('ISSUED', 'DISPENSED')
           and p.issued_at >= $2 and p.issued_at < $3
         group by 1, 2) s
  join organisation o on o.id = s.registered_practice_id
 order by 1, 2`;

const USERS = {
  'pcn.analyst': { org: 'U99001', roles: ['PCN_ANALYST'] },
  'hub.manager': { org: 'Y99000', roles: ['HUB_MANAGER'] },
};

async function main() {
  const { createScratchDatabase, postgresVersion } = await import('./lib/postgres.mjs');
  const { markdownTable } = await import('./lib/stats.mjs');
  const { seedPrescribing, syntheticDmdCodes } = await import('./lib/prescribing-seed.mjs');
  const pg = requireFromApi('pg');
  const dist = new URL('../packages/api/dist/', import.meta.url);
  const schema = await import(new URL('../packages/schema/dist/index.js', import.meta.url).href);
  const { parseConfig } = await import(new URL('platform/config.js', dist).href);
  const { createOrm, migrate } = await import(new URL('platform/db/orm.js', dist).href);
  const { HUB_ENTITIES } = await import(new URL('modules.js', dist).href);
  const { createLogger } = await import(new URL('platform/logger.js', dist).href);
  const { seedDemo } = await import(new URL('seed/demo.js', dist).href);
  const { startApp } = await import(new URL('app.js', dist).href);
  const { controlledDrugSchedule } = await import(new URL('modules/prescribing/controlled-drugs.codes.js', dist).href);
  const { PRESCRIPTION_TYPE_OF } = await import(new URL('modules/prescribing/prescribing.codes.js', dist).href);

  const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
  const RUNS = Number(process.env.BENCH_RUNS ?? 30);
  const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
  const YEAR = Number(process.env.BENCH_YEAR ?? new Date().getUTCFullYear() - 1);
  const USER = process.env.BENCH_USER ?? 'pcn.analyst';
  if (!USERS[USER]) throw new Error(`BENCH_USER must be one of ${Object.keys(USERS).join(', ')}`);
  const from = new Date(Date.UTC(YEAR, 0, 1));
  const to = new Date(Date.UTC(YEAR + 1, 0, 1));
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ');
  const loadAtStart = load();

  const db = await createScratchDatabase('pcnhub_bench_prescribing');
  let app = null;
  let floor = null;
  let cleaning = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await floor?.end().catch(() => {});
      await app?.stop().catch(() => {});
      await db.drop();
    })());
  const onSignal = (signal) => cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    // 1. Schema and demo PCN through the API's own code, then the prescriptions straight into the tables.
    const seedStart = performance.now();
    const orm = await createOrm({ kind: 'postgresql', url: db.url, poolMax: 2 }, createLogger('silent'), HUB_ENTITIES);
    try {
      await migrate(orm);
      await seedDemo(orm.em.fork());
    } finally {
      await orm.close(true);
    }
    const dmdCodes = syntheticDmdCodes(200, { ...schema, controlledDrugSchedule });
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    let seeded;
    try {
      seeded = await seedPrescribing(admin, {
        itemTarget: ITEMS,
        from,
        to,
        dmdCodes,
        prescriptionTypeOf: PRESCRIPTION_TYPE_OF,
        buildShortFormPrescriptionId: schema.buildShortFormPrescriptionId,
      });
    } finally {
      await admin.end();
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const counted = [...seeded.expected.values()].reduce((s, [n]) => s + n, 0);
    process.stderr.write(
      `seeded ${seeded.prescriptions} prescriptions, ${seeded.items} items (${counted} counted) in ${seedSeconds.toFixed(1)} s\n`,
    );

    // 2. The API, as deployed but quiet.
    app = await startApp(
      parseConfig({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: db.url,
        DATABASE_POOL_MAX: '10',
        SEED_ON_START: 'false',
        LOG_LEVEL: 'silent',
        WRITE_BACK_WORKER: 'false',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        // One principal drives the load: throttling and the per-principal socket cap would measure themselves.
        RATE_LIMIT_REQUESTS: '0',
        WS_MAX_SOCKETS_PER_PRINCIPAL: '1000000',
      }),
    );
    const token = await app.tokens.sign({ sub: USER, ...USERS[USER] }, 3600);
    const body = JSON.stringify({ query: SUMMARY, variables: { period: { from, to } } });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const viaApi = async () => {
      const res = await fetch(app.url, { method: 'POST', headers, body });
      const json = await res.json();
      if (res.status !== 200 || json.errors)
        throw new Error(`prescribingSummary answered ${res.status}: ${JSON.stringify(json.errors)}`);
      return json.data.prescribingSummary.rows.map((r) => [r.registeredPracticeOds, r.month, r.prescriptions, r.items]);
    };

    floor = new pg.Client({ connectionString: db.url });
    await floor.connect();
    const hubIds = (
      await floor.query(
        "select h.id from organisation h join organisation pcn on pcn.id = h.pcn_id where h.kind = 'HUB' and pcn.ods_code = 'U99001'",
      )
    ).rows.map((r) => r.id);
    const odsOf = new Map(
      (await floor.query("select id, ods_code from organisation where kind = 'PRACTICE'")).rows.map((r) => [
        r.id,
        r.ods_code,
      ]),
    );
    const viaFloor = async () =>
      (await floor.query(FLOOR_SQL, [hubIds, from, to])).rows.map((r) => [
        r.practice,
        r.month,
        r.prescriptions,
        r.items,
      ]);

    // 3. The statements one API request runs (ORM logger hook); the aggregate among them is also
    // timed on its own over node-postgres, to split the API's time into SQL and the rest.
    await viaApi(); // warms the token's organisation cache, as a running server would be
    const logger = app.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    const seen = [];
    logger.logQuery = (context) => {
      seen.push(context);
      original(context);
    };
    let apiRows;
    try {
      apiRows = await viaApi();
    } finally {
      logger.logQuery = original;
    }
    const statements = seen.map((s) => ({ sql: s.formatted ?? s.query, took: s.took }));
    const aggregate = statements.find((s) => /from prescription p/i.test(s.sql))?.sql;
    if (!aggregate) throw new Error('did not see the summary statement in the ORM log');
    const viaServiceSql = async () =>
      (await floor.query(aggregate)).rows.map((r) => [
        odsOf.get(r.registered_practice_id),
        r.month,
        r.prescriptions,
        r.items,
      ]);

    // 4. The same rows from all three, and what the seed wrote.
    const key = (rows) => JSON.stringify(rows.map((r) => r.join('|')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const want = key([...seeded.expected].map(([k, [n, i]]) => [...k.split('|'), n, i]));
    const floorRows = await viaFloor();
    if (key(apiRows) !== want) throw new Error('the API summary does not match the seeded prescriptions');
    if (key(floorRows) !== want) throw new Error('the floor SQL does not match the seeded prescriptions');
    if (key(await viaServiceSql()) !== want) throw new Error("the service's statement does not match the seed");

    // 5. Warm-up, then RUNS of each, interleaved (the order rotates) so that drifting load falls on all alike.
    const cases = [
      { name: 'api', run: viaApi, ms: [], cpu: 0 },
      { name: 'floor', run: viaFloor, ms: [], cpu: 0 },
      { name: 'service SQL', run: viaServiceSql, ms: [], cpu: 0 },
    ];
    for (let i = 0; i < WARMUP; i++) for (const c of cases) await c.run();
    const loadBefore = load();
    process.stderr.write(`measuring ${RUNS} requests of each, load average ${loadBefore}\n`);
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < cases.length; k++) {
        const c = cases[(i + k) % cases.length];
        const cpu = process.cpuUsage();
        const t = performance.now();
        await c.run();
        c.ms.push(performance.now() - t);
        const used = process.cpuUsage(cpu);
        c.cpu += (used.user + used.system) / 1000;
      }
    }
    const loadAfter = load();

    // 6. Plans, once, after the runs.
    const plans = await explainBoth(pg, db.url, aggregate, [FLOOR_SQL, [hubIds, from, to]]);

    // 7. Report.
    const pgVersion = await postgresVersion();
    const cpu = cpus();
    const stats = (c) => {
      const sorted = [...c.ms].sort((a, b) => a - b);
      const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
      return { p50: at(0.5), p99: at(0.99), min: sorted[0], max: sorted.at(-1), cpu: c.cpu / c.ms.length };
    };
    const [api, bare, service] = cases.map(stats);
    const f = (v) => `${v.toFixed(1)} ms`;
    const row = (label, r) => [label, RUNS, f(r.p50), f(r.p99), f(r.min), f(r.max), f(r.cpu)];
    const ratio = (label, a, b, target) => {
      const v = (x) => `${x.toFixed(2)}x${target ? ` (${x <= 2 ? 'meets' : 'misses'})` : ''}`;
      return [label, '', v(a.p50 / b.p50), v(a.p99 / b.p99), v(a.min / b.min), '', ''];
    };
    const table = markdownTable(
      ['case', 'runs', 'p50', 'p99', 'min', 'max', 'CPU of this process / request'],
      [
        row(`API: prescribingSummary (GraphQL, as ${USER})`, api),
        row('floor: hand-written SQL, 1 statement (pg)', bare),
        row("the service's own aggregate statement alone (pg)", service),
        ratio('API / floor (target: within 2x)', api, bare, true),
        ratio("API / the service's statement alone", api, service, false),
      ],
    );
    const sqlTable = markdownTable(
      ['one API request: SQL statement', 'time in the ORM'],
      statements.map((s) => [s.sql.replace(/\s+/g, ' ').slice(0, 110).replaceAll('|', '\\|'), `${s.took ?? '?'} ms`]),
    );
    const planText =
      `Plans (EXPLAIN ANALYZE, once, after the runs): the service's aggregate ${plans.service.summary}; ` +
      `the floor ${plans.floor.summary}.`;
    const env =
      `Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}) shared with other work, ` +
      `PostgreSQL ${pgVersion ?? '?'} on the same machine; ${seeded.items.toLocaleString('en-GB')} items in ` +
      `${seeded.prescriptions.toLocaleString('en-GB')} prescriptions (${counted.toLocaleString('en-GB')} counted: ` +
      `hub-issued, ISSUED or DISPENSED; ${apiRows.length} rows), seeded in ${seedSeconds.toFixed(0)} s; period ` +
      `${YEAR}-01-01 to ${YEAR + 1}-01-01; ${WARMUP} warm-ups then ${RUNS} sequential requests of each, ` +
      `interleaved; load average (1/5/15 min) at start ${loadAtStart}, before the runs ${loadBefore}, after ${loadAfter}.`;
    process.stdout.write(
      `\nPrescribing summary (bench:prescribing)\n${env}\n\n${table}\n\n${sqlTable}\n\n${planText}\n`,
    );
    if (process.env.BENCH_SQL === '1') {
      process.stderr.write(`\n-- service aggregate\n${aggregate}\n${plans.service.text}\n`);
      process.stderr.write(`\n-- floor\n${FLOOR_SQL}\n${plans.floor.text}\n`);
    }
    if (process.env.BENCH_WRITE !== '0') await writeSection([env, table, sqlTable, planText]);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of both statements: the full text and a one-line shape. */
async function explainBoth(pg, url, serviceSql, [floorSql, floorParams]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async (text, params) => {
    if (!text) return { text: '(statement not seen)', summary: '(not seen)' };
    const { rows } = await client.query(`explain (analyze, buffers) ${text}`, params);
    const lines = rows.map((r) => r['QUERY PLAN']);
    const nodes = [lines[0], ...lines.filter((l) => /^\s*->/.test(l))].map((l) =>
      l.replace(/^\s*->\s*/, '').replace(/\s*\(cost=.*$/, ''),
    );
    const exec = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
    return { text: lines.join('\n'), summary: `took ${exec} (${nodes.join(' <- ')})` };
  };
  try {
    return { service: await one(serviceSql), floor: await one(floorSql, floorParams) };
  } finally {
    await client.end();
  }
}

/**
 * Writes the figures into this benchmark's own section of BENCHMARKS.md, between markers, so that a
 * rerun refreshes them and leaves hand-written reading below them (and every other section) alone.
 */
async function writeSection(parts) {
  const file = new URL('../BENCHMARKS.md', import.meta.url);
  const heading = '## Prescribing summary (bench:prescribing)';
  const BEGIN = '<!-- bench:prescribing figures (written by bench/prescribing.mjs) -->';
  const END = '<!-- /bench:prescribing figures -->';
  let commit = 'unknown commit';
  try {
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8', stdio: 'pipe' });
    commit = `commit ${head.trim()} plus uncommitted work`;
  } catch {
    // not a git checkout
  }
  const figures = [
    BEGIN,
    '',
    `### ${new Date().toISOString().slice(0, 10)}, ${commit}`,
    '',
    ...parts.flatMap((p) => [p, '']),
    END,
  ].join('\n');
  const description = [
    heading,
    '',
    '`pnpm bench:prescribing` (`bench/prescribing.mjs`): POST /graphql',
    '`prescribingSummary(period: <last calendar year>, groupBy: [REGISTERED_PRACTICE, MONTH])` with',
    '`rows { registeredPracticeOds month prescriptions items }`, as the demo PCN analyst, on a scratch PostgreSQL',
    'database (migrations + demo seed, then 1,000,000 prescription items in about 400,000 prescriptions seeded by SQL',
    'over the 12 months: 85% acute at the hub (dispensed, issued, cancelled, raised), 15% repeats (issued by the',
    "practice, pending, rejected, cancelled), the demo prescribers, the 7 practices' patients, 200 synthetic dm+d",
    'codes with valid check digits, 80% with a hub service; then ANALYZE). The API runs from dist in the',
    "script's process (NODE_ENV=production, write-back worker off). Three cases, sequential and interleaved (the",
    'order rotates), every answer checked against the seed: the API; the floor, the same aggregate as one',
    'hand-written SQL statement over node-postgres (same rows and groups, practice ODS codes joined in, the month',
    "grouped as `date_trunc('month', issued_at at time zone 'UTC')` and formatted after grouping); and the",
    "service's own aggregate statement (as the ORM sent it) alone over node-postgres, which splits the API's time",
    'into its SQL and the rest. With 30 runs p99 is the slowest run. "CPU of this process" covers the API server',
    "and its HTTP client for the API case, the pg client otherwise (PostgreSQL's own CPU is in none).",
    '`BENCH_RUNS`, `BENCH_WARMUP`, `BENCH_ITEMS`, `BENCH_USER` change the run; `BENCH_SQL=1` prints the plans.',
    'Target (issue 6): within 2x the floor.',
    '',
    figures,
    '',
  ].join('\n');
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    text = '# Benchmarks\n';
  }
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin >= 0 && end > begin) {
    text = `${text.slice(0, begin)}${figures}${text.slice(end + END.length)}`;
  } else if (text.includes(heading)) {
    const start = text.indexOf(heading);
    const next = text.indexOf('\n## ', start + heading.length);
    text = `${text.slice(0, start)}${description}${next < 0 ? '' : text.slice(next)}`;
  } else {
    text = `${text.replace(/\n*$/, '\n\n')}${description}`;
  }
  await writeFile(file, text);
}

await main();
