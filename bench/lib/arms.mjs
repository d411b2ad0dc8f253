// Side-by-side throughput runs: each arm's server in its own child process pinned to CPU 0, the load
// generator (autocannon) in another pinned to CPU 1 (with `taskset` where it exists), rounds
// interleaved (every arm once per round, a fresh server each time), medians over the rounds. Server
// CPU per request is the server process's own CPU time (process.cpuUsage, every thread) over the
// measured run divided by the requests answered: less sensitive than req/s to a shared machine.
import { execFileSync, fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { markdownTable } from './stats.mjs';

const TASKSET = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    execFileSync('taskset', ['-c', '1', 'true'], { stdio: 'ignore' });
    return 'taskset';
  } catch {
    return null;
  }
})();

/** How the processes are placed, for the report. */
export const placement = TASKSET
  ? 'servers pinned to CPU 0, load generator to CPU 1 (taskset)'
  : 'not pinned (no taskset, or fewer than 2 CPUs)';

export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

function forkPinned(script, args, cpu) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const pin = TASKSET ? { execPath: TASKSET, execArgv: ['-c', String(cpu), process.execPath] } : {};
  return fork(path, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...pin });
}

/**
 * Forks a server script of bench/lib (serve-*.mjs) on CPU 0 with `options`; resolves when it listens.
 * Returns { url, info, pid, cpuMicros(), ask(message), stop() }.
 */
export async function startServer(script, options) {
  const child = forkPinned(script, [JSON.stringify(options)], 0);
  const pending = new Map();
  let next = 0;
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.type === 'ready') resolve(message);
      else if (message.type === 'failed') reject(new Error(`${script} failed to start:\n${message.message}`));
      else pending.get(message.id)?.(message);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const request = (message) =>
    new Promise((resolve) => {
      const id = next++;
      pending.set(id, (reply) => {
        pending.delete(id);
        resolve(reply);
      });
      child.send({ ...message, id });
    });
  const { url, info } = await ready;
  return {
    url,
    info,
    pid: child.pid,
    cpuMicros: async () => (await request({ type: 'cpu' })).micros,
    ask: async (message) => {
      const reply = await request(message);
      if (reply.error) throw new Error(reply.error);
      return reply.value;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Forks the load generator on CPU 1. Returns { run(spec), stop() }. */
export async function startLoader() {
  const child = forkPinned('./load.mjs', [], 1);
  await new Promise((resolve) => child.once('message', resolve));
  return {
    run: (spec) =>
      new Promise((resolve) => {
        child.once('message', resolve);
        child.send(spec);
      }),
    stop: () => child.kill(),
  };
}

/**
 * Runs `rounds` rounds; in each, every arm in turn: `arm.start()` (a server from startServer plus the
 * request: { server, url, headers, body, then? }), a warm-up, the measured run, stop. `perRequest`
 * counts requests per operation (2 for create-then-save). The warm-up lasts `warmup` seconds and,
 * with `warmupRequests`, goes on until the server has answered that many requests: a fresh server
 * runs its first requests on code V8 has not optimised yet, and a slow arm would otherwise be
 * measured after far fewer requests than a fast one. Returns { [arm.name]: [result per round] }.
 */
export async function runRounds({ arms, loader, rounds, warmup, warmupRequests = 0, duration, connections, log }) {
  const results = Object.fromEntries(arms.map((arm) => [arm.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const arm of arms) {
      const target = await arm.start();
      try {
        const { server, url, headers, body, then } = target;
        log(
          `round ${round}/${rounds}, ${arm.name}: warm-up ${warmup} s${warmupRequests ? ` and ${warmupRequests} requests` : ''}, then ${duration} s at ${connections} connections`,
        );
        const warm = await loader.run({ url, headers, body, then, duration: warmup, connections });
        if (warm.total < warmupRequests) {
          await loader.run({ url, headers, body, then, amount: warmupRequests - warm.total, connections });
        }
        const loadBefore = loadAverage();
        const before = await server.cpuMicros();
        const r = await loader.run({ url, headers, body, then, duration, connections });
        const micros = (await server.cpuMicros()) - before;
        const ops = r.total / (arm.perRequest ?? 1);
        results[arm.name].push({
          ...r,
          ops: r.rps / (arm.perRequest ?? 1),
          cpuMs: ops > 0 ? micros / 1000 / ops : Number.NaN,
          loadBefore,
        });
      } finally {
        await target.server.stop();
      }
    }
  }
  return results;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Medians of each figure over an arm's rounds, plus the sums of its failures. */
export function medianOf(runs) {
  const sum = (key) => runs.reduce((s, r) => s + (r[key] ?? 0), 0);
  return {
    ops: median(runs.map((r) => r.ops)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    cpuMs: median(runs.map((r) => r.cpuMs).filter(Number.isFinite)),
    rounds: runs.length,
    non2xx: sum('non2xx'),
    errors: sum('errors') + sum('timeouts'),
    mismatches: sum('mismatches'),
    loads: runs.map((r) => r.loadBefore.split(' / ')[0]).join(', '),
  };
}

/** A table of arms (median figures) with ratio rows: [label, numerator arm, denominator arm]. */
export function resultsTable(rows, ratios, unit = 'req/s') {
  const fmt = (m) => [
    Math.round(m.ops).toLocaleString('en-GB'),
    `${m.p50} ms`,
    `${m.p99} ms`,
    Number.isFinite(m.cpuMs) ? `${m.cpuMs.toFixed(2)} ms` : 'n/a (nothing answered)',
    `${m.non2xx} / ${m.errors} / ${m.mismatches}`,
    m.loads,
  ];
  const ratio = (a, b) => [
    `${(a.ops / b.ops).toFixed(2)}x`,
    `${(a.p50 / Math.max(b.p50, 1)).toFixed(1)}x`,
    `${(a.p99 / Math.max(b.p99, 1)).toFixed(1)}x`,
    `${(a.cpuMs / b.cpuMs).toFixed(1)}x`,
    '',
    '',
  ];
  return markdownTable(
    [
      'case',
      `${unit} (median)`,
      'p50',
      'p99',
      `server CPU / ${unit === 'req/s' ? 'req' : 'op'}`,
      'non-2xx / errors / GraphQL errors',
      '1-min load before each round',
    ],
    [
      ...rows.filter(([, m]) => m).map(([label, m]) => [label, ...fmt(m)]),
      ...ratios.filter(([, a, b]) => a && b).map(([label, a, b]) => [label, ...ratio(a, b)]),
    ],
  );
}
