/**
 * Property-based fuzzing of the running hub over HTTP and graphql-ws (generators in
 * fuzz.arbitraries.ts). Every answer, whatever was sent, must be: no HTTP 5xx; no
 * INTERNAL_SERVER_ERROR for client input; every error typed (a string `extensions.code` from
 * ERROR_CODES or Apollo's PERSISTED_QUERY_*); no stack trace, SQL or file path; no patient data a
 * request did not itself carry (999-range NHS numbers, demo patient names) in an error; no
 * graphql-ws close for an internal error; and `/healthz` answering within 100 ms throughout.
 *
 *   FUZZ_CASES      total cases over the four properties (default 2000; `pnpm test:fuzz`: 100000)
 *   FUZZ_SEED       fast-check seed (default fixed, so CI runs are reproducible)
 *   FUZZ_COLLECT=1  do not stop at the first failing case: run them all and report one (smallest)
 *                   example per failure class
 *   FUZZ_SKIP_STALL=1  cap the doubled-fragment chains at 10 levels (while that stall is unfixed)
 *
 * A failure prints fast-check's shrunk counterexample (replay it with FUZZ_SEED and the printed
 * path) and what came back.
 */
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { createConnection } from 'node:net';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@pcn-hub/schema';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from '../test/harness.js';
import { DEMO, DEMO_USERS, demoPatient } from '../seed/demo.js';
import { submit } from '../modules/inbox/inbox.testkit.js';
import { registerPlugin } from '../modules/plugins/plugins.testkit.js';
import {
  createFuzzArbitraries,
  loadHubSchema,
  materialize,
  renderText,
  type Caller,
  type FuzzArbitraries,
  type FuzzSeeds,
  type HttpCase,
  type Principal,
  type RawHttpCase,
  type RawWsCase,
  type WsCase,
  type WsFrame,
} from './fuzz.arbitraries.js';

const TOTAL_CASES = Math.max(4, Number(process.env.FUZZ_CASES ?? 2000));
const SEED = Number(process.env.FUZZ_SEED ?? 424242);
const COLLECT = process.env.FUZZ_COLLECT === '1';
const SKIP_STALL = process.env.FUZZ_SKIP_STALL === '1';

/** Share of the cases per property. */
const SHARE = { httpSchema: 0.4, httpHostile: 0.25, ws: 0.2, rawWs: 0.15 } as const;
const runs = (share: number) => Math.max(1, Math.round(TOTAL_CASES * share));
/** Per-test timeout scaled to its case count (vitest's default of 120 s fits about 2,000 cases in all). */
const timeoutFor = (cases: number) => 60_000 + cases * 150;

const REQUEST_TIMEOUT_MS = 4_000;
/** A subscription that is accepted stays open; this long is listened to before leaving. */
const STREAM_WINDOW_MS = 120;
const HEALTH_BUDGET_MS = 100;
const HEALTH_INTERVAL_MS = 50;
const HEALTH_WARMUP_MS = 1_500;
/** Node's default limit on the size of request headers (larger is answered 431 or the socket closed). */
const NODE_MAX_HEADER_BYTES = 16 * 1024;

/** Codes an answer may carry: the contract's, plus Apollo's automatic persisted queries. */
const ALLOWED_CODES = new Set<string>([...ERROR_CODES, 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);
/** graphql-ws / WebSocket close codes that mean the server failed rather than the client. */
const SERVER_FAILURE_CLOSE_CODES = new Set([1011, 4500]);

/** What must never appear in an answer (unless the request itself carried that text). */
const LEAK_MARKERS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'stack', pattern: /stack/i },
  {
    name: 'stack frame',
    pattern: /\bat (?:Object\.|async |new )?[\w$.<>]+ \(?(?:file:\/\/|\/|node:)[^\s)]*:\d+:\d+\)?/,
  },
  { name: 'at Object.', pattern: /at Object\./ },
  { name: 'SQL', pattern: /SELECT |select |insert into|INSERT INTO|update "|delete from/ },
  {
    name: 'SQL error',
    pattern:
      /syntax error at or near|invalid input syntax for|violates [\w ]*constraint|duplicate key value|relation "[^"]*" does not exist|column "[^"]*" does not exist|out of range for type|invalid byte sequence/,
  },
  { name: 'source path', pattern: /(?:\/[\w.@+-]+)+\.(?:ts|js|mjs|cjs):\d+/ },
];

const NHS_PATTERN = /(?<![0-9])999[0-9]{7}(?![0-9])/g;
const DEMO_PATIENT_NAMES = [
  ...new Set(
    Array.from({ length: DEMO.patientCount }, (_, i) => `${demoPatient(i).givenName} ${demoPatient(i).familyName}`),
  ),
];
const NAME_PATTERN = new RegExp(`\\b(?:${DEMO_PATIENT_NAMES.join('|')})\\b`, 'g');

// ---------------------------------------------------------------------------------------------
// What came back

interface Observed {
  status?: number;
  /**
   * Everything received as text (body, or every WebSocket message, plus any close reason), with
   * GraphQL `data` left out: data may rightly echo what an earlier request stored, while errors,
   * extensions and transport text must never carry stacks, SQL or paths.
   */
  text: string;
  /** The GraphQL errors found in what came back. */
  errors: unknown[];
  closeCode?: number;
  /** How the exchange ended, when not with a complete answer. */
  note?: string;
  /** A non-JSON (or empty) body on an error status of /graphql. */
  untypedBody?: boolean;
}

interface Violation {
  /** Failure class, e.g. `internal-server-error`, `http-5xx`, `unknown-code:X`. */
  readonly kind: string;
  readonly detail: string;
}

let hub: TestHub;
/** Set once the hub has started (stopped after the suite). */
let running: { stop(): Promise<void> } | null = null;
let arbs: FuzzArbitraries;
let wsUrl: string;
/** The label of the case in flight (slow /healthz answers are attributed to it). */
let inFlight = 'idle';
/** Real plugin API keys made at setup (principal kind `plugin` picks one by index). */
let pluginKeys: readonly string[] = [];

// ---------------------------------------------------------------------------------------------
// Credentials

const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const tokenCache = new Map<string, string>();

function demoClaims(username: string): { sub: string; org: string; roles: string[] } {
  const user = DEMO_USERS.find((u) => u.username === username);
  return { sub: username, org: user?.odsCode ?? 'Y99000', roles: [...(user?.roles ?? ['HUB_MANAGER'])] };
}

async function sign(
  claims: { sub: string; org: string; roles: readonly string[] },
  opts: { key?: Uint8Array; alg?: string; iat?: number; exp?: number | null; iss?: string; aud?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ org: claims.org, roles: [...claims.roles] })
    .setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(opts.iss ?? hub.config.jwt.issuer)
    .setAudience(opts.aud ?? hub.config.jwt.audience)
    .setIssuedAt(opts.iat ?? now);
  if (opts.exp !== null) jwt.setExpirationTime(opts.exp ?? now + 3600);
  return jwt.sign(opts.key ?? secret);
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** The Authorization header value for a principal (undefined: none). */
async function authorizationFor(principal: Principal): Promise<string | undefined> {
  const now = Math.floor(Date.now() / 1000);
  switch (principal.kind) {
    case 'anonymous':
      return undefined;
    case 'user': {
      let token = tokenCache.get(principal.username);
      if (!token) tokenCache.set(principal.username, (token = await sign(demoClaims(principal.username))));
      return `Bearer ${token}`;
    }
    case 'expired':
      return `Bearer ${await sign(demoClaims(principal.username), { iat: now - 7200, exp: now - 3600 })}`;
    case 'claims':
      return `Bearer ${await sign(principal)}`;
    case 'raw':
      return principal.authorization;
    case 'pluginKey':
      return `Bearer ${principal.key}`;
    case 'plugin':
      return `Bearer ${pluginKeys[principal.index] ?? 'pcnhub_missing'}`;
    case 'forged': {
      const claims = demoClaims(principal.username);
      switch (principal.how) {
        case 'other-secret':
          return `Bearer ${await sign(claims, { key: new TextEncoder().encode('another-secret-another-secret-0123456789') })}`;
        case 'alg-none':
          return `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, roles: ['HUB_MANAGER'], iss: hub.config.jwt.issuer, aud: hub.config.jwt.audience, iat: now, exp: now + 3600 })}.`;
        case 'tampered-payload': {
          const [head, , signature] = (await sign(claims)).split('.');
          return `Bearer ${head}.${b64url({ ...claims, org: 'Y99000', roles: ['HUB_MANAGER'], iss: hub.config.jwt.issuer, aud: hub.config.jwt.audience, iat: now, exp: now + 3600 })}.${signature}`;
        }
        case 'truncated-signature':
          return `Bearer ${(await sign(claims)).slice(0, -6)}`;
        case 'long-lifetime':
          return `Bearer ${await sign(claims, { exp: now + 10 * 365 * 86_400 })}`;
        case 'issued-in-future':
          return `Bearer ${await sign(claims, { iat: now + 3600, exp: now + 7200 })}`;
        case 'wrong-issuer':
          return `Bearer ${await sign(claims, { iss: 'evil-issuer' })}`;
        case 'wrong-audience':
          return `Bearer ${await sign(claims, { aud: 'someone-else' })}`;
        case 'hs512':
          return `Bearer ${await sign(claims, { alg: 'HS512' })}`;
        case 'no-exp':
          return `Bearer ${await sign(claims, { exp: null })}`;
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Transports

function graphqlErrorsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(graphqlErrorsOf);
  if (value && typeof value === 'object' && Array.isArray((value as { errors?: unknown }).errors))
    return (value as { errors: unknown[] }).errors;
  return [];
}

async function sendHttp(c: HttpCase): Promise<Observed> {
  const headers: Record<string, string> = {};
  const authorization = await authorizationFor(c.caller.principal);
  if (authorization !== undefined) headers.authorization = authorization;
  if (c.caller.organisation !== undefined) headers['x-pcn-hub-organisation'] = c.caller.organisation;
  if (c.caller.onBehalfOf !== undefined) headers['x-pcn-hub-on-behalf-of'] = c.caller.onBehalfOf;
  Object.assign(headers, c.headers ?? {});
  const sent = c.method !== 'GET' && c.method !== 'HEAD' ? c.body : undefined;
  const body = sent ? ('json' in sent ? JSON.stringify(materialize(sent.json)) : renderText(sent.text)) : undefined;
  const withBody = body !== undefined;
  const contentType = c.contentType === undefined ? (withBody ? 'application/json' : null) : c.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  // Request line and headers, as Node's header size limit counts them.
  const headerBytes = c.path.length + Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  const payload = body !== undefined ? Buffer.from(body, 'utf8') : undefined;
  try {
    const res = await send(c.method, c.path, headers, payload);
    const json = res.text ? safeJson(res.text) : undefined;
    const graphqlPath = c.path.split('?')[0] === '/graphql';
    const untypedBody =
      res.status >= 400 &&
      c.method !== 'HEAD' &&
      graphqlPath &&
      json === undefined &&
      !(res.status === 431 && headerBytes > NODE_MAX_HEADER_BYTES - 1024);
    return {
      status: res.status,
      text: json === undefined ? res.text : JSON.stringify(withoutData(json)),
      errors: graphqlErrorsOf(json),
      untypedBody,
    };
  } catch (error) {
    const what = `${(error as Error).message}${(error as { code?: string }).code ? ` (${(error as { code?: string }).code})` : ''}`;
    const tooBig = (payload?.length ?? 0) > hub.config.limits.bodyBytes || headerBytes > NODE_MAX_HEADER_BYTES - 1024;
    return { text: '', errors: [], note: tooBig ? `closed (request over a limit): ${what}` : `network error: ${what}` };
  }
}

/**
 * One HTTP request on a fresh connection (no keep-alive: a pooled socket the server is closing
 * would look like a failure of the request). Node's client sends headers and paths as given.
 */
function send(
  method: string,
  path: string,
  headers: OutgoingHttpHeaders,
  body?: Buffer,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: hub.app.port,
        method,
        path,
        agent: false,
        headers: { ...headers, ...(body ? { 'content-length': body.length } : {}) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`), { code: 'TIMEOUT' })),
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function sendRawHttp(c: RawHttpCase): Promise<Observed> {
  const request = renderText(c.request);
  return new Promise<Observed>((resolve) => {
    const chunks: Buffer[] = [];
    const socket = createConnection({ host: '127.0.0.1', port: hub.app.port });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const statuses = [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
      resolve({
        status: statuses.length ? Math.max(...statuses) : undefined,
        text,
        errors: graphqlErrorsOf(safeJson(text.split('\r\n\r\n')[1] ?? '')),
        ...(statuses.length === 0 && c.complete
          ? { note: 'no answer: the server sent nothing to a complete request' }
          : {}),
      });
    };
    const timer = setTimeout(finish, c.complete ? REQUEST_TIMEOUT_MS : 600);
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      // One complete answer is enough (the server may keep the connection open).
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text);
      const chunked = /transfer-encoding: chunked/i.test(text.slice(0, Math.max(0, head)));
      if (head >= 0 && (chunked ? text.endsWith('0\r\n\r\n') : !length || text.length >= head + 4 + Number(length[1])))
        finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', () => socket.write(request, 'utf8'));
  });
}

/** A GraphQL answer (or a batch of them) without its `data`. */
function withoutData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutData);
  if (value && typeof value === 'object' && 'data' in value) return { ...value, data: '(data)' };
  return value;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function connectionParamsFor(caller: Caller): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  const authorization = await authorizationFor(caller.principal);
  if (authorization !== undefined) params.authorization = authorization;
  if (caller.organisation !== undefined) params.organisation = caller.organisation;
  if (caller.onBehalfOf !== undefined) params.onBehalfOf = caller.onBehalfOf;
  return params;
}

async function sendWs(c: WsCase): Promise<Observed> {
  const observed: Observed = { text: '', errors: [] };
  const texts: string[] = [];
  const connectionParams = await connectionParamsFor(c.caller);
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code?: number; reason?: string };
        if (typeof code === 'number') observed.closeCode = code;
        if (reason) texts.push(reason);
      },
    },
  });
  try {
    await new Promise<void>((resolve) => {
      let done = false;
      const finish = (note?: string) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (note) observed.note = note;
        resolve();
      };
      const timer = setTimeout(
        () => finish(c.stream ? undefined : `no answer within ${REQUEST_TIMEOUT_MS} ms`),
        c.stream ? STREAM_WINDOW_MS : REQUEST_TIMEOUT_MS,
      );
      client.subscribe(
        { ...c.payload, query: renderText(c.payload.query) },
        {
          next: (result) => {
            texts.push(JSON.stringify(withoutData(result)));
            observed.errors.push(...(result.errors ?? []));
            if (c.stream) finish();
          },
          error: (error: unknown) => {
            if (Array.isArray(error)) {
              texts.push(JSON.stringify(error));
              observed.errors.push(...error);
            } else if (error && typeof error === 'object' && 'code' in error) {
              observed.closeCode = (error as { code: number }).code;
              texts.push((error as { reason?: string }).reason ?? '');
            } else {
              texts.push(String(error));
            }
            finish();
          },
          complete: () => finish(),
        },
      );
    });
  } catch (error) {
    // graphql-ws's client rethrows the CloseEvent of a socket the server closed: an answer, not a crash.
    if (!(error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'number')) throw error;
    observed.closeCode = (error as { code: number }).code;
    texts.push((error as { reason?: string }).reason ?? '');
  } finally {
    try {
      await client.dispose();
    } catch {
      // disposing a client whose socket the server already closed
    }
  }
  observed.text = texts.join('\n');
  return observed;
}

async function frameData(frame: WsFrame, caller: Caller): Promise<string | Buffer> {
  if ('init' in frame) {
    const payload = frame.payloadOverride !== undefined ? frame.payloadOverride : await connectionParamsFor(caller);
    return JSON.stringify({ type: 'connection_init', payload });
  }
  if ('json' in frame) return JSON.stringify(frame.json);
  if ('text' in frame) return renderText(frame.text);
  if ('binary' in frame) return Buffer.from(frame.binary);
  return JSON.stringify({ id: frame.subscribe.id, type: 'subscribe', payload: materialize(frame.subscribe.payload) });
}

async function sendRawWs(c: RawWsCase): Promise<Observed> {
  const observed: Observed = { text: '', errors: [] };
  const texts: string[] = [];
  const socket = new WebSocket(wsUrl, c.protocols ? [...c.protocols] : undefined);
  const state = { closed: false };
  let lastActivity = performance.now();
  socket.on('message', (data: Buffer) => {
    lastActivity = performance.now();
    const text = data.toString('utf8');
    const message = safeJson(text) as { type?: string; payload?: unknown } | undefined;
    texts.push(message?.type === 'next' ? JSON.stringify({ ...message, payload: withoutData(message.payload) }) : text);
    if (message?.type === 'error')
      observed.errors.push(...(Array.isArray(message.payload) ? message.payload : [message.payload]));
    if (message?.type === 'next') observed.errors.push(...graphqlErrorsOf(message.payload));
  });
  const ended = new Promise<void>((resolve) => {
    socket.on('close', (code: number, reason: Buffer) => {
      state.closed = true;
      observed.closeCode = code;
      if (reason.length) texts.push(reason.toString('utf8'));
      resolve();
    });
    socket.on('error', (error: Error) => {
      texts.push(`client: ${error.message}`);
      state.closed = true;
      resolve();
    });
  });
  const opened = new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    void ended.then(() => resolve(false));
  });
  const timeout = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  if (await Promise.race([opened, timeout(REQUEST_TIMEOUT_MS).then(() => false)])) {
    for (const frame of c.frames) {
      if (state.closed || socket.readyState !== WebSocket.OPEN) break;
      const data = await frameData(frame, c.caller);
      await new Promise<void>((resolve) => socket.send(data, () => resolve()));
      lastActivity = performance.now();
    }
    // Listen until the server has been quiet for a moment (or has closed).
    while (!state.closed && performance.now() - lastActivity < STREAM_WINDOW_MS) await timeout(20);
  } else if (!state.closed) {
    observed.note = 'WebSocket did not open';
  }
  if (!state.closed) socket.terminate();
  observed.text = texts.join('\n');
  return observed;
}

// ---------------------------------------------------------------------------------------------
// The checks

function check(request: string, observed: Observed): Violation[] {
  const violations: Violation[] = [];
  const lowerRequest = request.toLowerCase();
  if (observed.status !== undefined && observed.status >= 500)
    violations.push({ kind: `http-${observed.status}`, detail: `HTTP ${observed.status}` });
  if (
    observed.note?.startsWith('network error') ||
    observed.note?.startsWith('no answer') ||
    observed.note === 'WebSocket did not open'
  ) {
    violations.push({ kind: observed.note.split(':')[0]!.replace(/ within .*/, ''), detail: observed.note });
  }
  if (observed.untypedBody)
    violations.push({
      kind: 'untyped-error-body',
      detail: `HTTP ${observed.status} with a body that is not a GraphQL JSON answer`,
    });
  if (observed.closeCode !== undefined && SERVER_FAILURE_CLOSE_CODES.has(observed.closeCode)) {
    violations.push({ kind: `ws-close-${observed.closeCode}`, detail: `socket closed with ${observed.closeCode}` });
  }
  for (const error of observed.errors) {
    const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    const rawMessage = (error as { message?: unknown } | null)?.message;
    const message = typeof rawMessage === 'string' ? rawMessage : JSON.stringify(rawMessage ?? '');
    const path = (error as { path?: unknown[] } | null)?.path;
    const where = path?.length ? ` at ${path.join('.')}` : '';
    if (typeof code !== 'string')
      violations.push({
        kind: 'untyped-error',
        detail: `error without extensions.code${where}: ${message.slice(0, 200)}`,
      });
    else if (code === 'INTERNAL_SERVER_ERROR')
      violations.push({
        kind: 'internal-server-error',
        detail: `INTERNAL_SERVER_ERROR${where}: ${message.slice(0, 200)}`,
      });
    else if (!ALLOWED_CODES.has(code))
      violations.push({ kind: `unknown-code:${code}`, detail: `code ${code}${where}: ${message.slice(0, 200)}` });
  }
  for (const marker of LEAK_MARKERS) {
    const found = marker.pattern.exec(observed.text);
    if (found && !lowerRequest.includes(found[0].toLowerCase())) {
      const at = found.index;
      violations.push({
        kind: `leak:${marker.name}`,
        detail: `"${found[0]}" in the answer: …${observed.text.slice(Math.max(0, at - 80), at + 120)}…`,
      });
    }
  }
  const errorsText = JSON.stringify(observed.errors);
  for (const nhs of errorsText.match(NHS_PATTERN) ?? []) {
    if (!request.includes(nhs))
      violations.push({ kind: 'leak:nhs-number', detail: `NHS number ${nhs} in an error, not sent by the request` });
  }
  for (const name of errorsText.match(NAME_PATTERN) ?? []) {
    if (!request.includes(name))
      violations.push({
        kind: 'leak:patient-name',
        detail: `patient name ${name} in an error, not sent by the request`,
      });
  }
  return violations;
}

/** How cases ended, by generator and first error code (printed with FUZZ_COLLECT, for tuning the generators). */
const outcomes = new Map<string, number>();
/** The slowest exchanges (printed at the end, for tuning). */
const slowest: { ms: number; label: string }[] = [];

/** Failure classes seen in FUZZ_COLLECT mode: the smallest example of each. */
const collected = new Map<string, { example: string; violation: Violation; answer: string; count: number }>();

function classOf(label: string, v: Violation, observed: Observed): string | null {
  // The INTERNAL_SERVER_ERROR body of an HTTP 5xx is the same failure.
  if (v.kind === 'internal-server-error' && observed.status !== undefined && observed.status >= 500) return null;
  const first = observed.errors.find((e) => (e as { path?: unknown[] } | null)?.path?.length) as
    { path: unknown[] } | undefined;
  return `${v.kind} | ${label}${v.kind === 'internal-server-error' && first ? ` | ${String(first.path[0])}` : ''}`;
}

/** Runs one case: throws (for fast-check to shrink) or, collecting, records and passes. */
async function runCase<C extends { label: string }>(
  c: C,
  send: (c: C) => Promise<Observed>,
  describeRequest: (c: C) => string,
): Promise<void> {
  inFlight = c.label;
  const started = performance.now();
  let observed: Observed;
  try {
    observed = await send(c);
  } finally {
    inFlight = 'idle';
  }
  const elapsed = performance.now() - started;
  if (elapsed > (slowest.at(-1)?.ms ?? 0) || slowest.length < 5) {
    slowest.push({ ms: elapsed, label: c.label });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, 5);
  }
  const code =
    (observed.errors[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code ??
    (observed.status ? `HTTP ${observed.status}` : 'none');
  const outcome = `${c.label}: ${observed.errors.length ? code : 'ok'}`;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  const request = describeRequest(c);
  const violations = check(request, observed);
  if (violations.length === 0) return;
  const answer = `${observed.status !== undefined ? `HTTP ${observed.status} ` : ''}${observed.closeCode !== undefined ? `close ${observed.closeCode} ` : ''}${observed.text.slice(0, 600)}`;
  if (COLLECT) {
    const example = fc.stringify(c);
    const byClass = new Map(violations.map((v) => [classOf(c.label, v, observed), v]));
    for (const [key, v] of byClass) {
      if (key === null) continue;
      const seen = collected.get(key);
      if (!seen || example.length < seen.example.length)
        collected.set(key, { example, violation: v, answer, count: (seen?.count ?? 0) + 1 });
      else seen.count += 1;
    }
    return;
  }
  throw new Error(`${violations.map((v) => `[${v.kind}] ${v.detail}`).join('\n')}\nanswer: ${answer}`);
}

function reportCollected(property: string): void {
  const lines = [...collected.entries()].map(
    ([key, { example, violation, answer, count }]) =>
      `\n## ${key}  (${count} cases)\n${violation.detail}\nrequest: ${example.slice(0, 1500)}\nanswer: ${answer}`,
  );
  collected.clear();
  if (lines.length) throw new Error(`${property}: ${lines.length} failure classes${lines.join('\n')}`);
}

const describeHttp = (c: HttpCase | RawHttpCase): string =>
  'request' in c
    ? renderText(c.request)
    : `${JSON.stringify(c)}\n${c.body && 'json' in c.body ? JSON.stringify(materialize(c.body.json)) : c.body ? renderText(c.body.text) : ''}`;
const describeWs = (c: WsCase): string => `${JSON.stringify(c)}\n${renderText(c.payload.query)}`;
const describeRawWs = (c: RawWsCase): string =>
  JSON.stringify(
    c.frames.map((f) => ('text' in f ? renderText(f.text) : 'subscribe' in f ? materialize(f.subscribe.payload) : f)),
  ) + JSON.stringify(c);

async function assertProperty<C>(
  name: string,
  arbitrary: fc.Arbitrary<C>,
  predicate: (c: C) => Promise<void>,
  numRuns: number,
  seedOffset: number,
): Promise<void> {
  await fc.assert(fc.asyncProperty(arbitrary, predicate), {
    numRuns,
    seed: SEED + seedOffset,
    plugins: [
      fc.timeout(REQUEST_TIMEOUT_MS * 3),
      // Shrinking a slow counterexample must not outlive the test: report what was found by then.
      fc.interruptAfterTimeLimit(timeoutFor(numRuns) - 15_000, { failOnInterrupt: true }),
    ],
  });
  if (COLLECT) reportCollected(name);
}

// ---------------------------------------------------------------------------------------------
// /healthz, pinged throughout

/** CPU time this process has used, in ms (all threads). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * A slow ping during which this process used less CPU than this share of the wall time was
 * starved by other processes on the machine, not blocked by the hub (a blocked event loop keeps
 * its thread busy): reported, but not held against the budget.
 */
const STARVED_BELOW = 0.35;

/**
 * An external prober's view of /healthz: a ping is due every HEALTH_INTERVAL_MS and its latency
 * counts from when it was due, so a blocked event loop (the hub shares this process) shows up as
 * latency even though no ping could be sent meanwhile.
 */
const health = {
  timer: null as NodeJS.Timeout | null,
  startedAt: 0,
  lastTick: 0,
  lastCpu: 0,
  samples: 0,
  failures: [] as string[],
  slowest: [] as { ms: number; at: number; during: string; cpuShare: number }[],
  start() {
    this.startedAt = this.lastTick = performance.now();
    this.lastCpu = cpuMs();
    this.timer = setInterval(() => this.tick(), HEALTH_INTERVAL_MS);
  },
  tick() {
    const now = performance.now();
    const due = Math.min(now, this.lastTick + HEALTH_INTERVAL_MS);
    const since = { wall: this.lastTick, cpu: this.lastCpu };
    this.lastTick = now;
    this.lastCpu = cpuMs();
    void this.ping(due, since, inFlight);
  },
  async ping(due: number, since: { wall: number; cpu: number }, during: string) {
    try {
      const res = await send('GET', '/healthz', {});
      if (res.status !== 200) this.failures.push(`HTTP ${res.status} during ${during}`);
    } catch (error) {
      this.failures.push(`${(error as Error).message} (${(error as { code?: string }).code}) during ${during}`);
    } finally {
      const end = performance.now();
      const ms = end - due;
      const cpuShare = (cpuMs() - since.cpu) / Math.max(1, end - since.wall);
      if (due - this.startedAt > HEALTH_WARMUP_MS) {
        this.samples += 1;
        this.slowest.push({ ms, at: Math.round(due - this.startedAt), during, cpuShare });
        this.slowest.sort((a, b) => b.ms - a.ms);
        this.slowest.length = Math.min(this.slowest.length, 12);
      }
    }
  },
  /** The slowest ping not explained by CPU starvation. */
  worst(): number {
    return this.slowest.find((s) => s.cpuShare >= STARVED_BELOW)?.ms ?? 0;
  },
  stop() {
    if (this.timer) clearInterval(this.timer);
  },
};

// ---------------------------------------------------------------------------------------------

async function collectSeeds(h: TestHub): Promise<FuzzSeeds> {
  // Some inbox content, so cursors and ids point at real rows.
  for (const i of [3, 10, 17]) await submit(h, i).catch(() => undefined);
  const reads: [string, string][] = [
    [
      'hub.manager',
      '{ organisations { id odsCode } hubServices { id } hubTeams { id } appointmentBooks { id } plugins { id } writeBackAgreements { id } }',
    ],
    ['hub.manager', '{ freeSlots(first: 5) { edges { cursor node { id } } } }'],
    ['hub.anp1', '{ inbox(organisation: "Y99000", first: 5) { edges { cursor node { id } } } }'],
    ['p1.gp', '{ inbox(organisation: "Y99011", first: 5) { edges { cursor node { id } } } }'],
    ['p1.gp', '{ patients(first: 5) { edges { cursor node { id nhsNumber } } } }'],
    ['hub.manager', '{ auditEvents(first: 3) { edges { cursor node { id } } } }'],
    ['hub.manager', '{ referrals(first: 3) { edges { cursor node { id } } } }'],
    ['hub.manager', '{ prescriptions(first: 3) { edges { cursor node { id } } } }'],
  ];
  const ids = new Set<string>();
  const cursors = new Set<string>();
  const ods = new Set<string>(['Y99000', 'U99001', ...DEMO.practices.map((p) => p.odsCode)]);
  const nhs = new Set<string>();
  for (const [user, query] of reads) {
    const text = JSON.stringify(await h.gql(query, {}, user).catch(() => ({})));
    for (const m of text.matchAll(/"id":"([^"]+)"/g)) ids.add(m[1]!);
    for (const m of text.matchAll(/"cursor":"([^"]+)"/g)) cursors.add(m[1]!);
    for (const m of text.matchAll(/"odsCode":"([^"]+)"/g)) ods.add(m[1]!);
    for (const m of text.matchAll(/"nhsNumber":"([^"]+)"/g)) nhs.add(m[1]!);
  }
  // A plugin enabled by the hub and by practice Y99011: with two, a call must name one in x-pcn-hub-organisation.
  const plugin = await registerPlugin(h, {}, ['hub.manager', 'p1.admin']).catch(() => null);
  pluginKeys = plugin ? [plugin.key] : [];
  const usernames = [
    'hub.manager',
    'hub.anp1',
    'hub.coord1',
    'p1.gp',
    'p1.admin',
    'p5.gp',
    'pcn.analyst',
    'oc.supplier',
  ];
  return {
    usernames,
    homes: Object.fromEntries(usernames.map((u) => [u, demoClaims(u).org])),
    pluginKeys,
    pluginOrganisations: ['Y99000', 'Y99011'],
    odsCodes: [...ods],
    globalIds: [...ids].slice(0, 60),
    cursors: [...cursors].slice(0, 30),
    nhsNumbers: [...nhs].slice(0, 10),
  };
}

describe('fuzz: the hub under hostile input [pglite]', () => {
  beforeAll(async () => {
    const started = await startTestHub('pglite', {
      // Fuzzing reaches the resolvers only if the throttles let it; they have suites of their own.
      RATE_LIMIT_AUTH_FAILURES: '0',
      RATE_LIMIT_KEY_FAILURES: '0',
      RATE_LIMIT_REQUESTS: '0',
      // No outbound calls to the URLs the fuzzer registers.
      WRITE_BACK_WORKER: 'false',
      PLUGIN_WEBHOOK_WORKER: 'false',
    });
    hub = running = started;
    wsUrl = hub.app.url.replace(/^http/, 'ws');
    const seeds = await collectSeeds(hub);
    arbs = createFuzzArbitraries(loadHubSchema(), seeds, {
      maxFragmentLevels: SKIP_STALL ? 10 : 40,
      bodyBytes: hub.config.limits.bodyBytes,
    });
    health.start();
  });

  afterAll(async () => {
    health.stop();
    if (COLLECT)
      console.log(
        [...outcomes.entries()]
          .sort()
          .map(([k, n]) => `${k} ${n}`)
          .join('\n'),
      );
    console.log(
      `fuzz: ${TOTAL_CASES} cases, seed ${SEED}; slowest exchanges: ${slowest.map((s) => `${s.label} ${Math.round(s.ms)} ms`).join(', ')}`,
    );
    await running?.stop();
  });

  const httpSchemaRuns = runs(SHARE.httpSchema);
  it(
    `HTTP: ${httpSchemaRuns} schema-derived operations with random arguments and callers`,
    async () => {
      await assertProperty(
        'HTTP schema-derived',
        arbs.httpSchemaCase,
        (c) => runCase(c, sendHttp, describeHttp),
        httpSchemaRuns,
        0,
      );
    },
    timeoutFor(httpSchemaRuns),
  );

  const httpHostileRuns = runs(SHARE.httpHostile);
  it(
    `HTTP: ${httpHostileRuns} hostile documents, bodies, transports and headers`,
    async () => {
      await assertProperty(
        'HTTP hostile',
        arbs.httpHostileCase,
        (c) => ('request' in c ? runCase(c, sendRawHttp, describeHttp) : runCase(c, sendHttp, describeHttp)),
        httpHostileRuns,
        1,
      );
    },
    timeoutFor(httpHostileRuns),
  );

  const wsRuns = runs(SHARE.ws);
  it(
    `graphql-ws: ${wsRuns} schema-derived and hostile operations`,
    async () => {
      await assertProperty('graphql-ws operations', arbs.wsCase, (c) => runCase(c, sendWs, describeWs), wsRuns, 2);
    },
    timeoutFor(wsRuns),
  );

  const rawWsRuns = runs(SHARE.rawWs);
  it(
    `graphql-ws: ${rawWsRuns} raw protocol conversations`,
    async () => {
      await assertProperty('graphql-ws raw', arbs.rawWsCase, (c) => runCase(c, sendRawWs, describeRawWs), rawWsRuns, 3);
    },
    timeoutFor(rawWsRuns),
  );

  it(`/healthz answered within ${HEALTH_BUDGET_MS} ms throughout`, async () => {
    // A few last pings (counted even within the warm-up), so a short run still measures something.
    health.startedAt = Math.min(health.startedAt, performance.now() - HEALTH_WARMUP_MS - 1);
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, HEALTH_INTERVAL_MS * 1.5));
    health.stop();
    const worst = health.slowest
      .map(
        (s) =>
          `${s.ms.toFixed(1)} ms at +${s.at} ms during ${s.during} (process CPU ${Math.round(s.cpuShare * 100)}% of the time${s.cpuShare < STARVED_BELOW && s.ms >= HEALTH_BUDGET_MS ? ': starved by the machine, not counted' : ''})`,
      )
      .join('\n');
    console.log(`/healthz: ${health.samples} pings; slowest:\n${worst}`);
    expect(health.failures, 'failed /healthz pings').toEqual([]);
    expect(health.samples, 'no /healthz samples taken').toBeGreaterThan(0);
    expect(health.worst(), `slowest /healthz answers (of ${health.samples}):\n${worst}`).toBeLessThan(HEALTH_BUDGET_MS);
  });
});
