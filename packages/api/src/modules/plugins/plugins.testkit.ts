import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import type { GqlResult, TestHub } from '../../test/harness.js';

export const REGISTER = `mutation ($input: RegisterPluginInput!) { registerPlugin(input: $input) { plugin { id name state scopes events approvedVersion } webhookSecret } }`;
export const ENABLE = `mutation ($input: SetPluginEnabledInput!) { setPluginEnabled(input: $input) { plugin { id enabledForViewer } } }`;
export const CREATE_KEY = `mutation ($input: CreatePluginApiKeyInput!) { createPluginApiKey(input: $input) { apiKey { id status } key } }`;
export const ROTATE_KEY = `mutation ($input: RotatePluginApiKeyInput!) { rotatePluginApiKey(input: $input) { apiKey { id status } key } }`;
export const REVOKE_KEY = `mutation ($input: RevokePluginApiKeyInput!) { revokePluginApiKey(input: $input) { apiKey { id status } } }`;
export const VIEWER = `{ viewerPlugin { id name scopes } }`;

let counter = 0;

/** A valid manifest with a unique name; override what the test is about. */
export function manifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    name: `test-plugin-${process.pid}-${counter}`,
    displayName: 'Test Plugin',
    vendor: 'Synthetic Vendor (test)',
    version: '1.0.0',
    sdkContractVersion: '1',
    description: 'A plugin for tests.',
    scopes: ['consultations:write', 'entries:write', 'consultations:read', 'write-back:read'],
    producesCodes: ['22298006', '38341003'],
    producesEntryKinds: ['CODED'],
    events: [],
    ...overrides,
  };
}

export async function ok<T>(res: Promise<GqlResult<T>>): Promise<T> {
  const out = await res;
  expect(out.errors, JSON.stringify(out.errors)).toBeUndefined();
  return out.data!;
}

/** Calls the hub as a plugin: its key, the organisation it acts for, and optionally a staff user. */
export function asPlugin(hub: TestHub, key: string, organisation?: string | null, onBehalfOf?: string | null) {
  return async <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
    if (organisation) headers['x-pcn-hub-organisation'] = organisation;
    if (onBehalfOf) headers['x-pcn-hub-on-behalf-of'] = onBehalfOf;
    const res = await fetch(hub.app.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: res.status, ...((await res.json()) as object) };
  };
}

export interface RegisteredPlugin {
  id: string;
  name: string;
  key: string;
  keyId: string;
  webhookSecret: string;
}

/** Registers (as hub.manager), enables for each admin's organisation, and makes a key. */
export async function registerPlugin(
  hub: TestHub,
  overrides: Record<string, unknown> = {},
  enableAs: string[] = ['hub.manager'],
): Promise<RegisteredPlugin> {
  const registered = await ok(
    hub.gql<{ registerPlugin: { plugin: { id: string; name: string }; webhookSecret: string } }>(
      REGISTER,
      { input: { manifest: manifest(overrides) } },
      'hub.manager',
    ),
  );
  const { id, name } = registered.registerPlugin.plugin;
  for (const admin of enableAs) await ok(hub.gql(ENABLE, { input: { pluginId: id, enabled: true } }, admin));
  const created = await ok(
    hub.gql<{ createPluginApiKey: { apiKey: { id: string }; key: string } }>(
      CREATE_KEY,
      { input: { pluginId: id } },
      'hub.manager',
    ),
  );
  return {
    id,
    name,
    key: created.createPluginApiKey.key,
    keyId: created.createPluginApiKey.apiKey.id,
    webhookSecret: registered.registerPlugin.webhookSecret,
  };
}

/** A request a plugin's webhook endpoint received. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A plugin's webhook endpoint on 127.0.0.1: records each request and answers it with the status
 * set for its path, or `answer` (200 unless given); a path set to 'hang' is held open unanswered.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  readonly status = new Map<string, number | 'hang'>();
  private server!: Server;
  held = 0;
  /** http://127.0.0.1:port, once started: add a path. */
  url = '';

  constructor(private readonly answer = 200) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const path = req.url ?? '/';
        const status = this.status.get(path) ?? this.answer;
        if (status === 'hang') {
          this.held += 1;
          return;
        }
        this.received.push({ path, headers: req.headers, body });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What arrived at `path`. */
  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  /** What arrived with `text` in its body. */
  containing(text: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.body.includes(text));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** A webhook receiver started before the file's tests and stopped after them. */
export function webhookReceiver(answer = 200): WebhookReceiver {
  const receiver = new WebhookReceiver(answer);
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  return receiver;
}
