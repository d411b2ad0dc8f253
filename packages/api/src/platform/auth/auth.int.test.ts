import { SignJWT } from 'jose';
import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase, TEST_JWT_SECRET } from '../../test/harness.js';

const VIEWER = '{ viewer { id } }';
const secret = new TextEncoder().encode(TEST_JWT_SECRET);

function jwt(
  claims: Record<string, unknown>,
  opts: { key?: Uint8Array; iss?: string; aud?: string; exp?: number; iat?: number } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('hub.manager')
    .setIssuer(opts.iss ?? 'pcn-hub-dev')
    .setAudience(opts.aud ?? 'pcn-hub')
    .setIssuedAt(opts.iat ?? now)
    .setExpirationTime(opts.exp ?? now + 600)
    .sign(opts.key ?? secret);
}

const managerClaims = { org: 'Y99000', roles: ['HUB_MANAGER'] };

describeEachDatabase('authentication and authorisation', (hub) => {
  it('accepts a valid token', async () => {
    const res = await hub().gql(VIEWER, {}, { token: await jwt(managerClaims) });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ viewer: { id: 'hub.manager' } });
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    const res = await hub().gql(VIEWER);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  const now = Math.floor(Date.now() / 1000);
  it.each([
    ['expired', () => jwt(managerClaims, { iat: now - 7200, exp: now - 3600 })],
    [
      'forged (wrong key)',
      () => jwt(managerClaims, { key: new TextEncoder().encode('another-secret-another-secret-0123456789') }),
    ],
    ['wrong issuer', () => jwt(managerClaims, { iss: 'someone-else' })],
    ['wrong audience', () => jwt(managerClaims, { aud: 'other-api' })],
    ['unknown organisation', () => jwt({ org: 'Y11111', roles: ['HUB_MANAGER'] })],
    ['roles that do not fit the organisation', () => jwt({ org: 'Y99011', roles: ['HUB_MANAGER'] })],
    ['unknown role', () => jwt({ org: 'Y99000', roles: ['SUPERUSER'] })],
    ['no roles', () => jwt({ org: 'Y99000', roles: [] })],
    ['lifetime longer than allowed', () => jwt(managerClaims, { exp: now + 365 * 24 * 3600 })],
    ['garbage', async () => 'not.a.token'],
  ])('refuses a token that is %s with HTTP 401 UNAUTHENTICATED', async (_name, make) => {
    const res = await hub().gql(VIEWER, {}, { token: await make() });
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it('refuses a malformed Authorization header', async () => {
    const res = await fetch(hub().app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('answers FORBIDDEN for a role without the right, and audits the denial', async () => {
    const res = await hub().gql(
      'mutation { addPractice(input: { odsCode: "Y99020", name: "Denied Surgery" }) { practice { odsCode } } }',
      {},
      'hub.anp1',
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
    const rows = await hub().sql<{ outcome: string; action: string; actor_id: string }>(
      "select outcome, action, actor_id from audit_event where action = 'Mutation.addPractice' and actor_id = 'hub.anp1'",
    );
    expect(rows).toEqual([{ outcome: 'DENIED', action: 'Mutation.addPractice', actor_id: 'hub.anp1' }]);
    expect(await hub().sql("select 1 from organisation where ods_code = 'Y99020'")).toEqual([]);
  });

  it('keeps PCN analysts away from patient data', async () => {
    const res = await hub().gql('{ patients(first: 1) { edges { node { nhsNumber } } } }', {}, 'pcn.analyst');
    expect(codeOf(res)).toBe('FORBIDDEN');
  });
});
