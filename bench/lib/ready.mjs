import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port that was free a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc (Linux); null
 * elsewhere. Less sensitive than wall time to other work on a shared machine.
 */
function cpuMs(pid) {
  try {
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15, in clock ticks (100 Hz on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const PROBE = JSON.stringify({ query: '{ __typename }' });

/** One POST `{ __typename }`; true when it answers 200 with data. Never throws. */
function probe(port) {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(PROBE) },
        timeout: 2000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => {
          try {
            resolve(res.statusCode === 200 && JSON.parse(body)?.data?.__typename === 'Query');
          } catch {
            resolve(false);
          }
        });
      },
    );
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end(PROBE);
  });
}

/**
 * Spawns `node <args>` and polls POST `{ __typename }` every 10 ms until the first successful
 * response. Returns the milliseconds from spawn to that response, the CPU time the process had used
 * by then, and a stop() that ends the process.
 */
export async function timeToFirstResponse({ args, env, cwd, port, timeoutMs = 60_000 }) {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exit;
    clearTimeout(killer);
  };

  for (;;) {
    if (await probe(port)) return { ms: performance.now() - started, cpuMs: cpuMs(child.pid), stop };
    if (exited) throw new Error(`process exited (${exited.code ?? exited.signal}) before answering:\n${stderr}`);
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`no answer within ${timeoutMs} ms:\n${stderr}`);
    }
    await sleep(10);
  }
}
