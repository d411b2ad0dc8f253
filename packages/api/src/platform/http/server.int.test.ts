import { expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { codeOf, describeEachDatabase, startTestHub } from '../../test/harness.js';

describeEachDatabase('HTTP server', (hub) => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(hub().app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers /healthz and /readyz', async () => {
    const base = hub().app.url.replace('/graphql', '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('serves a self-contained landing page to browsers', async () => {
    const res = await fetch(hub().app.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('pcn-hub GraphQL API');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
  });

  it('answers malformed JSON with 400 and a GraphQL error body', async () => {
    const res = await post('{"query": "{ viewer { id } }"');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers an oversize body with 413 and a GraphQL error body', async () => {
    const res = await post(JSON.stringify({ query: `{ viewer { id } } #${'x'.repeat(1_100_000)}` }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('blocks simple (CSRF-able) requests and batching', async () => {
    const csrf = await fetch(`${hub().app.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(csrf.status).toBe(400);
    const batch = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(batch.status).toBe(400);
  });

  it('applies depth, alias and token limits', async () => {
    const deep = `{ viewer { organisation { pcn { pcn { pcn { pcn { pcn { pcn { pcn { pcn { pcn { pcn { odsCode } } } } } } } } } } } } }`;
    const res = await hub().gql(deep, {}, 'hub.manager');
    expect(codeOf(res)).toBe('QUERY_TOO_COMPLEX');
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
    expect(codeOf(await hub().gql(aliases, {}, 'hub.manager'))).toBe('QUERY_TOO_COMPLEX');
    const tokens = `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`;
    const tokenRes = await hub().gql(tokens, {}, 'hub.manager');
    expect(tokenRes.status).toBe(400);
    expect(tokenRes.errors?.[0]?.message).toMatch(/more th(at|an) 2000 tokens/i);
  });

  it('hides nothing it should show: a validation error names the problem without a stack trace', async () => {
    const res = await hub().gql('{ viewer { nope } }', {}, 'hub.manager');
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res)).not.toContain('stacktrace');
  });

  it('refuses a WebSocket without a valid token with close code 4401', async () => {
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(hub().app.url.replace('http', 'ws'), 'graphql-transport-ws');
      ws.on('open', () =>
        ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer forged.token.here' } })),
      );
      ws.on('close', (c) => resolve(c));
    });
    expect(code).toBe(4401);
  });

  it('applies the same limits to WebSocket operations', async () => {
    const token = await hub().token('hub.manager');
    const messages = await new Promise<{ type: string; payload?: { extensions?: { code?: string } }[] }[]>(
      (resolve) => {
        const seen: { type: string; payload?: { extensions?: { code?: string } }[] }[] = [];
        const ws = new WebSocket(hub().app.url.replace('http', 'ws'), 'graphql-transport-ws');
        ws.on('open', () =>
          ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
        );
        ws.on('message', (data) => {
          const msg = JSON.parse((data as Buffer).toString('utf8')) as {
            type: string;
            payload?: { extensions?: { code?: string } }[];
          };
          seen.push(msg);
          if (msg.type === 'connection_ack') {
            const query = `query { ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
            ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
          }
          if (msg.type === 'error' || msg.type === 'complete') ws.close();
        });
        ws.on('close', () => resolve(seen));
      },
    );
    const error = messages.find((m) => m.type === 'error');
    expect(error?.payload?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

it('reports not ready while migrations are pending, and stops cleanly', async () => {
  const hub = await startTestHub('pglite', { MIGRATE_ON_START: 'false', SEED_ON_START: 'false' });
  try {
    const base = hub.app.url.replace('/graphql', '');
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  } finally {
    await hub.stop();
  }
  await expect(fetch(hub.app.url.replace('/graphql', '/healthz'))).rejects.toThrow();
});

it('drains on stop: open WebSockets are closed as going away and the port is released', async () => {
  const hub = await startTestHub('pglite');
  const token = await hub.token('hub.manager');
  const ws = new WebSocket(hub.app.url.replace('http', 'ws'), 'graphql-transport-ws');
  await new Promise<void>((resolve) => {
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    ws.on('message', (data) => {
      if ((JSON.parse((data as Buffer).toString('utf8')) as { type: string }).type === 'connection_ack') resolve();
    });
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await hub.stop();
  expect(await closed).toBe(1001);
  await expect(fetch(hub.app.url.replace('/graphql', '/healthz'))).rejects.toThrow();
});
