import type { Em } from '../db/orm.js';
import { HubError } from '../errors.js';
import type { Actor } from './actor.js';
import { ROLE_ORGANISATION_KINDS, type Role } from './roles.js';
import type { TokenVerifier } from './tokens.js';

/** What authentication needs to know about a token's organisation. */
export interface OrganisationFacts {
  readonly id: string;
  readonly kind: 'PCN' | 'HUB' | 'PRACTICE';
  readonly pcnId: string;
  readonly odsCode: string;
}

export type FindOrganisation = (em: Em, odsCode: string) => Promise<OrganisationFacts | null>;

/** What a caller sends besides its credential: which organisation a plugin acts for, and for whom. */
export interface CallerHints {
  readonly organisation?: string | null;
  readonly onBehalfOf?: string | null;
  /** The request's id, for audit rows written while authenticating. */
  readonly requestId?: string;
}

/** Authenticates an API key (the plugins module provides it; the platform knows no plugin tables). */
export type ApiKeyAuthenticator = {
  /** True when the bearer credential is an API key rather than a token. */
  readonly recognises: (credential: string) => boolean;
  readonly authenticate: (em: Em, credential: string, hints: CallerHints) => Promise<Actor>;
};

/** A token subject's staff account (null: none, e.g. an identity provider's user without a staff row). */
export type FindAccount = (
  username: string,
) => Promise<{ readonly active: boolean; readonly roles: readonly Role[] } | null>;

const CACHE_MS = 30_000;

function unauthenticated(message: string): HubError {
  return new HubError('UNAUTHENTICATED', message, { http: { status: 401 } });
}

/**
 * Turns an Authorization header into an actor. No header: null (anonymous; every field then
 * answers UNAUTHENTICATED). A header that is malformed, expired, forged, or names an unknown
 * organisation or roles that do not fit it: UNAUTHENTICATED for the whole request.
 */
export function createAuthenticator(
  verifier: TokenVerifier,
  findOrganisation: FindOrganisation,
  apiKeys?: ApiKeyAuthenticator,
  findAccount?: FindAccount,
) {
  const cache = new Map<string, { facts: OrganisationFacts | null; until: number }>();

  async function organisation(em: () => Em, odsCode: string): Promise<OrganisationFacts | null> {
    const hit = cache.get(odsCode);
    if (hit && hit.until > Date.now()) return hit.facts;
    const facts = await findOrganisation(em(), odsCode);
    cache.set(odsCode, { facts, until: Date.now() + CACHE_MS });
    return facts;
  }

  async function fromToken(token: string, em: () => Em): Promise<Actor> {
    const claims = await verifier.verify(token);
    const org = await organisation(em, claims.org);
    if (!org) throw unauthenticated('Token organisation is not known');
    const misfit = claims.roles.find((role) => !ROLE_ORGANISATION_KINDS[role].includes(org.kind));
    if (misfit) throw unauthenticated('Token roles do not fit its organisation');
    // Read on every request: a deactivated account is refused at once, and a token keeps only the
    // roles its account still holds (a subject without a staff row keeps the token's roles).
    const account = findAccount ? await findAccount(claims.sub) : null;
    if (account && !account.active) throw unauthenticated('Account is deactivated');
    const roles = account ? claims.roles.filter((role) => account.roles.includes(role)) : claims.roles;
    if (roles.length === 0) throw unauthenticated('Token roles are no longer held by the account');
    return {
      kind: roles.length === 1 && roles[0] === 'INTEGRATION' ? 'INTEGRATION' : 'USER',
      id: claims.sub,
      roles: new Set(roles),
      organisationId: org.id,
      organisationOds: org.odsCode,
      organisationKind: org.kind,
      pcnId: org.pcnId,
      expiresAt: claims.exp ? new Date(claims.exp * 1000) : null,
    };
  }

  /** `em` is called only when a read needs one (a token's organisation is usually cached). */
  async function fromHeader(header: string | undefined, em: () => Em, hints: CallerHints = {}): Promise<Actor | null> {
    if (header === undefined || header === '') return null;
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header.trim());
    if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
    const credential = match[1]!;
    if (apiKeys?.recognises(credential)) return apiKeys.authenticate(em(), credential, hints);
    return fromToken(credential, em);
  }

  return {
    fromHeader,
    fromToken,
    isApiKey: (credential: string) => apiKeys?.recognises(credential) ?? false,
    clearCache: () => cache.clear(),
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
