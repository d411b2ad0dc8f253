/** The signed-in user's token, kept for this browser tab only (sessionStorage). */

export interface Session {
  readonly token: string;
  /** Demo username or the token's subject. */
  readonly user: string;
  /** Expiry, epoch milliseconds (from the token's `exp`); null when the token has none. */
  readonly expiresAt: number | null;
  /** Single sign-on with a refresh token: how to renew the access token before it expires. */
  readonly refresh?: { readonly token: string; readonly endpoint: string; readonly clientId: string } | null;
}

const KEY = 'pcn-hub.session';
const NOTICE = 'pcn-hub.sign-in-notice';

/** A JWT's claims, unverified (the hub verifies every request): only hints for the screen. */
function claims(token: string): { exp?: unknown; org?: unknown } {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown; org?: unknown };
  } catch {
    return {};
  }
}

/** The `exp` of a JWT in milliseconds. */
export function tokenExpiry(token: string): number | null {
  const { exp } = claims(token);
  return typeof exp === 'number' ? exp * 1000 : null;
}

/** The organisation (ODS code) a JWT names, so the inbox loads alongside the viewer query. */
export function tokenOrganisation(token: string): string | null {
  const { org } = claims(token);
  return typeof org === 'string' ? org : null;
}

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (typeof session.token !== 'string') return null;
    // An expired single sign-on session with a refresh token is renewed by the app, not dropped.
    if (session.expiresAt !== null && session.expiresAt <= Date.now() && !session.refresh) {
      clearSession('Your session has expired. Sign in again.');
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

/** The stored token as it is now (renewals replace it), for each request and (re)connection. */
export function currentToken(): string {
  try {
    const token = (JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as { token?: unknown }).token;
    return typeof token === 'string' ? token : '';
  } catch {
    return '';
  }
}

export function saveSession(
  token: string,
  user: string,
  extra: { fallbackExpiry?: number | null; refresh?: Session['refresh'] } = {},
): Session {
  const session: Session = {
    token,
    user,
    expiresAt: tokenExpiry(token) ?? extra.fallbackExpiry ?? null,
    refresh: extra.refresh ?? null,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  sessionStorage.removeItem(NOTICE);
  return session;
}

/** Forgets the token; `notice` is shown on the sign-in screen (why the user is there). */
export function clearSession(notice?: string): void {
  sessionStorage.removeItem(KEY);
  if (notice) sessionStorage.setItem(NOTICE, notice);
}

export function takeNotice(): string | null {
  return sessionStorage.getItem(NOTICE);
}

/** Asks the hub (development only) for a demo user's token. */
export async function demoSignIn(user: string): Promise<Session> {
  const res = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  const body = (await res.json().catch(() => ({}))) as { token?: string; errors?: { message: string }[] };
  if (!res.ok || !body.token) throw new Error(body.errors?.[0]?.message ?? `Sign-in failed (HTTP ${res.status})`);
  return saveSession(body.token, user);
}

/** Demo users of the seeded PCN, for the development sign-in. */
export const DEMO_USERS: readonly { username: string; label: string }[] = [
  { username: 'hub.anp1', label: 'Sam Carter — hub ANP (Y99000)' },
  { username: 'hub.anp2', label: 'Jo Patel — hub ANP (Y99000)' },
  { username: 'hub.manager', label: 'Alex Manager — hub manager (Y99000)' },
  { username: 'hub.coord1', label: 'Taylor Reed — hub care co-ordinator (Y99000)' },
  { username: 'p1.gp', label: 'GP at practice Y99011' },
  { username: 'p1.admin', label: 'Admin at practice Y99011' },
  { username: 'p2.gp', label: 'GP at practice Y99012' },
];
