// pnpm bench:startup: time from spawn to the first successful GraphQL response, for the API on
// PGlite (first start and restart), on PostgreSQL (first start and restart) and for a bare Apollo
// Server hello-world. Run after `pnpm build` (the script does it). Prints a Markdown table.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownTable, ms, summarise } from './lib/stats.mjs';
import { freePort, timeToFirstResponse } from './lib/ready.mjs';
import { createScratchDatabase, postgresVersion } from './lib/postgres.mjs';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2000;
const TARGET_RATIO = 3;

const root = fileURLToPath(new URL('..', import.meta.url));
// What `pnpm start` runs (the bundle), and the unbundled build for comparison.
const apiMain = join(root, 'packages/api/dist/bundle/main.mjs');
const apiMainUnbundled = join(root, 'packages/api/dist/main.js');
const apiDir = join(root, 'packages/api');

// The bare server lives under packages/api/node_modules so that `@apollo/server` and `graphql`
// resolve to the API's own copies (the same versions the API starts).
const bareDir = join(apiDir, 'node_modules/.cache/pcn-hub-bench');
const bareFile = join(bareDir, 'hello.mjs');
const BARE_SERVER = `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const server = new ApolloServer({
  typeDefs: 'type Query { hello: String! }',
  resolvers: { Query: { hello: () => 'world' } },
});
await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(process.env.PORT) } });
`;

/** The API's environment for one case: quiet logs, loopback only, development keys. */
function apiEnv(port, extra) {
  return { NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...extra };
}

async function once(args, env, cwd) {
  const port = await freePort();
  const { ms: elapsed, cpuMs, stop } = await timeToFirstResponse({ args, env: env(port), cwd, port });
  await stop();
  return { elapsed, cpuMs };
}

const results = new Map();
const cpuTimes = new Map();
const record = (name, { elapsed, cpuMs }) => {
  results.set(name, [...(results.get(name) ?? []), elapsed]);
  if (cpuMs !== null) cpuTimes.set(name, [...(cpuTimes.get(name) ?? []), cpuMs]);
};

async function runBare() {
  record('bare Apollo Server 5 hello-world', await once([bareFile], (port) => ({ PORT: String(port) }), root));
}

// New PGlite databases start from a template of a freshly migrated one (PGLITE_TEMPLATE_DIR); one
// directory shared by every run, filled once before the measured runs.
const templateDir = await mkdtemp(join(tmpdir(), 'pcn-hub-bench-templates-'));

async function warmTemplate() {
  const dir = await mkdtemp(join(tmpdir(), 'pcn-hub-bench-'));
  try {
    const env = (port) =>
      apiEnv(port, { PCN_HUB_DATA_DIR: join(dir, 'pglite'), PGLITE_TEMPLATE_DIR: templateDir, DATABASE_URL: '' });
    await once([apiMain], env, root);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runPglite() {
  const dir = await mkdtemp(join(tmpdir(), 'pcn-hub-bench-'));
  try {
    const cold = (port) =>
      apiEnv(port, { PCN_HUB_DATA_DIR: join(dir, 'cold', 'pglite'), PGLITE_TEMPLATE_DIR: 'off', DATABASE_URL: '' });
    record('API on PGlite, first start, no template (initdb + migrate + seed)', await once([apiMain], cold, root));
    const env = (port) =>
      apiEnv(port, { PCN_HUB_DATA_DIR: join(dir, 'pglite'), PGLITE_TEMPLATE_DIR: templateDir, DATABASE_URL: '' });
    record('API on PGlite, first start from the template (+ seed)', await once([apiMain], env, root));
    record('API on PGlite, restart', await once([apiMain], env, root));
    record('API on PGlite, restart, unbundled (dist/main.js)', await once([apiMainUnbundled], env, root));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// The demo activity (SEED_DEMO_ACTIVITY, on by default in development) is seeded after the first
// answer: one first start from the template, timing the first answer and the 'demo activity seeded'
// log line (the activity's own duration is in that line).
async function runDemoActivity() {
  const dir = await mkdtemp(join(tmpdir(), 'pcn-hub-bench-'));
  const port = await freePort();
  const started = performance.now();
  const env = apiEnv(port, {
    PCN_HUB_DATA_DIR: join(dir, 'pglite'),
    PGLITE_TEMPLATE_DIR: templateDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'info',
    SEED_DEMO_ACTIVITY: 'true',
  });
  const child = spawn(process.execPath, [apiMain], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const seeded = new Promise((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.includes('"demo activity seeded"'))
          resolve({ at: performance.now() - started, own: JSON.parse(line).ms });
        if (line.includes('"demo activity failed"')) reject(new Error('demo activity failed'));
      });
      setTimeout(() => reject(new Error('demo activity: no answer within 180 s')), 180_000).unref();
    });
    let firstAnswer = null;
    while (firstAnswer === null && performance.now() - started < 60_000) {
      const ok = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      })
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) firstAnswer = performance.now() - started;
      else await new Promise((r) => setTimeout(r, 10));
    }
    return { firstAnswer, ...(await seeded) };
  } finally {
    child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  }
}

async function runPostgres() {
  const db = await createScratchDatabase();
  try {
    const env = (port) =>
      apiEnv(port, {
        DATABASE_URL: db.url,
        SEED_ON_START: 'true',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0',
      });
    record('API on PostgreSQL, first start (migrate + seed)', await once([apiMain], env, root));
    record('API on PostgreSQL, restart', await once([apiMain], env, root));
    record('API on PostgreSQL, restart, unbundled (dist/main.js)', await once([apiMainUnbundled], env, root));
  } finally {
    await db.drop();
  }
}

await mkdir(bareDir, { recursive: true });
await writeFile(bareFile, BARE_SERVER);
const pgVersion = await postgresVersion();
const loadBefore = loadavg()[0];
let demoActivity;
try {
  await warmTemplate();
  // Interleaved, so that drift in machine load spreads over every case alike.
  for (let i = 0; i < RUNS; i++) {
    process.stderr.write(`run ${i + 1}/${RUNS}\n`);
    await runBare();
    await runPglite();
    if (pgVersion) await runPostgres();
  }
  process.stderr.write('demo activity run\n');
  demoActivity = await runDemoActivity().catch((error) => ({ error: error.message }));
} finally {
  await rm(bareDir, { recursive: true, force: true });
  await rm(templateDir, { recursive: true, force: true });
}

const bare = summarise(results.get('bare Apollo Server 5 hello-world'));
const rows = [...results].map(([name, values]) => {
  const s = summarise(values);
  const isApi = name.startsWith('API');
  const ratio = s.median / bare.median;
  const verdict = !isApi ? '' : s.median <= TARGET_MS && ratio <= TARGET_RATIO ? 'meets' : 'misses';
  const cpu = cpuTimes.get(name);
  return [
    name,
    ms(s.median),
    ms(s.min),
    ms(s.max),
    isApi ? `${ratio.toFixed(2)}x` : '1.00x',
    verdict,
    cpu ? ms(summarise(cpu).median) : 'n/a',
  ];
});

const cpu = cpus();
process.stdout.write(
  `\nStartup: spawn to first successful POST { __typename } (polled every 10 ms), ${RUNS} runs each\n` +
    `node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ` +
    `PostgreSQL ${pgVersion ?? 'not reachable: skipped'}; 1-minute load average ${loadBefore.toFixed(1)} before, ` +
    `${loadavg()[0].toFixed(1)} after (other work on the machine skews every case)\n\n` +
    markdownTable(
      [
        'case',
        'median',
        'min',
        'max',
        'median / bare',
        `target (<= ${TARGET_MS} ms and <= ${TARGET_RATIO}x)`,
        'CPU used by then (median)',
      ],
      rows,
    ) +
    '\n',
);
if (demoActivity) {
  process.stdout.write(
    demoActivity.error
      ? `\nDemo activity: ${demoActivity.error}\n`
      : `\nFirst start from the template with the demo activity (SEED_DEMO_ACTIVITY=true, one run): first answer ${ms(demoActivity.firstAnswer)}, ` +
          `'demo activity seeded' ${ms(demoActivity.at)} after spawn (the activity itself ${ms(demoActivity.own)}, after the first answer).\n`,
  );
}
