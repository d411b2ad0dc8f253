import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebAppHandler } from '../../../api/src/platform/http/web-app.js';
import { startTestHub, type TestHub } from '../../../api/src/test/harness.js';
import { submit } from '../../../api/src/modules/inbox/inbox.testkit.js';
import { launch, newPage, originOf, WEB_DIST } from './browser.testkit.js';

/** The hub serving the built app: caching, CSP, client routes, the development token endpoint. */
describe('the hub serves the web app', () => {
  let hub: TestHub & { stop(): Promise<void> };
  let origin: string;

  beforeAll(async () => {
    hub = await startTestHub('pglite', { WEB_DIST_DIR: WEB_DIST });
    origin = originOf(hub.app.url);
  });
  afterAll(async () => {
    await hub.stop();
  });

  it('serves index.html uncached with a strict CSP, and hashed assets for a year', async () => {
    const res = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<script>|<style>/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${origin}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${origin}/assets/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/nope.js`)).status).toBe(404);
  });

  it('answers client routes with index.html, and leaves the API paths alone', async () => {
    const route = await fetch(`${origin}/consultations/abc?x=1`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    expect((await fetch(`${origin}/consultations/abc`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await fetch(`${origin}/missing.png`, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await fetch(`${origin}/healthz`, { headers: { accept: 'text/html' } })).status).toBe(200);
    const explorer = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(await explorer.text()).toContain('<div id="explorer">');
    expect(explorer.headers.get('content-security-policy')).toContain("script-src 'self';");
  });

  it('mints a demo token in development, which the API accepts', async () => {
    const res = await fetch(`${origin}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'hub.anp1' }),
    });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const viewer = await hub.gql<{ viewer: { organisation: { odsCode: string } } }>(
      '{ viewer { organisation { odsCode } } }',
      {},
      { token },
    );
    expect(viewer.data?.viewer.organisation.odsCode).toBe('Y99000');
    const unknown = await fetch(`${origin}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"user":"nobody"}',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'user' } }] });
  });

  it('in production: no demo tokens, no explorer unless GRAPHQL_EXPLORER=true, pages marked', async () => {
    const serve = async (explorer: boolean) => {
      const handler = createWebAppHandler({
        distDir: WEB_DIST,
        locate: false,
        production: true,
        explorer,
        mintDemoToken: async () => 'never',
      });
      const server: Server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/graphql' && handler.explorer(req, res)) return;
        if (!handler.handle(req, res, url)) res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      return { server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
    };
    const off = await serve(false);
    const token = await fetch(`${off.base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"user":"hub.anp1"}',
    });
    expect(token.status).toBe(403);
    expect(await token.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect((await fetch(`${off.base}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect(await (await fetch(`${off.base}/`, { headers: { accept: 'text/html' } })).text()).toContain(
      'data-demo="off"',
    );
    off.server.close();
    const on = await serve(true);
    const page = await fetch(`${on.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="explorer">');
    on.server.close();
  });
});

/** The GraphQL explorer (GraphiQL built into the hub's assets) at GET /graphql, offline. */
describe('GraphQL explorer in the browser', () => {
  let hub: TestHub & { stop(): Promise<void> };
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startTestHub('pglite', { WEB_DIST_DIR: WEB_DIST }), launch()]);
    origin = originOf(hub.app.url);
  });

  afterAll(async () => {
    await browser.close();
    await hub.stop();
  });

  it('loads with no request leaving the machine, shows the docs, runs a query and a live subscription', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const { page, problems } = await newPage(context);
    page.on('websocket', (ws) => requests.push(ws.url()));

    await page.goto(`${origin}/graphql`);
    await page.locator('.graphiql-container').waitFor();

    // Development: sign in as a demo user, which fills the Authorization header.
    await page.getByLabel('Sign in as a demo user (development only)').selectOption('hub.anp1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as hub.anp1').waitFor();

    // The docs explorer, from introspection.
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();

    // Run the default query (viewer): its answer names the hub.
    await page.locator('.graphiql-query-editor').getByText('organisation').first().waitFor();
    await page.getByRole('button', { name: /Execute query/i }).click();
    await page
      .locator('.graphiql-response')
      .getByText(/Y99000/)
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`no answer; the response pane shows: ${await page.locator('.graphiql-response').innerText()}`, {
          cause: error,
        });
      });

    // A subscription over graphql-ws: an arrival appears in the response pane. The subscription is
    // put in GraphiQL's stored query and the page reloaded (typing into the editor races its parser
    // on a loaded machine); the sign-in's headers are stored too.
    const SUBSCRIPTION =
      'subscription { inboxEvents(organisation: "Y99000") { __typename ... on InboxEvent { seq type } } }';
    await page.evaluate((query) => {
      localStorage.removeItem('graphiql:tabState');
      localStorage.setItem('graphiql:query', query);
    }, SUBSCRIPTION);
    await page.reload();
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-query-editor').getByText('inboxEvents').first().waitFor();
    const subscribed = new Promise<void>((resolve) => {
      page.on('websocket', (ws) =>
        ws.on(
          'framesent',
          (frame) => typeof frame.payload === 'string' && frame.payload.includes('"subscribe"') && resolve(),
        ),
      );
    });
    await page.getByRole('button', { name: /Execute query/i }).click();
    await Promise.race([subscribed, new Promise((r) => setTimeout(r, 5000))]);
    // The hub starts the stream once it has checked the caller; arrivals keep coming until one shows.
    for (
      let i = 0;
      i < 20 &&
      !(await page
        .locator('.graphiql-response')
        .getByText(/CONSULTATION_ARRIVED/)
        .count());
      i++
    ) {
      await new Promise((r) => setTimeout(r, 500));
      await submit(hub, 3 + i);
    }
    await page
      .locator('.graphiql-response')
      .getByText(/CONSULTATION_ARRIVED/)
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(
          `no live arrival; the response pane shows: ${await page.locator('.graphiql-response').innerText()}`,
          {
            cause: error,
          },
        );
      });

    const outside = requests.filter(
      (u) =>
        !u.startsWith(origin) &&
        !u.startsWith(origin.replace('http:', 'ws:')) &&
        !u.startsWith('data:') &&
        !u.startsWith('blob:'),
    );
    expect(outside).toEqual([]);
    expect(requests.some((u) => u.startsWith(origin.replace('http:', 'ws:')))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
