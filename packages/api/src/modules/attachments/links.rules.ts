import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, short-lived download links (docs/domain/workflows.md#attachments). A link names one
 * attachment, who asked for it (for the audit row of the fetch), whether it is a scanner's link
 * (which may fetch a file still PENDING_SCAN) and when it expires; an HMAC-SHA256 under the
 * server's secret covers all of it, so the route trusts nothing else the client sends.
 */
export interface LinkClaims {
  /** Attachment id (uuid). */
  readonly attachmentId: string;
  /** Expiry, Unix seconds. */
  readonly expiresAt: number;
  readonly actorKind: 'USER' | 'INTEGRATION' | 'PLUGIN';
  readonly actorId: string;
  readonly organisationOds: string;
  /** A scanner plugin's link: may fetch before release. */
  readonly forScan: boolean;
}

/** Why a presented link is refused: FORGED (403) or EXPIRED (410). */
export type LinkRefusal = 'FORGED' | 'EXPIRED';

const PATH = '/attachments/';
const KINDS = new Set(['USER', 'INTEGRATION', 'PLUGIN']);

function mac(secret: Uint8Array, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** The path and query of a link (relative to the hub's origin). */
export function signLink(secret: Uint8Array, claims: LinkClaims): string {
  const payload = Buffer.from(
    JSON.stringify([
      claims.attachmentId,
      claims.expiresAt,
      claims.actorKind,
      claims.actorId,
      claims.organisationOds,
      claims.forScan ? 1 : 0,
    ]),
  ).toString('base64url');
  return `${PATH}${claims.attachmentId}?link=${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The attachment id a download path names, or null when the path is not one. */
export function attachmentIdOfPath(pathname: string): string | null {
  if (!pathname.startsWith(PATH)) return null;
  const id = pathname.slice(PATH.length);
  return /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

/**
 * The claims of a presented link, or why it is refused: a bad signature, a link for another
 * attachment than the path names, or anything malformed is FORGED; a good one past expiry EXPIRED.
 */
export function verifyLink(
  secret: Uint8Array,
  pathId: string,
  link: string | null,
  now: Date,
): LinkClaims | LinkRefusal {
  const [payload, signature, extra] = (link ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return 'FORGED';
  // The exact text of the signature: a variant encoding of the same bytes is not the link issued.
  const expected = Buffer.from(mac(secret, payload).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'FORGED';
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'FORGED';
  }
  if (!Array.isArray(parsed) || parsed.length !== 6) return 'FORGED';
  const [attachmentId, expiresAt, actorKind, actorId, organisationOds, forScan] = parsed as unknown[];
  if (attachmentId !== pathId || typeof expiresAt !== 'number' || !KINDS.has(actorKind as string)) return 'FORGED';
  if (typeof actorId !== 'string' || typeof organisationOds !== 'string') return 'FORGED';
  if (expiresAt * 1000 <= now.getTime()) return 'EXPIRED';
  return {
    attachmentId,
    expiresAt,
    actorKind: actorKind as LinkClaims['actorKind'],
    actorId,
    organisationOds,
    forScan: forScan === 1,
  };
}
