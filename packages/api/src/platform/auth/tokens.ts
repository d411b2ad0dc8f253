import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LRUCache } from 'lru-cache';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Config } from '../config.js';
import { HubError } from '../errors.js';
import { isRole, type Role } from './roles.js';

/** The claims pcn-hub reads from a token. */
export interface HubClaims {
  readonly sub: string;
  /** ODS code of the actor's organisation. */
  readonly org: string;
  readonly roles: readonly Role[];
  /** Expiry, seconds since the epoch. */
  readonly exp?: number;
  /** Issued at, seconds since the epoch. */
  readonly iat?: number;
}

/** How many verified tokens are remembered (least recently used go first): about 1 KB each. */
const VERIFIED_TOKENS_CACHED = 10_000;

/** Verifies bearer tokens against the configured issuer, audience and key. */
export interface TokenVerifier {
  verify(token: string): Promise<HubClaims>;
  /** Present only with a symmetric key (development or JWT_SECRET): used by `pnpm demo-token` and tests. */
  readonly sign?: (claims: HubClaims, ttlSeconds?: number) => Promise<string>;
  readonly development: boolean;
}

function unauthenticated(message: string): HubError {
  return new HubError('UNAUTHENTICATED', message, { http: { status: 401 } });
}

/** Reads the development key, creating it (mode 0600) on first use; in-memory when there is no file. */
export function loadDevelopmentKey(keyFile: string | null): Uint8Array {
  if (!keyFile) return new Uint8Array(randomBytes(32));
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
  }
  return new Uint8Array(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex'));
}

function toClaims(payload: JWTPayload): HubClaims {
  const { sub, org, roles } = payload as JWTPayload & { org?: unknown; roles?: unknown };
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 100)
    throw unauthenticated('Token has no valid subject');
  if (typeof org !== 'string' || !/^[A-Z0-9]{3,12}$/.test(org))
    throw unauthenticated('Token has no valid organisation');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw unauthenticated('Token has no valid roles');
  }
  return { sub, org, roles, exp: payload.exp, iat: payload.iat };
}

/** Builds the verifier for the configured key; development keys are refused in production by config. */
export function createTokenVerifier(jwt: Config['jwt']): TokenVerifier {
  const { issuer, audience, maxTokenLifetimeSeconds, clockSkewSeconds } = jwt;
  let secret: Uint8Array | null = null;
  let jwks: ReturnType<typeof createRemoteJWKSet> | null = null;
  switch (jwt.key.kind) {
    case 'hs256':
      secret = jwt.key.secret;
      break;
    case 'development':
      secret = loadDevelopmentKey(jwt.key.keyFile);
      break;
    case 'jwks':
      jwks = createRemoteJWKSet(jwt.key.url);
      break;
    default: {
      const never: never = jwt.key;
      throw new Error(`unknown key kind ${String(never)}`);
    }
  }

  // Verified tokens, for their remaining lifetime: a client sends the same token on every request,
  // and checking its signature again proves nothing new. Refusals are never cached; what a token
  // opens (its organisation, the account) is still checked on every request by the caller.
  const verified = new LRUCache<string, { claims: HubClaims; until: number }>({ max: VERIFIED_TOKENS_CACHED });

  async function verify(token: string): Promise<HubClaims> {
    const known = verified.get(token);
    if (known && Date.now() < known.until) return known.claims;
    const claims = await verifyOnce(token);
    // Until it expires, or its lifetime cap from `iat` runs out, whichever is first (as jose checks).
    const until = (Math.min(claims.exp ?? 0, (claims.iat ?? 0) + maxTokenLifetimeSeconds) + clockSkewSeconds) * 1000;
    if (until > Date.now()) verified.set(token, { claims, until });
    return claims;
  }

  async function verifyOnce(token: string): Promise<HubClaims> {
    try {
      // maxTokenAge applies the lifetime cap from `iat` too: an old token with a far `exp` is refused.
      const options = {
        issuer,
        audience,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: clockSkewSeconds,
        maxTokenAge: maxTokenLifetimeSeconds,
      };
      const { payload } = secret
        ? await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })
        : await jwtVerify(token, jwks!, { ...options, algorithms: ['RS256', 'ES256', 'PS256'] });
      if ((payload.iat ?? 0) > Date.now() / 1000 + clockSkewSeconds)
        throw unauthenticated('Token is issued in the future');
      if ((payload.exp ?? 0) - (payload.iat ?? 0) > maxTokenLifetimeSeconds) {
        throw unauthenticated('Token lifetime is longer than allowed');
      }
      return toClaims(payload);
    } catch (error) {
      if (error instanceof HubError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('Token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed)
        throw unauthenticated('Token claims are not valid here');
      throw unauthenticated('Token is not valid');
    }
  }

  const sign = secret
    ? async (claims: HubClaims, ttlSeconds = 8 * 3600): Promise<string> =>
        new SignJWT({ org: claims.org, roles: [...claims.roles] })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject(claims.sub)
          .setIssuer(issuer)
          .setAudience(audience)
          .setIssuedAt()
          .setExpirationTime(`${ttlSeconds}s`)
          .sign(secret)
    : undefined;

  return { verify, sign, development: jwt.key.kind === 'development' };
}
