import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { createTokenVerifier } from '../platform/auth/tokens.js';
import { DEMO_USERS } from '../seed/demo.js';
import { SUBMIT_ONLINE_CONSULTATION, liveReference, liveSubmission, seededRandom } from '../seed/traffic.js';

// pnpm demo:traffic [--url http://localhost:4000/graphql] [--every 5]: a new online consultation
// from a demo patient every few seconds into a running hub, as the demo supplier, until Ctrl-C.
// Run from the repository root with the server's environment, so it signs with the same key.
// Prints ids only (never patient data).

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:4000/graphql' },
    every: { type: 'string', default: '5' },
    seed: { type: 'string', default: '17' },
  },
});

const every = Number(values.every);
if (!Number.isFinite(every) || every < 0.2 || every > 86_400) {
  process.stderr.write(
    'usage: pnpm demo:traffic [--url http://localhost:4000/graphql] [--every seconds (0.2-86400)]\n',
  );
  process.exit(2);
}
const config = loadConfig();
if (config.env === 'production') {
  process.stderr.write('pnpm demo:traffic is for development hubs; NODE_ENV is production.\n');
  process.exit(2);
}
const verifier = createTokenVerifier(config.jwt);
if (!verifier.sign) {
  process.stderr.write(
    'pnpm demo:traffic signs with the development key or JWT_SECRET; with JWT_JWKS_URL it cannot mint a supplier token.\n',
  );
  process.exit(2);
}
const supplier = DEMO_USERS.find((u) => u.username === 'oc.supplier')!;
const ttl = 3600;
let token = '';
let tokenAt = 0;
async function bearer(): Promise<string> {
  if (Date.now() - tokenAt > (ttl / 2) * 1000) {
    token = await verifier.sign!({ sub: supplier.username, org: supplier.odsCode, roles: [...supplier.roles] }, ttl);
    tokenAt = Date.now();
  }
  return token;
}

const random = seededRandom(Number(values.seed) || 17);
const runId = Date.now().toString(36);
let n = 0;
let timer: NodeJS.Timeout | null = null;

async function arrive(): Promise<void> {
  n += 1;
  try {
    const res = await fetch(values.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearer()}` },
      body: JSON.stringify({
        query: SUBMIT_ONLINE_CONSULTATION,
        variables: { input: liveSubmission(random, liveReference(runId, n)) },
      }),
    });
    const body = (await res.json()) as {
      data?: { submitOnlineConsultation?: { consultationId: string; state: string } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    const arrived = body.data?.submitOnlineConsultation;
    if (arrived)
      process.stdout.write(`${new Date().toISOString()} arrived ${arrived.consultationId} ${arrived.state}\n`);
    else
      process.stderr.write(
        `${new Date().toISOString()} refused: HTTP ${res.status} ${body.errors?.map((e) => e.extensions?.code ?? 'ERROR').join(', ') ?? ''}\n`,
      );
  } catch (error) {
    process.stderr.write(`${new Date().toISOString()} no answer from ${values.url}: ${(error as Error).message}\n`);
  }
}

process.stdout.write(`demo traffic: a new online consultation every ${every}s to ${values.url} (Ctrl-C stops)\n`);
const stop = () => {
  if (timer) clearInterval(timer);
  process.stdout.write(`demo traffic: ${n} sent\n`);
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
await arrive();
timer = setInterval(() => void arrive(), every * 1000);
