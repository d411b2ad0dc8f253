// pnpm bench:reports: the online consultation report
// `onlineConsultationReport(period: <a whole calendar year>, groupBy: [PRACTICE, MONTH])` through the whole
// API (startApp from dist, in this process; POST /graphql as the demo PCN analyst) on PostgreSQL holding a
// year of a PCN at ten times the pilot's volume (540,000 online consultations across the 7 demo practices,
// with their triage history: about 2.2 million transitions), against the floor: the same figures as one
// hand-written SQL statement over node-postgres. Requests are sequential and interleaved (API, floor,
// service SQL, then rotated) so that load from other work on the machine falls on all alike. The API's
// rows are checked against the floor's and against the seeded volume.
//
// Env: BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_CONSULTATIONS (default 540000), BENCH_RUNS (measured requests per case, default 20), BENCH_WARMUP
// (default 2), BENCH_YEAR (default last year), BENCH_WRITE=0 to leave BENCHMARKS.md alone, BENCH_SQL=1 to
// print both plans in full.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const requireFromApi = createRequire(fileURLToPath(new URL('../packages/api/package.json', import.meta.url)));

const REPORT = `query Report($period: ReportPeriodInput!) {
  onlineConsultationReport(period: $period, groupBy: [PRACTICE, MONTH]) {
    rows { practiceOds month consultations handledAtHub triaged medianMinutesToFirstTriage p90MinutesToFirstTriage
      responseDue answeredInTime outcomes { completed cancelled open }
      signposting { hubServiceQueue adminQueue urgentEscalation signpostedExternal closedRemotely passedBackToPractice } } } }`;

// The floor: the figures as a hand-written report would compute them, in one statement: the first
// triage decision and first answer per consultation from the history, then one GROUP BY over the
// PCN's practices' consultations with ODS codes joined in. $1 the PCN id, $2/$3 the period, $4 as of.
const FLOOR_SQL = `with t as (
  select consultation_id,
         min(at) filter (where action in ('SIGNPOST', 'PASS_BACK')) as triaged_at,
         min(at) filter (where to_state in ('SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY', 'COMPLETED')) as answered_at,
         bool_or(action = 'PASS_BACK') as passed_back
    from consultation_transition
   where action in ('SIGNPOST', 'PASS_BACK') or to_state in ('SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY', 'COMPLETED')
   group by consultation_id
)
select o.ods_code as practice, to_char(date_trunc('month', c.submitted_at at time zone 'Europe/London'), 'YYYY-MM') as month,
       count(*)::int as consultations,
       (count(*) filter (where h.kind = 'HUB'))::int as handled_at_hub,
       count(t.triaged_at)::int as triaged,
       percentile_cont(0.5) within group (order by extract(epoch from (t.triaged_at - c.submitted_at))::float8 / 60) as median,
       percentile_cont(0.9) within group (order by extract(epoch from (t.triaged_at - c.submitted_at))::float8 / 60) as p90,
       (count(*) filter (where c.response_expected_by is not null and (t.answered_at is not null or c.response_expected_by <= $4)))::int as due,
       (count(*) filter (where t.answered_at <= c.response_expected_by))::int as in_time,
       (count(*) filter (where c.state = 'COMPLETED'))::int as completed,
       (count(*) filter (where c.state = 'CANCELLED'))::int as cancelled,
       (count(*) filter (where c.state not in ('COMPLETED', 'CANCELLED')))::int as open,
       (count(*) filter (where c.signpost->>'destination' = 'HUB_SERVICE_QUEUE'))::int as hub_service_queue,
       (count(*) filter (where c.signpost->>'destination' = 'ADMIN_QUEUE'))::int as admin_queue,
       (count(*) filter (where c.signpost->>'destination' = 'URGENT_ESCALATION'))::int as urgent_escalation,
       (count(*) filter (where c.signpost->>'destination' = 'SIGNPOSTED_EXTERNAL'))::int as signposted_external,
       (count(*) filter (where c.signpost->>'destination' = 'CLOSED_REMOTELY'))::int as closed_remotely,
       (count(*) filter (where t.passed_back))::int as passed_back
  from online_consultation c
  join organisation o on o.id = c.originating_practice_id and o.kind = 'PRACTICE' and o.pcn_id = $1
  join organisation h on h.id = c.owner_id
  left join t on t.consultation_id = c.id
 where c.submitted_at >= $2 and c.submitted_at < $3
 group by o.ods_code, date_trunc('month', c.submitted_at at time zone 'Europe/London')
 order by 1, 2`;

const round = (v) => (v === null || v === undefined ? null : Number(Number(v).toFixed(6)));
const fromApi = (r) => [
  r.practiceOds,
  r.month,
  r.consultations,
  r.handledAtHub,
  r.triaged,
  round(r.medianMinutesToFirstTriage),
  round(r.p90MinutesToFirstTriage),
  r.responseDue,
  r.answeredInTime,
  r.outcomes.completed,
  r.outcomes.cancelled,
  r.outcomes.open,
  r.signposting.hubServiceQueue,
  r.signposting.adminQueue,
  r.signposting.urgentEscalation,
  r.signposting.signpostedExternal,
  r.signposting.closedRemotely,
  r.signposting.passedBackToPractice,
];
const fromFloor = (r) => [
  r.practice,
  r.month,
  r.consultations,
  r.handled_at_hub,
  r.triaged,
  round(r.median),
  round(r.p90),
  r.due,
  r.in_time,
  r.completed,
  r.cancelled,
  r.open,
  r.hub_service_queue,
  r.admin_queue,
  r.urgent_escalation,
  r.signposted_external,
  r.closed_remotely,
  r.passed_back,
];

async function main() {
  const { createScratchDatabase, postgresVersion } = await import('./lib/postgres.mjs');
  const { markdownTable } = await import('./lib/stats.mjs');
  const { seedOnlineConsultations } = await import('./lib/reports-seed.mjs');
  const { currentCommit, explainBoth, writeSection } = await import('./lib/reports-output.mjs');
  const pg = requireFromApi('pg');
  const dist = new URL('../packages/api/dist/', import.meta.url);
  const { parseConfig } = await import(new URL('platform/config.js', dist).href);
  const { createOrm, migrate } = await import(new URL('platform/db/orm.js', dist).href);
  const { HUB_ENTITIES } = await import(new URL('modules.js', dist).href);
  const { createLogger } = await import(new URL('platform/logger.js', dist).href);
  const { seedDemo } = await import(new URL('seed/demo.js', dist).href);
  const { startApp } = await import(new URL('app.js', dist).href);

  const COUNT = Number(process.env.BENCH_CONSULTATIONS ?? 540_000);
  const RUNS = Number(process.env.BENCH_RUNS ?? 20);
  const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
  const YEAR = Number(process.env.BENCH_YEAR ?? new Date().getUTCFullYear() - 1);
  const from = new Date(Date.UTC(YEAR, 0, 1));
  const to = new Date(Date.UTC(YEAR + 1, 0, 1));
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ');
  const uptime = () => {
    try {
      return execFileSync('uptime', { encoding: 'utf8' }).trim();
    } catch {
      return `load average ${load()}`;
    }
  };
  const uptimeAtStart = uptime();
  const commit = currentCommit();

  const db = await createScratchDatabase('pcnhub_bench_reports');
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
    // 1. Schema and demo PCN through the API's own code, then the year of consultations inside PostgreSQL.
    const seedStart = performance.now();
    const orm = await createOrm({ kind: 'postgresql', url: db.url, poolMax: 2 }, createLogger('silent'), HUB_ENTITIES);
    try {
      await migrate(orm);
      await seedDemo(orm.em.fork());
    } finally {
      await orm.close(true);
    }
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    let seeded;
    try {
      seeded = await seedOnlineConsultations(admin, { count: COUNT, from, to });
    } finally {
      await admin.end();
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    process.stderr.write(
      `seeded ${seeded.consultations} consultations, ${seeded.transitions} transitions in ${seedSeconds.toFixed(1)} s\n`,
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
        // The plugin webhook worker polls in the background: its statements are not the request's.
        PLUGIN_WEBHOOK_WORKER: 'false',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        RATE_LIMIT_REQUESTS: '0',
        WS_MAX_SOCKETS_PER_PRINCIPAL: '1000000',
      }),
    );
    const token = await app.tokens.sign({ sub: 'pcn.analyst', org: 'U99001', roles: ['PCN_ANALYST'] }, 3600);
    const body = JSON.stringify({ query: REPORT, variables: { period: { from, to } } });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const viaApi = async () => {
      const res = await fetch(app.url, { method: 'POST', headers, body });
      const json = await res.json();
      if (res.status !== 200 || json.errors)
        throw new Error(`onlineConsultationReport answered ${res.status}: ${JSON.stringify(json.errors)}`);
      return json.data.onlineConsultationReport.rows.map(fromApi);
    };

    floor = new pg.Client({ connectionString: db.url });
    await floor.connect();
    const pcnId = (await floor.query("select id from organisation where kind = 'PCN' and ods_code = 'U99001'")).rows[0]
      .id;
    const odsOf = new Map(
      (await floor.query("select id, ods_code from organisation where kind = 'PRACTICE'")).rows.map((r) => [
        r.id,
        r.ods_code,
      ]),
    );
    const viaFloor = async () => (await floor.query(FLOOR_SQL, [pcnId, from, to, new Date()])).rows.map(fromFloor);

    // 3. The statements one API request runs (ORM logger hook); the report's own statement is also
    // timed alone over node-postgres, to split the API's time into SQL and the rest.
    await viaApi();
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
    const aggregate = statements.find((s) => /percentile_cont/i.test(s.sql))?.sql;
    if (!aggregate) throw new Error('did not see the report statement in the ORM log');
    const viaServiceSql = async () =>
      (await floor.query(aggregate)).rows.map((r) =>
        fromFloor({
          ...r,
          practice: odsOf.get(r.practice_id),
          median: r.median_minutes_to_triage,
          p90: r.p90_minutes_to_triage,
          due: r.response_due,
          in_time: r.answered_in_time,
        }),
      );

    // 4. The same rows from all three, and the seeded volume.
    const key = (rows) => JSON.stringify(rows.map((r) => r.join('|')).sort());
    const floorRows = await viaFloor();
    if (key(apiRows) !== key(floorRows)) throw new Error('the API report does not match the floor');
    if (key(await viaServiceSql()) !== key(floorRows))
      throw new Error("the service's statement does not match the floor");
    const total = apiRows.reduce((s, r) => s + r[2], 0);
    if (total !== seeded.consultations)
      throw new Error(`the report counts ${total} consultations, the seed wrote ${seeded.consultations}`);
    const hubShare = apiRows.reduce((s, r) => s + r[3], 0) / total;

    // 5. Warm-up, then RUNS of each, interleaved (the order rotates).
    const cases = [
      { name: 'api', run: viaApi, ms: [], cpu: 0 },
      { name: 'floor', run: viaFloor, ms: [], cpu: 0 },
      { name: 'service SQL', run: viaServiceSql, ms: [], cpu: 0 },
    ];
    for (let i = 0; i < WARMUP; i++) for (const c of cases) await c.run();
    const uptimeBefore = uptime();
    process.stderr.write(`measuring ${RUNS} requests of each; ${uptimeBefore}\n`);
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
    const uptimeAfter = uptime();
    const plans = await explainBoth(pg, db.url, aggregate, [FLOOR_SQL, [pcnId, from, to, new Date()]]);

    // 6. Report.
    const pgVersion = await postgresVersion();
    const cpu = cpus();
    const stats = (c) => {
      const sorted = [...c.ms].sort((a, b) => a - b);
      const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
      return { p50: at(0.5), p90: at(0.9), min: sorted[0], max: sorted.at(-1), cpu: c.cpu / c.ms.length };
    };
    const [api, bare, service] = cases.map(stats);
    const f = (v) => `${v.toFixed(0)} ms`;
    const row = (label, r) => [label, RUNS, f(r.p50), f(r.p90), f(r.min), f(r.max), f(r.cpu)];
    const ratio = (label, a, b, target) => {
      const v = (x) => `${x.toFixed(2)}x${target ? ` (${x <= 2 ? 'meets' : 'misses'})` : ''}`;
      return [label, '', v(a.p50 / b.p50), v(a.p90 / b.p90), v(a.min / b.min), '', ''];
    };
    const table = markdownTable(
      ['case', 'runs', 'p50', 'p90', 'min', 'max', 'CPU of this process / request'],
      [
        row('API: onlineConsultationReport (GraphQL, as pcn.analyst)', api),
        row('floor: hand-written SQL, 1 statement (pg)', bare),
        row("the service's own statement alone (pg)", service),
        ratio('API / floor (target: within 2x)', api, bare, true),
        ratio("API / the service's statement alone", api, service, false),
      ],
    );
    const sqlTable = markdownTable(
      ['one API request: SQL statement', 'time in the ORM'],
      statements.map((s) => [s.sql.replace(/\s+/g, ' ').slice(0, 110).replaceAll('|', '\\|'), `${s.took ?? '?'} ms`]),
    );
    const planText = `Plans (EXPLAIN ANALYZE, once, after the runs): the service's statement ${plans.service.summary}; the floor ${plans.floor.summary}.`;
    const env =
      `Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}) shared with other work, ` +
      `PostgreSQL ${pgVersion ?? '?'} on the same machine; ${seeded.consultations.toLocaleString('en-GB')} online consultations ` +
      `and ${seeded.transitions.toLocaleString('en-GB')} transitions seeded in ${seedSeconds.toFixed(0)} s (hub share ` +
      `${(hubShare * 100).toFixed(1)}%; ${apiRows.length} rows); period ${YEAR}-01-01 to ${YEAR + 1}-01-01; ${WARMUP} warm-ups ` +
      `then ${RUNS} sequential requests of each, interleaved. \`uptime\` at start: ${uptimeAtStart}; before the runs: ` +
      `${uptimeBefore}; after: ${uptimeAfter}.`;
    process.stdout.write(
      `\nOnline consultation report (bench:reports)\n${env}\n\n${table}\n\n${sqlTable}\n\n${planText}\n`,
    );
    if (process.env.BENCH_SQL === '1') {
      process.stderr.write(`\n-- service statement\n${aggregate}\n${plans.service.text}\n`);
      process.stderr.write(`\n-- floor\n${FLOOR_SQL}\n${plans.floor.text}\n`);
    }
    if (process.env.BENCH_WRITE !== '0') await writeSection([env, table, sqlTable, planText], commit);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

await main();
