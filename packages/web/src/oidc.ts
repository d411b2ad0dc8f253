/**
 * Single sign-on: OpenID Connect authorisation code flow with PKCE (S256), as a public client (no
 * secret), against the provider the hub trusts. The hub tells the app its settings at run time
 * (GET /config.json); the app discovers the provider, redirects with `code_challenge` and `state`,
 * and on return exchanges the code at the token endpoint. The access token is the hub's bearer
 * token (the hub verifies it through JWT_JWKS_URL); a refresh token, when the provider offers one,
 * renews it before it expires.
 */
import { saveSession, type Session } from './session';

export interface RuntimeConfig {
  readonly oidc: { readonly issuer: string; readonly clientId: string } | null;
  readonly demoSignIn: boolean;
}

interface Discovery {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly scopes_supported?: readonly string[];
}

interface TokenResponse {
  readonly access_token?: string;
  readonly refresh_token?: string;
  readonly expires_in?: number;
  readonly error?: string;
  readonly error_description?: string;
}

/** The pending sign-in of this tab, between the redirect to the provider and the return. */
interface Pending {
  readonly state: string;
  readonly verifier: string;
  readonly returnTo: string;
  readonly tokenEndpoint: string;
  readonly clientId: string;
}

const PENDING = 'pcn-hub.oidc-pending';

let runtime: Promise<RuntimeConfig> | null = null;

/** The hub's sign-in settings (cached for the page's life). */
export function runtimeConfig(): Promise<RuntimeConfig> {
  runtime ??= fetch('/config.json', { headers: { accept: 'application/json' } })
    .then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as RuntimeConfig;
    })
    .catch(() => {
      runtime = null;
      // An older hub without /config.json: the page's own marker says whether demo sign-in works.
      return { oidc: null, demoSignIn: document.documentElement.dataset.demo !== 'off' };
    });
  return runtime;
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function discover(issuer: string): Promise<Discovery> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new Error('The sign-in service cannot be reached. Try again in a moment.');
  }
  if (!res.ok) throw new Error(`The sign-in service answered HTTP ${res.status}. Try again in a moment.`);
  const doc = (await res.json()) as Discovery;
  if (doc.issuer !== issuer || !doc.authorization_endpoint || !doc.token_endpoint) {
    throw new Error('The sign-in service is not set up as this hub expects (issuer mismatch).');
  }
  return doc;
}

/** Where the provider sends the user back: the hub's own `/`. */
function redirectUri(): string {
  return new URL('/', window.location.origin).toString();
}

/** Starts single sign-on: remembers state and verifier for this tab, then leaves for the provider. */
export async function startOidcSignIn(oidc: NonNullable<RuntimeConfig['oidc']>, returnTo = '/'): Promise<void> {
  const doc = await discover(oidc.issuer);
  const verifier = randomString(48);
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const state = randomString(24);
  const pending: Pending = { state, verifier, returnTo, tokenEndpoint: doc.token_endpoint, clientId: oidc.clientId };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const scopes = ['openid'];
  if (doc.scopes_supported?.includes('offline_access')) scopes.push('offline_access');
  const url = new URL(doc.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: scopes.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** True when this page load is the provider sending the user back (code or error, with state). */
export function isOidcCallback(): boolean {
  const params = new URLSearchParams(window.location.search);
  return params.has('state') && (params.has('code') || params.has('error')) && sessionStorage.getItem(PENDING) !== null;
}

async function tokenRequest(endpoint: string, body: Record<string, string>): Promise<TokenResponse> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(body).toString(),
    });
  } catch {
    throw new Error('The sign-in service cannot be reached. Try again in a moment.');
  }
  const json = (await res.json().catch(() => ({}))) as TokenResponse;
  if (!res.ok || !json.access_token) {
    throw new Error(
      `The sign-in service refused the sign-in${json.error_description ? `: ${json.error_description}` : json.error ? ` (${json.error})` : ''}.`,
    );
  }
  return json;
}

function sessionFrom(
  json: TokenResponse,
  pending: Pick<Pending, 'tokenEndpoint' | 'clientId'>,
  user?: string,
): Session {
  const token = json.access_token!;
  const fallbackExpiry = typeof json.expires_in === 'number' ? Date.now() + json.expires_in * 1000 : null;
  return saveSession(token, user ?? subjectOf(token) ?? 'signed in', {
    fallbackExpiry,
    refresh: json.refresh_token
      ? { token: json.refresh_token, endpoint: pending.tokenEndpoint, clientId: pending.clientId }
      : null,
  });
}

function subjectOf(token: string): string | null {
  try {
    const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

let completing: Promise<{ session: Session; returnTo: string }> | null = null;

/** Finishes single sign-on on return from the provider: checks `state`, exchanges the code (once). */
export function completeOidcSignIn(): Promise<{ session: Session; returnTo: string }> {
  completing ??= (async () => {
    const params = new URLSearchParams(window.location.search);
    const raw = sessionStorage.getItem(PENDING);
    sessionStorage.removeItem(PENDING);
    // The code is single-use and must not stay in the address bar or history.
    window.history.replaceState(null, '', '/');
    const pending = raw ? (JSON.parse(raw) as Pending) : null;
    if (!pending || params.get('state') !== pending.state) {
      throw new Error(
        'The sign-in could not be completed (it was started in another tab or has expired). Sign in again.',
      );
    }
    const error = params.get('error');
    if (error) {
      const description = params.get('error_description');
      throw new Error(
        error === 'access_denied'
          ? 'Sign-in was cancelled.'
          : `The sign-in service refused the sign-in${description ? `: ${description}` : ` (${error})`}.`,
      );
    }
    const json = await tokenRequest(pending.tokenEndpoint, {
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    });
    return { session: sessionFrom(json, pending), returnTo: pending.returnTo };
  })();
  return completing;
}

/** Renews an expiring single sign-on session with its refresh token. */
export async function refreshSession(session: Session): Promise<Session> {
  const refresh = session.refresh;
  if (!refresh) throw new Error('Your session has expired. Sign in again.');
  const json = await tokenRequest(refresh.endpoint, {
    grant_type: 'refresh_token',
    refresh_token: refresh.token,
    client_id: refresh.clientId,
  });
  // A provider that rotates refresh tokens sends a new one; otherwise the old one stays valid.
  return sessionFrom(
    { ...json, refresh_token: json.refresh_token ?? refresh.token },
    { tokenEndpoint: refresh.endpoint, clientId: refresh.clientId },
    session.user,
  );
}
