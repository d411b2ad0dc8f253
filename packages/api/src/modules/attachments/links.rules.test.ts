import { describe, expect, it } from 'vitest';
import { attachmentIdOfPath, signLink, verifyLink, type LinkClaims } from './links.rules.js';

const SECRET = new TextEncoder().encode('s'.repeat(32));
const ID = '01900000-0000-7000-8000-00000000000a';
const NOW = new Date('2026-12-03T12:00:00Z');
const claims: LinkClaims = {
  attachmentId: ID,
  expiresAt: NOW.getTime() / 1000 + 300,
  actorKind: 'USER',
  actorId: 'hub.anp1',
  organisationOds: 'Y99000',
  forScan: false,
};
const linkOf = (path: string) => new URL(path, 'http://hub').searchParams.get('link');

describe('attachment download links', () => {
  it('round-trips the claims of a link for its own path only', () => {
    const path = signLink(SECRET, claims);
    expect(attachmentIdOfPath(new URL(path, 'http://hub').pathname)).toBe(ID);
    expect(verifyLink(SECRET, ID, linkOf(path), NOW)).toEqual(claims);
    expect(verifyLink(SECRET, ID.replace('a', 'b'), linkOf(path), NOW)).toBe('FORGED');
  });

  it('refuses a link signed with another secret, altered, truncated or missing as FORGED, and a late one as EXPIRED', () => {
    const link = linkOf(signLink(SECRET, claims))!;
    expect(verifyLink(new TextEncoder().encode('t'.repeat(32)), ID, link, NOW)).toBe('FORGED');
    const [payload, signature] = link.split('.');
    const altered = Buffer.from(
      JSON.stringify([ID, claims.expiresAt + 3600, 'USER', 'hub.anp1', 'Y99000', 1]),
    ).toString('base64url');
    expect(verifyLink(SECRET, ID, `${altered}.${signature}`, NOW)).toBe('FORGED');
    expect(verifyLink(SECRET, ID, payload!, NOW)).toBe('FORGED');
    expect(verifyLink(SECRET, ID, null, NOW)).toBe('FORGED');
    expect(verifyLink(SECRET, ID, `${link}.x`, NOW)).toBe('FORGED');
    // The same signature bytes written another way (the unused low bits of the last character).
    const last = signature!.at(-1)!;
    const variant = `${payload}.${signature!.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) ^ 1)}`;
    expect(verifyLink(SECRET, ID, variant, NOW)).toBe('FORGED');
    expect(verifyLink(SECRET, ID, link, new Date(NOW.getTime() + 300_000))).toBe('EXPIRED');
  });

  it('answers null for paths that are not a download', () => {
    expect(attachmentIdOfPath('/attachments/consultations/x/0')).toBeNull();
    expect(attachmentIdOfPath('/graphql')).toBeNull();
  });
});
