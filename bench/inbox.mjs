// pnpm bench:inbox: a page of 50 inbox items (with patient, originating practice and owner) from
// the hub inbox on PostgreSQL holding 100,000 online consultations, through the whole API
// (startApp from dist, in this process), against the floor: a bare node:http server in this process
// running ONE SQL query (same rows, joined to patient and organisation) and JSON.stringify. The
// load generator (autocannon) runs in a child process so it does not share the servers' event loop.
// Also counts SQL statements per request at page sizes 10, 50 and 200.
//
// Env: BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_DURATION (seconds per measured run, default 20), BENCH_CONNECTIONS (default 20),
// BENCH_CONSULTATIONS (default 100000), BENCH_WRITE=0 to leave BENCHMARKS.md alone, BENCH_SQL=1 to
// print each statement of one page of 50 with its EXPLAIN ANALYZE (diagnostics).
import 'reflect-metadata';
import { execFileSync, fork } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const requireFromApi = createRequire(fileURLToPath(new URL('../packages/api/package.json', import.meta.url)));

async function main() {
  const { createScratchDatabase, postgresVersion } = await import('./lib/postgres.mjs');
  const { markdownTable } = await import('./lib/stats.mjs');
  const pg = requireFromApi('pg');
  const dist = new URL('../packages/api/dist/', import.meta.url);
  const { parseConfig } = await import(new URL('platform/config.js', dist).href);
  const { createOrm, migrate } = await import(new URL('platform/db/orm.js', dist).href);
  const { createLogger } = await import(new URL('platform/logger.js', dist).href);
  const { seedDemo } = await import(new URL('seed/demo.js', dist).href);
  const { startApp } = await import(new URL('app.js', dist).href);
  const { uuidv7 } = await import(new URL('platform/ids.js', dist).href);

  const DURATION = Number(process.env.BENCH_DURATION ?? 20);
  const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const COUNT = Number(process.env.BENCH_CONSULTATIONS ?? 100_000);
  const WARMUP = 3;
  const HUB = 'Y99000';
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
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ');
  const loads = { start: load() };

  const db = await createScratchDatabase('pcnhub_bench_inbox');
  let app = null;
  let floor = null;
  let loader = null;
  let cleaning = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      loader?.kill();
      await new Promise((resolve) => (floor ? floor.server.close(resolve) : resolve()));
      await floor?.pool.end();
      await app?.stop();
      await db.drop();
    })());
  const onSignal = (signal) => cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    // 1. Schema, demo PCN, then the consultations straight into the tables.
    const seedStart = performance.now();
    const orm = await createOrm({ kind: 'postgresql', url: db.url, poolMax: 2 }, createLogger('silent'));
    try {
      await migrate(orm);
      await seedDemo(orm.em.fork());
    } finally {
      await orm.close(true);
    }
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      await seedConsultations(admin, COUNT, uuidv7);
    } finally {
      await admin.end();
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    process.stderr.write(`seeded ${COUNT} consultations in ${seedSeconds.toFixed(1)} s\n`);

    // 2. The API, as deployed but quiet; pool as large as the floor's so the comparison is fair.
    app = await startApp(
      parseConfig({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: db.url,
        DATABASE_POOL_MAX: '20',
        SEED_ON_START: 'false',
        LOG_LEVEL: 'silent',
        WRITE_BACK_WORKER: 'false',
        PLUGIN_WEBHOOK_WORKER: 'false',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        // One principal drives the load: throttling and the per-principal socket cap would measure themselves.
        RATE_LIMIT_REQUESTS: '0',
        WS_MAX_SOCKETS_PER_PRINCIPAL: '1000000',
      }),
    );
    const token = await app.tokens.sign(
      { sub: 'hub.anp1', org: HUB, roles: ['HUB_CLINICIAN', 'HUB_PRESCRIBER'] },
      3600,
    );
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const post = async (first, query = QUERY) => {
      const res = await fetch(app.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables: { first } }),
      });
      const json = await res.json();
      if (res.status !== 200 || json.errors)
        throw new Error(`inbox(first: ${first}) answered ${res.status}: ${JSON.stringify(json.errors)}`);
      if (json.data.inbox.edges.length !== first)
        throw new Error(`inbox(first: ${first}) returned ${json.data.inbox.edges.length} items`);
      return json;
    };

    // 3. SQL statements per request, counted by the ORM logger hook the inbox test uses.
    const logger = app.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    let statements = 0;
    let seen = [];
    logger.logQuery = (context) => {
      statements += 1;
      seen.push(context);
      original(context);
    };
    const statementsAt = { bench: {}, rich: {} };
    try {
      await post(10); // warms the token's organisation cache, as a running server would be
      for (const [name, query] of [
        ['bench', QUERY],
        ['rich', RICH],
      ]) {
        for (const first of [10, 50, 200]) {
          // The fewest of three: anything else polling the database (the event pruner, the
          // subscription relay) can only add statements to one request's count.
          let fewest = Number.POSITIVE_INFINITY;
          for (let run = 0; run < 3; run++) {
            statements = 0;
            seen = [];
            await post(first, query);
            fewest = Math.min(fewest, statements);
          }
          statementsAt[name][first] = fewest;
          if (process.env.BENCH_SQL === '1' && name === 'bench' && first === 50) await explain(db.url, seen);
        }
      }
    } finally {
      logger.logQuery = original;
    }

    // 4. The floor: one query for the same 50 rows and their joins, then JSON.stringify.
    floor = await startFloor(pg, db.url);

    loader = fork(fileURLToPath(import.meta.url), ['--load'], { stdio: 'inherit' });
    await new Promise((resolve) => loader.once('message', resolve));
    const cannon = (url, hdrs, body, duration) =>
      new Promise((resolve) => {
        loader.once('message', resolve);
        loader.send({ url, headers: hdrs, body, duration, connections: CONNECTIONS });
      });
    const measure = async (name, url, hdrs, body) => {
      process.stderr.write(`${name}: warm-up ${WARMUP} s, then ${DURATION} s at ${CONNECTIONS} connections\n`);
      await cannon(url, hdrs, body, WARMUP);
      const loadBefore = load();
      // CPU of this process (the server under test; the other one idles) per request: less
      // sensitive to the machine's load than req/s.
      const cpuBefore = process.cpuUsage();
      const result = await cannon(url, hdrs, body, DURATION);
      const used = process.cpuUsage(cpuBefore);
      return { ...result, cpuMs: (used.user + used.system) / 1000 / Math.max(result.total, 1), loadBefore };
    };
    const apiBody = JSON.stringify({ query: QUERY, variables: { first: 50 } });
    const api = await measure('API', app.url, headers, apiBody);
    const bare = await measure('floor', floor.url, { 'content-type': 'application/json' }, apiBody);

    // 5. Report.
    const pgVersion = await postgresVersion();
    const cpu = cpus();
    const ratio = api.rps / bare.rps;
    const fmt = (r) => [
      Math.round(r.rps).toLocaleString('en-GB'),
      `${r.p50} ms`,
      `${r.p99} ms`,
      `${r.cpuMs.toFixed(1)} ms`,
      r.non2xx,
      `${r.errors + r.timeouts} / ${r.mismatches}`,
      r.loadBefore,
    ];
    const table = markdownTable(
      [
        'case',
        'req/s',
        'p50',
        'p99',
        'server CPU / req',
        'non-2xx',
        'errors / GraphQL errors',
        'load avg (1/5/15 min) before',
      ],
      [
        [`API: inbox page of 50 (GraphQL, ${CONNECTIONS} connections)`, ...fmt(api)],
        [`floor: 1 SQL query + JSON.stringify (node:http, pg pool 20, ${CONNECTIONS} connections)`, ...fmt(bare)],
        [
          'API / floor',
          `${ratio.toFixed(2)}x`,
          `${(api.p50 / Math.max(bare.p50, 1)).toFixed(1)}x`,
          `${(api.p99 / Math.max(bare.p99, 1)).toFixed(1)}x`,
          `${(api.cpuMs / bare.cpuMs).toFixed(1)}x`,
          '',
          '',
          '',
        ],
      ],
    );
    const sqlTable = markdownTable(
      ['page size', '10 items', '50 items', '200 items'],
      [
        ['SQL statements per request: the benchmark query', ...[10, 50, 200].map((n) => statementsAt.bench[n])],
        [
          "... with folderCounts, history, signpost service (the test's query)",
          ...[10, 50, 200].map((n) => statementsAt.rich[n]),
        ],
      ],
    );
    const env =
      `Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}) shared with other work, ` +
      `PostgreSQL ${pgVersion ?? '?'} on the same machine; ${COUNT.toLocaleString('en-GB')} consultations ` +
      `(seeded in ${seedSeconds.toFixed(0)} s); ${DURATION} s per run after a ${WARMUP} s warm-up; ` +
      `load average at start ${loads.start}, at end ${load()}.`;
    process.stdout.write(`\nInbox page (bench:inbox)\n${env}\n\n${table}\n\n${sqlTable}\n`);
    if (process.env.BENCH_WRITE !== '0') await writeSection(env, table, sqlTable);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

/** Diagnostics (BENCH_SQL=1): each statement of one request, its time in the ORM and the plan's own time. */
async function explain(url, contexts) {
  const pg = requireFromApi('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const { query: template, formatted, took } of contexts) {
      // MikroORM 7 sends the statement with its values inlined (`formatted`).
      const query = formatted ?? template;
      let plan = '';
      if (/^select/i.test(query)) {
        try {
          const { rows } = await client.query(`explain (analyze) ${query}`);
          plan = ` | ${rows.at(-1)['QUERY PLAN']}\n${rows
            .slice(0, -2)
            .map((r) => `    ${r['QUERY PLAN']}`)
            .join('\n')}`;
        } catch (error) {
          plan = ` | explain failed: ${error.message}`;
        }
      }
      process.stderr.write(`[${took} ms in the ORM${plan}]\n  ${query.slice(0, 400)}\n`);
    }
  } finally {
    await client.end();
  }
}

/** The floor server: one parameterised query per request over a pool of 20. */
async function startFloor(pg, url) {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  const {
    rows: [hub],
  } = await pool.query("select id from organisation where ods_code = 'Y99000'");
  const SQL = `select oc.id, oc.state, oc.type, oc.submitted_at, oc.urgency, oc.red_flag_count,
      p.nhs_number, p.family_name, op.ods_code as practice_ods, op.name as practice_name,
      ow.ods_code as owner_ods, ow.name as owner_name
    from online_consultation oc
    left join patient p on p.id = oc.patient_id
    join organisation op on op.id = oc.originating_practice_id
    join organisation ow on ow.id = oc.owner_id
    where oc.owner_id = $1 order by oc.submitted_at, oc.id limit 50`;
  const server = createServer((req, res) => {
    req.resume();
    pool.query(SQL, [hub.id]).then(
      ({ rows }) => {
        const body = JSON.stringify(rows);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      },
      (error) => {
        res.writeHead(500);
        res.end(String(error));
      },
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, pool, url: `http://127.0.0.1:${server.address().port}/` };
}

// ---- seed: a deterministic, realistic-looking spread (synthetic data only) ----

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const URGENCIES = ['SAME_DAY', 'WITHIN_24_HOURS', 'WITHIN_3_DAYS', 'WITHIN_5_DAYS', 'ROUTINE'];
const TEMPLATES = [
  'Sore throat',
  'Back pain',
  'Skin rash',
  'Medication query',
  'Fit note request',
  'Test results',
  'Repeat prescription',
];
const SUPPLIERS = ['ECONSULT', 'ACCURX', 'PATCHS', 'KLINIK'];
const OPEN_STATES = [
  ['AWAITING_TRIAGE', 35],
  ['IN_TRIAGE', 6],
  ['HUB_SERVICE_QUEUE', 10],
  ['ADMIN_QUEUE', 9],
  ['URGENT_ESCALATION', 2],
  ['IN_PROGRESS', 8],
  ['SIGNPOSTED_EXTERNAL', 4],
  ['CLOSED_REMOTELY', 5],
  ['COMPLETED', 18],
  ['CANCELLED', 3],
];
const LOCKED = new Set(['IN_TRIAGE', 'IN_PROGRESS', 'SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY']);
const SIGNPOSTED = new Set([
  'HUB_SERVICE_QUEUE',
  'ADMIN_QUEUE',
  'URGENT_ESCALATION',
  'IN_PROGRESS',
  'SIGNPOSTED_EXTERNAL',
  'CLOSED_REMOTELY',
  'COMPLETED',
]);
const LATEST_ACTION = {
  IN_TRIAGE: ['CLAIM', 'AWAITING_TRIAGE'],
  PASSED_TO_PRACTICE: ['PASS_BACK', 'IN_TRIAGE'],
  IN_PROGRESS: ['CLAIM', 'ADMIN_QUEUE'],
  COMPLETED: ['COMPLETE', 'CLOSED_REMOTELY'],
  CANCELLED: ['CANCEL', null],
};

/** `name:type` pairs, in the order the seed builds each row. */
const spec = (text) =>
  text
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(':'));
const COLUMNS = spec(`
  id:uuid supplier:text supplier_reference:text originating_practice_id:uuid owner_id:uuid patient_id:uuid
  nhs_number:text given_name:text family_name:text date_of_birth:date type:text template:text
  submitted_at:timestamptz response_expected_by:timestamptz answers:jsonb red_flags:jsonb red_flag_count:int
  ice:jsonb attachments:jsonb state:text urgency:text urgency_rank:smallint signpost:jsonb
  signpost_service_id:uuid routing_reason:text lock_holder:text lock_holder_org_id:uuid lock_holder_family:text
  lock_since:timestamptz lock_expires_at:timestamptz triage_notes:text outcome:text
  created_at:timestamptz updated_at:timestamptz`);
const HISTORY = spec(`
  id:uuid consultation_id:uuid action:text from_state:text to_state:text actor_id:text reason:text
  from_owner_id:uuid to_owner_id:uuid at:timestamptz`);

/** INSERT ... SELECT FROM unnest(arrays): one statement per batch whatever the column count. */
async function insertColumns(client, table, columns, rows) {
  const names = columns.map(([c]) => `"${c}"`).join(', ');
  const args = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const values = columns.map((_, i) => rows.map((r) => r[i]));
  await client.query(`insert into "${table}" (${names}) select * from unnest(${args})`, values);
}

async function seedConsultations(client, count, uuidv7) {
  const random = mulberry32(20261124);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const weighted = (pairs) => {
    let r = random() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of pairs) if ((r -= w) < 0) return value;
    return pairs[pairs.length - 1][0];
  };
  const orgs = (
    await client.query(
      "select id, ods_code, kind from organisation where kind in ('HUB', 'PRACTICE') order by ods_code",
    )
  ).rows;
  const hub = orgs.find((o) => o.kind === 'HUB');
  const practices = orgs
    .filter((o) => o.kind === 'PRACTICE')
    .map((o, i) => ({ ...o, n: i + 1, weight: [13, 10, 8, 12, 9, 11, 7][i] ?? 10 }));
  const patients = (
    await client.query(
      "select id, nhs_number, given_name, family_name, to_char(date_of_birth, 'YYYY-MM-DD') as dob, registered_practice_id from patient",
    )
  ).rows;
  const services = (await client.query('select id from hub_service where hub_id = $1', [hub.id])).rows.map((r) => r.id);
  const keeper = practices[practices.length - 1]; // this practice keeps its consultations
  await client.query(
    "insert into oc_routing_setting (id, practice_id, routing, updated_by, updated_at) values ($1, $2, 'PRACTICE_INBOX', 'hub.manager', now())",
    [uuidv7(), keeper.id],
  );
  const byPractice = new Map(practices.map((p) => [p.id, patients.filter((x) => x.registered_practice_id === p.id)]));
  const now = Date.now();
  const BATCH = 5000;
  for (let start = 0; start < count; start += BATCH) {
    const rows = [];
    const history = [];
    for (let i = start; i < Math.min(start + BATCH, count); i++) {
      const practice = weighted(practices.map((p) => [p, p.weight]));
      const patient = pick(byPractice.get(practice.id));
      const matched = random() < 0.7;
      const submitted = now - Math.floor(random() * 120 * DAY);
      const recent = now - submitted < 10 * DAY;
      const routing =
        practice === keeper
          ? 'PRACTICE_SETTING'
          : weighted([
              ['ROUTED_TO_HUB', 85],
              ['PASSED_BACK', 10],
              ['HUB_OVER_CAPACITY', 5],
            ]);
      const ownerId = routing === 'ROUTED_TO_HUB' ? hub.id : practice.id;
      const atHub = ownerId === hub.id;
      let state;
      if (!matched) state = recent && random() < 0.8 ? 'UNMATCHED' : 'CANCELLED';
      else if (!recent) state = random() < 0.92 ? 'COMPLETED' : 'CANCELLED';
      else state = weighted(OPEN_STATES);
      if (routing === 'PASSED_BACK' && ['AWAITING_TRIAGE', 'IN_TRIAGE'].includes(state)) state = 'PASSED_TO_PRACTICE';
      if (state === 'HUB_SERVICE_QUEUE' && !atHub) state = 'ADMIN_QUEUE';
      const flags = random() < 0.1 ? 1 + Math.floor(random() * 3) : 0;
      const redFlags = Array.from({ length: flags }, (_, k) => ({
        questionId: `rf${k + 1}`,
        description: pick(['Chest pain', 'Breathlessness', 'Blood in stool', 'Sudden weakness']),
      }));
      const type = random() < 0.75 ? 'CLINICAL' : 'ADMIN';
      const actor = atHub ? `hub.anp${1 + Math.floor(random() * 3)}` : `p${practice.n}.gp`;
      let urgency = null;
      let signpost = null;
      let serviceId = null;
      if (SIGNPOSTED.has(state)) {
        urgency =
          state === 'URGENT_ESCALATION' || flags
            ? pick(URGENCIES.slice(0, 2))
            : weighted([
                [URGENCIES[0], 10],
                [URGENCIES[1], 20],
                [URGENCIES[2], 25],
                [URGENCIES[3], 15],
                [URGENCIES[4], 30],
              ]);
        const destination = ['IN_PROGRESS', 'COMPLETED'].includes(state)
          ? pick(atHub ? ['HUB_SERVICE_QUEUE', 'ADMIN_QUEUE', 'CLOSED_REMOTELY'] : ['ADMIN_QUEUE', 'CLOSED_REMOTELY'])
          : state;
        serviceId = destination === 'HUB_SERVICE_QUEUE' ? pick(services) : null;
        signpost = {
          team: pick(['GP', 'ANP', 'PHARMACIST', 'CARE_COORDINATOR']),
          urgency,
          mode: pick(['TELEPHONE', 'FACE_TO_FACE', 'ONLINE_MESSAGE']),
          type,
          destination,
          serviceId,
          comment: null,
          by: actor,
          at: new Date(submitted + 3_600_000).toISOString(),
        };
      }
      const locked = LOCKED.has(state);
      const lockSince = locked ? (recent ? now - Math.floor(random() * 40 * 60_000) : submitted + 7_200_000) : null;
      const outcome =
        state === 'COMPLETED' ? pick(['Advice given', 'Prescription issued', 'Appointment booked']) : null;
      const id = uuidv7();
      const dob = matched ? patient.dob : '1901-01-01';
      const at = new Date(submitted);
      rows.push([
        id,
        SUPPLIERS[i % SUPPLIERS.length],
        `BENCH-${i}`,
        practice.id,
        ownerId,
        matched ? patient.id : null,
        patient.nhs_number,
        patient.given_name,
        patient.family_name,
        dob,
        type,
        pick(TEMPLATES),
        at,
        new Date(submitted + 2 * DAY),
        JSON.stringify([
          { questionId: 'q1', question: 'What would you like help with?', answer: 'Symptoms for a few days' },
          { questionId: 'q2', question: 'How long has this been going on?', answer: pick(['Days', 'Weeks', 'Months']) },
          { questionId: 'q3', question: 'Have you tried anything?', answer: 'Paracetamol' },
        ]),
        JSON.stringify(redFlags),
        flags,
        random() < 0.6
          ? JSON.stringify({ ideas: 'Maybe an infection', concerns: 'Getting worse', expectations: 'Advice' })
          : null,
        JSON.stringify(
          random() < 0.1 ? [{ fileName: 'photo.jpg', contentType: 'image/jpeg', sizeBytes: 200_000 }] : [],
        ),
        state,
        urgency,
        urgency ? URGENCIES.indexOf(urgency) : URGENCIES.length,
        signpost && JSON.stringify(signpost),
        serviceId,
        routing,
        locked ? actor : null,
        locked ? ownerId : null,
        locked ? 'CLINICIAN' : null,
        lockSince && new Date(lockSince),
        lockSince && new Date(lockSince + 30 * 60_000),
        state === 'PASSED_TO_PRACTICE' ? 'Needs a face-to-face review at the practice' : null,
        outcome,
        at,
        new Date(Math.max(submitted, lockSince ?? submitted)),
      ]);
      const arrived = matched ? 'AWAITING_TRIAGE' : 'UNMATCHED';
      const arrivalOwner = routing === 'PASSED_BACK' ? hub.id : ownerId;
      history.push([uuidv7(), id, 'ARRIVE', 'RECEIVED', arrived, 'oc.supplier', null, null, arrivalOwner, at]);
      if (state !== arrived) {
        const [action, from] = LATEST_ACTION[state] ?? ['SIGNPOST', 'IN_TRIAGE'];
        const reason = state === 'CANCELLED' ? 'Duplicate request' : outcome;
        history.push([
          uuidv7(),
          id,
          action,
          from ?? arrived,
          state,
          actor,
          reason,
          arrivalOwner,
          ownerId,
          new Date(submitted + 3_600_000),
        ]);
      }
    }
    await insertColumns(client, 'online_consultation', COLUMNS, rows);
    await insertColumns(client, 'consultation_transition', HISTORY, history);
  }
  await client.query('analyze online_consultation; analyze consultation_transition');
}

/**
 * Writes the figures into this benchmark's own section of BENCHMARKS.md, between markers, so that a
 * rerun refreshes them and leaves hand-written reading below them (and every other section) alone.
 */
async function writeSection(env, table, sqlTable) {
  const file = new URL('../BENCHMARKS.md', import.meta.url);
  const heading = '## Inbox page (bench:inbox)';
  const BEGIN = '<!-- bench:inbox figures (written by bench/inbox.mjs) -->';
  const END = '<!-- /bench:inbox figures -->';
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
    env,
    '',
    table,
    '',
    sqlTable,
    '',
    END,
  ].join('\n');
  const description = [
    heading,
    '',
    '`pnpm bench:inbox` (`bench/inbox.mjs`): POST /graphql `inbox(organisation: "Y99000", first: 50)` with',
    '`patient { nhsNumber familyName }`, `originatingPractice { odsCode name }` and `ownerOrganisation { odsCode name }`,',
    'as a hub clinician, on PostgreSQL with 100,000 online consultations seeded by SQL (7 demo practices, ~70% matched,',
    'a spread of owners, states, types, urgencies and red flags, with arrival history). The API runs from dist in the',
    "script's process (NODE_ENV=production, pool 20, write-back worker off); autocannon (20 connections) runs in a",
    'child process. The floor is a bare node:http server in the same process: one SQL query for the same 50 rows',
    'joined to patient and organisation (pg pool 20), then `JSON.stringify`. The API does more than the floor by',
    'design: it verifies the bearer token, validates the operation against the limits, audits one row per',
    'consultation returned (one multi-row INSERT) and loads patients and organisations through DataLoaders.',
    '"server CPU / req" is the server process\'s CPU time during the run over the requests answered (less',
    'sensitive than req/s to other load on the machine). `BENCH_DURATION` shortens the runs; `BENCH_SQL=1` prints',
    'each statement of one page with its plan.',
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

// ---- child: the load generator ----
function runLoader() {
  const autocannon = requireFromApi('autocannon');
  process.on('message', async ({ url, headers, body, duration, connections }) => {
    const r = await autocannon({
      url,
      method: 'POST',
      headers,
      body,
      duration,
      connections,
      // A GraphQL error still answers 200: count those as mismatches.
      verifyBody: (text) => !text.includes('"errors"'),
    });
    process.send({
      rps: r.requests.average,
      total: r.requests.total,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      mismatches: r.mismatches ?? 0,
    });
  });
  process.send({ ready: true });
}

// Last, so that every constant above is initialised before main() runs.
if (process.argv[2] === '--load') runLoader();
else await main();
