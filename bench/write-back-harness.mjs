// Shared by bench/write-back-crash.mjs and bench/write-back.mjs: an API process, worker processes,
// a local practice endpoint that records effects by message id, and a small GraphQL client.
import { spawn } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './lib/ready.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
// The bundles `pnpm start` and `pnpm worker` run.
export const apiMain = join(root, 'packages/api/dist/bundle/main.mjs');
export const workerMain = join(root, 'packages/api/dist/bundle/worker.mjs');
export const JWT_SECRET = 'write-back-bench-secret-0123456789abcdef';
export const SIGNING_SECRET = `whsec_${Buffer.from('write-back-bench-signing-key-0123456789').toString('base64')}`;

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** An HS256 token for a demo user, as the API's development tokens look. */
export function token(sub, org, roles) {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub, org, roles, iss: 'pcn-hub-dev', aud: 'pcn-hub', iat: now, exp: now + 3600 })}`;
  return `${head}.${createHmac('sha256', JWT_SECRET).update(head).digest('base64url')}`;
}

export const TOKENS = {
  manager: () => token('hub.manager', 'Y99000', ['HUB_MANAGER']),
  clinician: () => token('hub.anp1', 'Y99000', ['HUB_CLINICIAN', 'HUB_PRESCRIBER']),
};

/**
 * Spawns a node process with the given env; returns { child, exited, ready, kill(signal) }.
 * `ready` resolves when a stdout line contains `readyText` (e.g. the worker's "ready" log line).
 */
export function spawnNode(script, env, { quiet = true, readyText = null } = {}) {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', readyText ? 'pipe' : quiet ? 'ignore' : 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-8000)));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = readyText
    ? new Promise((resolve) => {
        let seen = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
          if (seen === null) return;
          seen = (seen + chunk).slice(-4000);
          if (seen.includes(readyText)) {
            seen = null;
            resolve(true);
          }
        });
        exited.then(() => resolve(false));
      })
    : Promise.resolve(true);
  return { child, exited, ready, stderr: () => stderr, kill: (signal = 'SIGTERM') => child.kill(signal) };
}

/** Starts the API (no in-process worker) on `databaseUrl`; resolves once it answers. */
export async function startApi(databaseUrl, extraEnv = {}) {
  const port = await freePort();
  const proc = spawnNode(apiMain, {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '20',
    SEED_ON_START: 'true',
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    WRITE_BACK_WORKER: 'false',
    ...extraEnv,
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API did not start:\n${proc.stderr()}`);
    await sleep(50);
  }
  return { ...proc, url };
}

/** POSTs one GraphQL operation; throws on errors. */
export async function gql(url, bearer, query, variables = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const CONFIGURE =
  'mutation ($input: ConfigureWriteBackTargetInput!) { configureWriteBackTarget(input: $input) { target { kind } } }';

/** Points every demo practice at the HTTP endpoint. */
export async function useHttpTarget(url, endpointUrl) {
  const practices = ['Y99011', 'Y99012', 'Y99013', 'Y99014', 'Y99015', 'Y99016', 'Y99017'];
  for (const practiceOdsCode of practices) {
    await gql(url, TOKENS.manager(), CONFIGURE, {
      input: { practiceOdsCode, kind: 'HTTP', endpointUrl, signingSecret: SIGNING_SECRET },
    });
  }
}

const RECORD =
  'mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id } } }';
const SAVE =
  'mutation ($input: SaveConsultationInput!) { saveConsultation(input: $input) { consultation { id version } } }';
const TERMS = [
  ['22298006', 'Myocardial infarction'],
  ['38341003', 'Hypertension'],
  ['195967001', 'Asthma'],
  ['73211009', 'Diabetes mellitus'],
];

/**
 * Writes `total` coded entries through the API: consultations of up to `perConsultation` entries,
 * recorded then saved, `parallel` at a time, for demo patients chosen round-robin.
 */
export async function writeEntries(
  url,
  total,
  { perConsultation = 5, parallel = 8, syntheticNhsNumber, offset = 0 } = {},
) {
  const bearer = TOKENS.clinician();
  let next = 0;
  let written = 0;
  const consultationIds = [];
  const workers = Array.from({ length: parallel }, async () => {
    for (;;) {
      const index = next++;
      const first = index * perConsultation;
      if (first >= total) return;
      const count = Math.min(perConsultation, total - first);
      const entries = Array.from({ length: count }, (_, i) => {
        const [snomedCode, term] = TERMS[(first + i) % TERMS.length];
        return { coded: { snomedCode, term } };
      });
      const nhsNumber = syntheticNhsNumber((offset + index) % 500);
      const { recordConsultation } = await gql(url, bearer, RECORD, { input: { nhsNumber, entries } });
      await gql(url, bearer, SAVE, { input: { consultationId: recordConsultation.consultation.id } });
      consultationIds.push(recordConsultation.consultation.id);
      written += count;
    }
  });
  await Promise.all(workers);
  return { written, consultations: consultationIds.length };
}

function verify(id, timestamp, body, header) {
  const key = Buffer.from(SIGNING_SECRET.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from(`v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`);
  return header
    .split(' ')
    .some((c) => Buffer.from(c).length === expected.length && timingSafeEqual(Buffer.from(c), expected));
}

/**
 * A practice clinical-system endpoint: verifies signatures, applies each message's effect once per
 * message id (recording which write-back record it belongs to), then acknowledges after
 * `latencyMs()`. Counts everything needed to prove "no duplicate effects".
 */
export async function startTarget({ latencyMs = () => 0 } = {}) {
  const effects = new Map(); // messageId -> { recordId, at }
  const effectsByRecord = new Map(); // recordId -> Set(messageId)
  const received = new Map(); // messageId -> requests
  const stats = { requests: 0, badSignatures: 0, inProgress: 0 };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      stats.requests += 1;
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['webhook-id'] ?? '');
      if (!verify(id, req.headers['webhook-timestamp'], body, String(req.headers['webhook-signature'] ?? ''))) {
        stats.badSignatures += 1;
        res.writeHead(401).end();
        return;
      }
      received.set(id, (received.get(id) ?? 0) + 1);
      if (!effects.has(id)) {
        const { recordId } = JSON.parse(body);
        effects.set(id, { recordId, at: Date.now() });
        const ids = effectsByRecord.get(recordId) ?? new Set();
        ids.add(id);
        effectsByRecord.set(recordId, ids);
      }
      // The effect is applied before the acknowledgement: a sender killed now has "sent, no ack".
      stats.inProgress += 1;
      const delay = latencyMs();
      if (delay > 0) await sleep(delay);
      stats.inProgress -= 1;
      if (!res.destroyed) res.writeHead(200).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/write-back`,
    effects,
    effectsByRecord,
    received,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** Percentile of a sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
