/**
 * The NHSMESH Authorization header (docs/domain/national-interfaces.md#mesh-authentication):
 * `NHSMESH <MAILBOX>:<nonce>:<nonce_count>:<yyyyMMddHHmm>:<hmac>` where hmac is the hex
 * HMAC-SHA256, keyed with the environment's shared secret, of
 * `mailbox:nonce:nonce_count:password:timestamp`.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/** The authorisation scheme name. */
export const MESH_AUTH_SCHEME = 'NHSMESH';

/**
 * How far a header timestamp may be from the server's clock (2 hours,
 * docs/domain/national-interfaces.md#mesh-authentication).
 */
export const MESH_AUTH_MAX_SKEW_MS = 2 * 60 * 60 * 1000;

/** A clock; injectable so tests can move time. */
export type MeshClock = () => Date;

/** Formats a time as the header's `yyyyMMddHHmm`, in UTC. */
export function meshTimestamp(at: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    p(at.getUTCFullYear(), 4) +
    p(at.getUTCMonth() + 1) +
    p(at.getUTCDate()) +
    p(at.getUTCHours()) +
    p(at.getUTCMinutes())
  );
}

/** Parses a `yyyyMMddHHmm` UTC timestamp; null when malformed. */
export function parseMeshTimestamp(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi));
  // Reject values Date.UTC silently rolls over (month 13, minute 61).
  return meshTimestamp(at) === value ? at : null;
}

/** The hex HMAC-SHA256 of `mailbox:nonce:nonce_count:password:timestamp` keyed with the shared secret. */
export function meshHmac(input: {
  sharedSecret: string;
  mailboxId: string;
  nonce: string;
  nonceCount: number | string;
  password: string;
  timestamp: string;
}): string {
  const message = [input.mailboxId, input.nonce, String(input.nonceCount), input.password, input.timestamp].join(':');
  return createHmac('sha256', input.sharedSecret).update(message, 'utf8').digest('hex');
}

/** Credentials for building the header. */
export interface MeshCredentials {
  /** Mailbox id; upper-cased in the header. */
  mailboxId: string;
  /** The mailbox password. */
  password: string;
  /** The environment's shared secret (HMAC key). */
  sharedSecret: string;
}

/** Builds one header value. `nonce` defaults to a random UUID, `nonceCount` to 0, `now` to the current time. */
export function buildMeshAuthorization(
  credentials: MeshCredentials,
  options: { now?: Date; nonce?: string; nonceCount?: number } = {},
): string {
  const mailboxId = credentials.mailboxId.toUpperCase();
  const nonce = options.nonce ?? randomUUID();
  const nonceCount = options.nonceCount ?? 0;
  const timestamp = meshTimestamp(options.now ?? new Date());
  const hmac = meshHmac({ ...credentials, mailboxId, nonce, nonceCount, timestamp });
  return `${MESH_AUTH_SCHEME} ${mailboxId}:${nonce}:${nonceCount}:${timestamp}:${hmac}`;
}

/**
 * Makes a fresh header per request. Each call uses a new nonce (a UUID), so no two requests share
 * a nonce and count even within the same minute.
 */
export class MeshAuthorizer {
  private readonly clock: MeshClock;

  constructor(
    private readonly credentials: MeshCredentials,
    clock?: MeshClock,
  ) {
    this.clock = clock ?? (() => new Date());
  }

  /** The header value for the next request. */
  next(): string {
    return buildMeshAuthorization(this.credentials, { now: this.clock() });
  }
}

/** The parts of a parsed header. */
export interface MeshAuthorizationParts {
  mailboxId: string;
  nonce: string;
  nonceCount: string;
  timestamp: string;
  hmac: string;
}

/** Splits a header value into its parts; null when it is not a well-formed NHSMESH header. */
export function parseMeshAuthorization(header: string | undefined): MeshAuthorizationParts | null {
  if (header === undefined) return null;
  const trimmed = header.trim();
  const prefix = `${MESH_AUTH_SCHEME} `;
  if (trimmed.slice(0, prefix.length).toUpperCase() !== prefix) return null;
  const parts = trimmed.slice(prefix.length).split(':');
  if (parts.length !== 5) return null;
  const [mailboxId, nonce, nonceCount, timestamp, hmac] = parts as [string, string, string, string, string];
  if (mailboxId === '' || /\s/.test(mailboxId) || nonce === '' || !/^\d+$/.test(nonceCount)) return null;
  if (!/^[0-9a-fA-F]{64}$/.test(hmac)) return null;
  return { mailboxId, nonce, nonceCount, timestamp, hmac: hmac.toLowerCase() };
}

/** Why a header was rejected. */
export type MeshAuthRejection =
  'MALFORMED' | 'UNKNOWN_MAILBOX' | 'MAILBOX_MISMATCH' | 'STALE_TIMESTAMP' | 'BAD_HMAC' | 'REPLAYED_NONCE';

/** Outcome of {@link MeshAuthVerifier.verify}. */
export type MeshAuthVerdict = { ok: true; mailboxId: string } | { ok: false; reason: MeshAuthRejection };

/** Options of {@link MeshAuthVerifier}. */
export interface MeshAuthVerifierOptions {
  /** The environment's shared secret. */
  sharedSecret: string;
  /** The password of a mailbox (upper-case id), or undefined when the mailbox does not exist. */
  passwordFor: (mailboxId: string) => string | undefined;
  /** Server clock. */
  clock?: MeshClock;
  /** Allowed distance between header timestamp and clock; default 2 hours. */
  maxSkewMs?: number;
}

/**
 * The server side: checks a header's shape, mailbox, timestamp window, HMAC (timing-safe) and that
 * its nonce and count were not used before for that mailbox. A nonce is only remembered once a
 * header passed every other check, so a forged header cannot burn a legitimate client's nonce.
 */
export class MeshAuthVerifier {
  private readonly used = new Map<string, number>();
  private lastPrune = 0;
  private readonly clock: MeshClock;
  private readonly maxSkewMs: number;

  constructor(private readonly options: MeshAuthVerifierOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.maxSkewMs = options.maxSkewMs ?? MESH_AUTH_MAX_SKEW_MS;
  }

  /** Verifies a header; `expectedMailbox` is the mailbox in the request path, when there is one. */
  verify(header: string | undefined, expectedMailbox?: string): MeshAuthVerdict {
    const parts = parseMeshAuthorization(header);
    if (!parts) return { ok: false, reason: 'MALFORMED' };
    const mailboxId = parts.mailboxId.toUpperCase();
    if (expectedMailbox !== undefined && mailboxId !== expectedMailbox.toUpperCase()) {
      return { ok: false, reason: 'MAILBOX_MISMATCH' };
    }
    const password = this.options.passwordFor(mailboxId);
    if (password === undefined) return { ok: false, reason: 'UNKNOWN_MAILBOX' };
    const at = parseMeshTimestamp(parts.timestamp);
    const now = this.clock().getTime();
    if (!at || Math.abs(now - at.getTime()) > this.maxSkewMs) return { ok: false, reason: 'STALE_TIMESTAMP' };
    const expected = meshHmac({
      ...parts,
      mailboxId: parts.mailboxId,
      sharedSecret: this.options.sharedSecret,
      password,
    });
    if (!timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(parts.hmac, 'hex'))) {
      return { ok: false, reason: 'BAD_HMAC' };
    }
    this.prune(now);
    const key = `${mailboxId}:${parts.nonce}:${parts.nonceCount}`;
    if (this.used.has(key)) return { ok: false, reason: 'REPLAYED_NONCE' };
    // Remember until the header's timestamp leaves the window; after that it fails as stale anyway.
    this.used.set(key, at.getTime() + this.maxSkewMs + 60_000);
    return { ok: true, mailboxId };
  }

  private prune(now: number): void {
    // At most once a minute of clock time: the set is only needed to bound memory.
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    for (const [key, until] of this.used) if (until < now) this.used.delete(key);
  }
}
