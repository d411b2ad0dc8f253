import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { codeOf, startTestHub, TEST_JWT_SECRET, type TestHub } from '../test/harness.js';
import { doubledSpreads, RawSocket, wsCodes } from './security.testkit.js';

type Hub = TestHub & { stop(): Promise<void> };

async function post(hub: TestHub, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(hub.app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] },
  };
}

async function signed(claims: Record<string, unknown>, iat: number, exp: number): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('hub.manager')
    .setIssuer('pcn-hub-dev')
    .setAudience('pcn-hub')
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

describe('hardening: one hub in test mode', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startTestHub('pglite', { WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '2', WS_MAX_SOCKETS_PER_PRINCIPAL: '2' });
  });
  afterAll(async () => hub.stop());

  it('refuses doubled fragment spreads at 20, 30 and 40 levels quickly, over HTTP and graphql-ws, anonymous or not', async () => {
    const token = await hub.token('hub.manager');
    for (const levels of [20, 30, 40]) {
      for (const auth of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
        // The fastest of three: an exponential walk is slow every time, a busy machine only sometimes.
        let fastest = Infinity;
        for (let attempt = 0; attempt < 3; attempt += 1) {
          const started = performance.now();
          const answer = await post(hub, { query: doubledSpreads(levels) }, auth);
          fastest = Math.min(fastest, performance.now() - started);
          expect(answer.status).toBe(400);
          expect(answer.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
        }
        expect(fastest, `${levels} levels over HTTP took ${fastest} ms`).toBeLessThan(50);
      }
      const socket = new RawSocket(hub.app.url);
      expect(await socket.connect({ authorization: token })).toBe(true);
      let fastest = Infinity;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const started = performance.now();
        const outcome = await socket.request(`${levels}-${attempt}`, doubledSpreads(levels));
        fastest = Math.min(fastest, performance.now() - started);
        expect(wsCodes(outcome)).toEqual(['QUERY_TOO_COMPLEX']);
      }
      expect(fastest, `${levels} levels over graphql-ws took ${fastest} ms`).toBeLessThan(50);
      socket.close();
    }
  });

  it('refuses documents that would make graphql-js validation quadratic, before validating them', async () => {
    const fanout = (n: number) =>
      `{ ...A } fragment A on Query { ${Array.from({ length: n }, (_, i) => `...B${i}`).join(' ')} } ${Array.from({ length: n }, (_, i) => `fragment B${i} on Query { viewer { id } }`).join(' ')}`;
    const sameName = (n: number) => `{ ${'o: viewer { id } '.repeat(n)}}`;
    for (const [query, limit] of [
      [fanout(60), 'spreadsPerSelection'],
      [fanout(120), 'fragments'],
      [sameName(300), 'sameNamePerSelection'],
    ] as const) {
      let fastest = Infinity;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const started = performance.now();
        const answer = await post(hub, { query });
        fastest = Math.min(fastest, performance.now() - started);
        expect(answer.status).toBe(400);
        expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
      }
      expect(fastest).toBeLessThan(50);
    }
    // An ordinary document with a handful of fragments still validates and runs.
    const ok = await post(
      hub,
      { query: '{ ...V } fragment V on Query { viewer { id } }' },
      { authorization: `Bearer ${await hub.token('hub.anp1')}` },
    );
    expect(ok.body.errors).toBeUndefined();
  });

  it('measures cost with the page size sent as a variable', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: patients(first: $n) { edges { node { id } } }`).join(
      ' ',
    );
    const query = `query ($n: Int) { ${aliases} }`;
    const refused = await post(
      hub,
      { query, variables: { n: 200 } },
      { authorization: `Bearer ${await hub.token('hub.manager')}` },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const socket = new RawSocket(hub.app.url);
    await socket.connect({ authorization: await hub.token('hub.manager') });
    expect(wsCodes(await socket.request('1', query, { n: 200 }))).toEqual(['QUERY_TOO_COMPLEX']);
    socket.close();
  });

  it('refuses a token issued in the future, and one issued longer ago than the lifetime cap', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { org: 'Y99000', roles: ['HUB_MANAGER'] };
    const future = await signed(claims, now + 3600, now + 7200);
    expect(codeOf(await hub.gql('{ viewer { id } }', {}, { token: future }))).toBe('UNAUTHENTICATED');
    const old = await signed(claims, now - 50_000, now + 3600);
    expect(codeOf(await hub.gql('{ viewer { id } }', {}, { token: old }))).toBe('UNAUTHENTICATED');
    const fine = await signed(claims, now - 30, now + 3600);
    expect(codeOf(await hub.gql('{ viewer { id } }', {}, { token: fine }))).toBeUndefined();
  });

  it('answers client mistakes with typed 4xx errors', async () => {
    const token = await hub.token('hub.manager');
    const auth = { authorization: `Bearer ${token}` };
    const sub = await post(hub, { query: 'subscription { inboxEvents(organisation: "Y99000") { __typename } }' }, auth);
    expect(sub.status).toBe(400);
    expect(sub.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(sub.body.errors?.[0]?.message).toMatch(/graphql-ws/);

    const longOrg = await post(
      hub,
      { query: '{ viewer { id } }' },
      { ...auth, 'x-pcn-hub-organisation': 'Y'.repeat(40) },
    );
    expect(longOrg.status).toBe(400);
    expect(longOrg.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'x-pcn-hub-organisation',
    });
  });

  it('refuses forged cursors, control characters and a persisted-query hash that does not match, with typed 4xx', async () => {
    const token = await hub.token('hub.manager');
    const auth = { authorization: `Bearer ${token}` };
    const forged = Buffer.from(JSON.stringify(['c1', 'x', 'y', 'not-a-uuid'])).toString('base64url');
    for (const query of [
      'query ($a: String) { patients(first: 5, after: $a) { edges { node { id } } } }',
      'query ($a: String) { auditEvents(first: 5, after: $a) { edges { node { id } } } }',
    ]) {
      const answer = await post(hub, { query, variables: { a: forged } }, auth);
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    const nul = await post(
      hub,
      {
        query: 'query ($q: String) { patients(first: 5, search: $q) { edges { node { id } } } }',
        variables: { q: 'ab\u0000c' },
      },
      auth,
    );
    expect(nul.status).toBe(400);
    expect(nul.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'q' });
    const literal = await post(
      hub,
      { query: '{ patients(first: 5, search: "ab\\u0001c") { edges { node { id } } } }' },
      auth,
    );
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    const apq = await post(
      hub,
      { query: '{ viewer { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
      auth,
    );
    expect(apq.status).toBe(400);
    expect(apq.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    const unknown = await post(
      hub,
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } },
      auth,
    );
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('answers the findings of the fuzz suite with typed 4xx: an unparsable path, an unknown operation, too many variable errors', async () => {
    const { request } = await import('node:http');
    const url = new URL(hub.app.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: '//', method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    expect((await fetch(hub.app.url.replace('/graphql', '/healthz'))).status).toBe(200);
    const unknown = await post(hub, { query: 'query A { __typename }', operationName: 'B' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'operationName' });
    const token = await hub.token('hub.anp1');
    const many = await post(
      hub,
      {
        query: 'query ($f: InboxFilter) { inbox(organisation: "Y99000", filter: $f) { pageInfo { hasNextPage } } }',
        variables: { f: { urgencies: Array(51).fill(null) } },
      },
      { authorization: `Bearer ${token}` },
    );
    expect(many.body.errors?.length).toBeGreaterThan(0);
    expect(many.body.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
  });

  it('over graphql-ws: variable and operation mistakes are BAD_USER_INPUT, a server-only message closes 4400', async () => {
    const socket = new RawSocket(hub.app.url);
    await socket.connect({ authorization: await hub.token('hub.anp1') });
    const coercion = await socket.request(
      '1',
      'subscription ($v: String) { writeBackEvents(after: $v, organisation: "Y99000") { __typename } }',
      { v: false },
    );
    expect(wsCodes(coercion)).toEqual(['BAD_USER_INPUT']);
    expect(wsCodes(await socket.request('2', 'query Q0 { __typename } query Q1 { __typename }'))).toEqual([
      'BAD_USER_INPUT',
    ]);
    socket.send(JSON.stringify({ type: 'connection_ack' }));
    expect(await socket.closed()).toBe(4400);
  });

  it('gives parse and validation errors their GraphQL codes over graphql-ws', async () => {
    const socket = new RawSocket(hub.app.url);
    await socket.connect({ authorization: await hub.token('hub.manager') });
    expect(wsCodes(await socket.request('1', '{ viewer { id '))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(wsCodes(await socket.request('2', '{ noSuchField }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    socket.close();
  });

  it('caps operations per socket and sockets per principal', async () => {
    const token = await hub.token('hub.anp1');
    const query = 'subscription { inboxEvents(organisation: "Y99000") { __typename } }';
    const socket = new RawSocket(hub.app.url);
    await socket.connect({ authorization: token });
    socket.send(JSON.stringify({ type: 'subscribe', id: 'a', payload: { query } }));
    socket.send(JSON.stringify({ type: 'subscribe', id: 'b', payload: { query } }));
    expect(wsCodes(await socket.request('c', query))).toEqual(['RATE_LIMITED']);

    const second = new RawSocket(hub.app.url);
    expect(await second.connect({ authorization: token })).toBe(true);
    const third = new RawSocket(hub.app.url);
    expect(await third.connect({ authorization: token })).toBe(false);
    expect(third.closeCode).toBe(4429);
    socket.close();
    second.close();
  });

  it('honours a plain incoming request id and replaces a malformed one', async () => {
    const kept = await fetch(hub.app.url.replace('/graphql', '/healthz'), {
      headers: { 'x-request-id': 'client-req-0001' },
    });
    expect(kept.headers.get('x-request-id')).toBe('client-req-0001');
    const replaced = await fetch(hub.app.url.replace('/graphql', '/healthz'), {
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers with the HTML page: a CSP with hashes only, nosniff, no framing', async () => {
    const res = await fetch(hub.app.url, { headers: { accept: 'text/html' } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const allowed = await fetch(hub.app.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await fetch(hub.app.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.status).toBe(403);
    const socket = new RawSocket(hub.app.url, { origin: 'http://evil.example' });
    expect(await socket.connect({ authorization: await hub.token('hub.manager') })).toBe(false);
  });
});

describe('hardening: throttling', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startTestHub('pglite', {
      RATE_LIMIT_AUTH_FAILURES: '5',
      RATE_LIMIT_KEY_FAILURES: '3',
      RATE_LIMIT_REQUESTS: '8',
    });
  });
  afterAll(async () => hub.stop());

  it('answers 429 RATE_LIMITED with Retry-After after repeated failed authentication, and audits a sample', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | null = null;
    for (let i = 0; i < 20; i += 1) {
      last = await post(
        hub,
        { query: '{ viewer { id } }' },
        { authorization: `Bearer pcnhub_${'a'.repeat(8)}${i}_secret${i}` },
      );
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toEqual(Array(14).fill(429));
    expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(last!.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const rows = await hub.sql<{ n: number }>(
      "select count(*)::int as n from audit_event where action = 'authenticate' and outcome = 'DENIED'",
    );
    // The first failure of the window and the one that reached the limit: never one row per attempt.
    expect(rows[0]!.n).toBe(2);
    const withRequestId = await hub.sql<{ n: number }>(
      "select count(*)::int as n from audit_event where action = 'authenticate' and request_id is not null",
    );
    expect(withRequestId[0]!.n).toBe(2);
  });

  it('lets a valid token through from an address that failed too often (staff share addresses)', async () => {
    expect(
      (await post(hub, { query: '{ viewer { id } }' }, { authorization: `Bearer ${await hub.token('p3.gp')}` })).status,
    ).toBe(200);
    const forged = await post(hub, { query: '{ viewer { id } }' }, { authorization: 'Bearer a.b.c' });
    expect(forged.status).toBe(429);
  });

  it('limits requests per principal', async () => {
    const token = await hub.token('p2.gp');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1)
      statuses.push((await post(hub, { query: '{ viewer { id } }' }, { authorization: `Bearer ${token}` })).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses.slice(8)).toEqual([429, 429]);
  });
});

describe('hardening: production mode', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startTestHub('pglite', { NODE_ENV: 'production' });
  });
  afterAll(async () => hub.stop());

  it('refuses introspection and hides suggestions on both doors', async () => {
    const token = await hub.token('hub.manager');
    const http = await post(hub, { query: '{ __schema { types { name } } }' }, { authorization: `Bearer ${token}` });
    expect(http.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const socket = new RawSocket(hub.app.url);
    await socket.connect({ authorization: token });
    const outcome = await socket.request('1', '{ __schema { types { name } } }');
    expect(wsCodes(outcome).length).toBeGreaterThan(0);
    expect(new Set(wsCodes(outcome))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    const typo = await socket.request('2', '{ viewr { id } }');
    expect(JSON.stringify(typo.messages)).not.toMatch(/Did you mean/);
    socket.close();
  });

  it('refuses introspection anonymously over graphql-ws too', async () => {
    const socket = new RawSocket(hub.app.url);
    expect(await socket.connect({})).toBe(false);
    expect(socket.closeCode).toBe(4401);
  });
});
