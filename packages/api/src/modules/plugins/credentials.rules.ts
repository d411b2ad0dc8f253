import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_KEY_PREFIX } from './plugins.codes.js';

/** A freshly minted key: the full key is shown once; only its id and hash are stored. */
export interface MintedKey {
  readonly id: string;
  readonly key: string;
  readonly secretHash: string;
}

const KEY = /^pcnhub_([0-9a-f]{24})_([A-Za-z0-9_-]{43})$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** `pcnhub_<24 hex id>_<43 base64url secret>` (32 random bytes of secret). */
export function mintApiKey(): MintedKey {
  const id = randomBytes(12).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, key: `${API_KEY_PREFIX}${id}_${secret}`, secretHash: hashSecret(secret) };
}

/** Splits a presented key, or null when it is not shaped like one. */
export function parseApiKey(presented: string): { id: string; secret: string } | null {
  const match = KEY.exec(presented);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export function isApiKey(presented: string): boolean {
  return presented.startsWith(API_KEY_PREFIX);
}
