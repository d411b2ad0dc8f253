import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../api/src/test/harness.js';
import { launch, newPage, originOf, seriousViolations, WEB_DIST } from './browser.testkit.js';

const CLIENT_ID = 'smart-inbox';
const AUDIENCE = 'pcn-hub';
/** Short, so that the suite sees the app renew it with the refresh token (halfway through). */
const ACCESS_TOKEN_TTL_SECONDS = 12;
/** The resource indicator of the hub at the provider: access tokens for it are JWTs for the hub's audience. */
const RESOURCE = 'urn:pcn-hub:api';

/**
 * Single sign-on in a real browser: a real OpenID Connect provider (`oidc-provider`, development
 * interactions) in this process, a hub that trusts it (JWT_JWKS_URL, JWT_ISSUER) and tells the app
 * about it (OIDC_ISSUER, OIDC_CLIENT_ID); the app runs the authorisation code flow with PKCE and
 * calls the hub with the access token the provider issued.
 */
describe('OpenID Connect sign-in in the browser', () => {
  let hub: TestHub & { stop(): Promise<void> };
  let browser: Browser;
  let idp: Server;
  let issuer: string;
  let origin: string;
  let signedIn: Page;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The provider's address first (the hub must know it), its configuration once the hub's is known.
    let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
    idp = createServer((req, res) => {
      if (handler) handler(req, res);
      else res.writeHead(503).end();
    });
    await new Promise<void>((done) => idp.listen(0, '127.0.0.1', done));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    [hub, browser] = await Promise.all([
      startTestHub('pglite', {
        WEB_DIST_DIR: WEB_DIST,
        JWT_JWKS_URL: `${issuer}/jwks`,
        JWT_ISSUER: issuer,
        JWT_AUDIENCE: AUDIENCE,
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
      }),
      launch(),
    ]);
    origin = originOf(hub.app.url);
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          token_endpoint_auth_method: 'none',
          redirect_uris: [`${origin}/`],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
        },
      ],
      pkce: { required: () => true },
      // Refresh tokens for the public client without the offline_access consent dance.
      issueRefreshToken: () => true,
      clientBasedCORS: (_ctx: unknown, requestOrigin: string) => requestOrigin === origin,
      ttl: {
        AccessToken: ACCESS_TOKEN_TTL_SECONDS,
        IdToken: 600,
        Interaction: 600,
        Session: 3600,
        Grant: 3600,
        RefreshToken: 3600,
        AuthorizationCode: 60,
      },
      cookies: { keys: ['oidc-test-cookie-key-not-secret'] },
      scopes: ['openid', 'offline_access'],
      features: {
        devInteractions: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => RESOURCE,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({
            scope: 'openid',
            audience: AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
      findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
      extraTokenClaims: () => ({ org: 'Y99000', roles: ['HUB_CLINICIAN'] }),
    });
    handler = provider.callback();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser.close();
    await hub.stop();
    await new Promise((done) => idp.close(done));
  });

  it('tells the app how to sign in and lets it reach the provider under the strict CSP', async () => {
    const res = await fetch(`${origin}/config.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ oidc: { issuer, clientId: CLIENT_ID }, demoSignIn: expect.any(Boolean) });
    const page = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${issuer}`);
  });

  it('signs in with the authorisation code flow and PKCE, then queries the hub with the issued token', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const { page, problems } = await newPage(context);
    const authorize: URL[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`${issuer}/auth`)) authorize.push(new URL(r.url()));
    });

    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    // The provider's development login, then its consent: form posts from the browser.
    await page.locator('input[name="login"]').fill('hub.oidc');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('navigation', { name: 'Folders' }).waitFor();
    await page.locator('[data-live="live"]').waitFor();
    expect(page.url()).toBe(`${origin}/`); // the code and state left the address bar

    const params = authorize[0]!.searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(params.get('client_id')).toBe(CLIENT_ID);
    expect(params.get('redirect_uri')).toBe(`${origin}/`);

    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('pcn-hub.session') ?? '{}') as { token?: string }).token,
    );
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      iss: issuer,
      aud: AUDIENCE,
      sub: 'hub.oidc',
      org: 'Y99000',
      roles: ['HUB_CLINICIAN'],
    });

    const viewer = await hub.gql<{ viewer: { id: string; roles: string[]; organisation: { odsCode: string } } }>(
      'query { viewer { id roles organisation { odsCode } } }',
      {},
      { token: token! },
    );
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data!.viewer).toEqual({
      id: 'hub.oidc',
      roles: ['HUB_CLINICIAN'],
      organisation: { odsCode: 'Y99000' },
    });
    await expect.poll(() => page.locator('.who').textContent()).toContain('hub.oidc');
    expect(problems).toEqual([]);
    signedIn = page;
  });

  it('renews the access token with the refresh token before it expires, staying on the page', async () => {
    const page = signedIn;
    const read = () =>
      page.evaluate(() => (JSON.parse(sessionStorage.getItem('pcn-hub.session') ?? '{}') as { token?: string }).token);
    const first = await read();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await expect.poll(read, { timeout: ACCESS_TOKEN_TTL_SECONDS * 1000, interval: 250 }).not.toBe(first);
    const renewed = (await read())!;
    const viewer = await hub.gql<{ viewer: { id: string } }>('query { viewer { id } }', {}, { token: renewed });
    expect(viewer.data?.viewer.id).toBe('hub.oidc');
    // Same document, still signed in, still live.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await page.getByRole('navigation', { name: 'Folders' }).waitFor();
    expect(page.url()).toBe(`${origin}/`);
  });

  it('an expired token without a refresh token sends the user back to sign in with a message', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const { page } = await newPage(context);
    await page.goto(`${origin}/`);
    // A session whose token expired a moment ago (as if the tab had been left open).
    await page.evaluate(() => {
      const body = btoa(JSON.stringify({ sub: 'hub.oidc', exp: Math.floor(Date.now() / 1000) + 1 }))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
      const token = `e30.${body}.sig`;
      sessionStorage.setItem(
        'pcn-hub.session',
        JSON.stringify({ token, user: 'hub.oidc', expiresAt: Date.now() + 1000, refresh: null }),
      );
    });
    await page.reload();
    await page.getByText('Your session has expired. Sign in again.').waitFor();
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
