import { readFileSync } from 'node:fs';
import type { MeshPluginConfig } from './mesh.plugin.types.js';
import type { WriteBackRouting } from './write-back.types.js';

/** The environment variables `pnpm mesh` reads, with what each one is for. */
export const MESH_ENV_VARIABLES: readonly (readonly [name: string, required: boolean, meaning: string])[] = [
  ['MESH_HUB_URL', true, 'The hub GraphQL URL, e.g. https://hub.example.nhs.uk/graphql.'],
  ['MESH_HUB_API_KEY', true, "The plugin's API key (pcnhub_...)."],
  ['MESH_HUB_ODS', true, 'ODS code of the hub organisation whose mailbox this is (it enabled the plugin).'],
  ['MESH_URL', true, 'MESH base URL, e.g. https://msg.intspineservices.nhs.uk.'],
  ['MESH_MAILBOX_ID', true, "The hub's mailbox id."],
  ['MESH_PASSWORD', true, 'The mailbox password.'],
  ['MESH_SHARED_SECRET', true, "The environment's shared secret for the NHSMESH header."],
  ['MESH_TLS_CERT_FILE', false, 'Client certificate (PEM) file.'],
  ['MESH_TLS_KEY_FILE', false, 'Client private key (PEM) file.'],
  ['MESH_TLS_CA_FILE', false, 'CA bundle (PEM) file for the MESH server certificate.'],
  ['MESH_CHUNK_SIZE_BYTES', false, 'Split outgoing messages above this size (default 20 MB).'],
  [
    'MESH_POLL_INTERVAL_MS',
    false,
    'Inbox poll interval (default 300000: 5 minutes; at once while full pages come back).',
  ],
  ['MESH_BRIDGE_HOST', false, 'Address the write-back bridge listens on (default 127.0.0.1).'],
  ['MESH_BRIDGE_PORT', false, 'Port of the write-back bridge (default 4100).'],
  [
    'MESH_WRITE_BACK_SECRETS',
    false,
    'JSON {"<practice ODS>": "whsec_..."}: the signing secret of each practice write-back target pointed at the bridge.',
  ],
  [
    'MESH_ROUTING',
    false,
    'AUTOMATIC_DDMMYYYY (default), AUTOMATIC_YYYYMMDD or ENDPOINT_LOOKUP: how a practice mailbox is found.',
  ],
  ['MESH_STORE_PATH', false, 'File of the write-back correlation store (default ./.data/mesh-outbound.json).'],
];

/** A configuration problem; names the variable, never its value (values are secrets). */
export class MeshEnvError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'MeshEnvError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new MeshEnvError(name, 'is required');
  return value;
}

function int(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new MeshEnvError(name, `must be an integer >= ${min}`);
  return value;
}

function routing(env: Env): WriteBackRouting {
  const raw = env.MESH_ROUTING?.trim() || 'AUTOMATIC_DDMMYYYY';
  switch (raw) {
    case 'AUTOMATIC_DDMMYYYY':
      return { kind: 'AUTOMATIC', dobFormat: 'DDMMYYYY' };
    case 'AUTOMATIC_YYYYMMDD':
      return { kind: 'AUTOMATIC', dobFormat: 'YYYYMMDD' };
    case 'ENDPOINT_LOOKUP':
      return { kind: 'ENDPOINT_LOOKUP' };
    default:
      throw new MeshEnvError('MESH_ROUTING', 'must be AUTOMATIC_DDMMYYYY, AUTOMATIC_YYYYMMDD or ENDPOINT_LOOKUP');
  }
}

function secrets(env: Env): Record<string, string> {
  const raw = env.MESH_WRITE_BACK_SECRETS?.trim();
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new MeshEnvError('MESH_WRITE_BACK_SECRETS', 'must be JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MeshEnvError('MESH_WRITE_BACK_SECRETS', 'must be a JSON object of ODS code to secret');
  }
  const out: Record<string, string> = {};
  for (const [ods, secret] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof secret !== 'string' || !secret.startsWith('whsec_'))
      throw new MeshEnvError('MESH_WRITE_BACK_SECRETS', `the secret for ${ods} must be whsec_...`);
    out[ods.toUpperCase()] = secret;
  }
  return out;
}

/** Builds the plugin's configuration from environment variables (files are read for TLS). */
export function meshConfigFromEnv(
  env: Env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): MeshPluginConfig {
  const tlsFile = (name: string) => (env[name]?.trim() ? readFile(env[name].trim()) : undefined);
  const cert = tlsFile('MESH_TLS_CERT_FILE');
  const key = tlsFile('MESH_TLS_KEY_FILE');
  const ca = tlsFile('MESH_TLS_CA_FILE');
  return {
    hub: {
      url: required(env, 'MESH_HUB_URL'),
      apiKey: required(env, 'MESH_HUB_API_KEY'),
      hubOdsCode: required(env, 'MESH_HUB_ODS').toUpperCase(),
    },
    mesh: {
      baseUrl: required(env, 'MESH_URL'),
      mailboxId: required(env, 'MESH_MAILBOX_ID').toUpperCase(),
      password: required(env, 'MESH_PASSWORD'),
      sharedSecret: required(env, 'MESH_SHARED_SECRET'),
      ...(cert || key || ca
        ? { tls: { ...(cert ? { cert } : {}), ...(key ? { key } : {}), ...(ca ? { ca } : {}) } }
        : {}),
      chunkSizeBytes: int(env, 'MESH_CHUNK_SIZE_BYTES', 20 * 1024 * 1024, 1024),
    },
    writeBack: {
      host: env.MESH_BRIDGE_HOST?.trim() || '127.0.0.1',
      port: int(env, 'MESH_BRIDGE_PORT', 4100, 0),
      signingSecrets: secrets(env),
      routing: routing(env),
      storePath: env.MESH_STORE_PATH?.trim() || './.data/mesh-outbound.json',
    },
    pollIntervalMs: int(env, 'MESH_POLL_INTERVAL_MS', 300_000, 1000),
  };
}
