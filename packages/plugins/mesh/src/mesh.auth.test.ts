import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MeshAuthVerifier,
  buildMeshAuthorization,
  meshTimestamp,
  parseMeshAuthorization,
  parseMeshTimestamp,
} from './mesh.auth.js';

const creds = { mailboxId: 'x26abc1', password: 'password', sharedSecret: 'BackBone' };
const at = new Date(Date.UTC(2026, 10, 24, 9, 5, 30));

describe('NHSMESH authorisation header', () => {
  it('has the documented shape and an HMAC over mailbox:nonce:count:password:timestamp', () => {
    const header = buildMeshAuthorization(creds, { now: at, nonce: 'abc-123', nonceCount: 7 });
    const expected = createHmac('sha256', 'BackBone').update('X26ABC1:abc-123:7:password:202611240905').digest('hex');
    expect(header).toBe(`NHSMESH X26ABC1:abc-123:7:202611240905:${expected}`);
    expect(parseMeshAuthorization(header)).toEqual({
      mailboxId: 'X26ABC1',
      nonce: 'abc-123',
      nonceCount: '7',
      timestamp: '202611240905',
      hmac: expected,
    });
  });

  it('formats timestamps in UTC and rejects impossible ones', () => {
    expect(meshTimestamp(at)).toBe('202611240905');
    expect(parseMeshTimestamp('202611240905')?.toISOString()).toBe('2026-11-24T09:05:00.000Z');
    expect(parseMeshTimestamp('202613240905')).toBeNull();
    expect(parseMeshTimestamp('2026112409')).toBeNull();
  });

  it('rejects malformed headers', () => {
    for (const bad of [
      undefined,
      '',
      'Basic abc',
      'NHSMESH X26ABC1:n:1:202611240905',
      'NHSMESH X26ABC1:n:x:202611240905:' + 'a'.repeat(64),
    ]) {
      expect(parseMeshAuthorization(bad)).toBeNull();
    }
  });
});

describe('MeshAuthVerifier', () => {
  let now = at;
  const verifier = () =>
    new MeshAuthVerifier({
      sharedSecret: creds.sharedSecret,
      passwordFor: (id) => (id === 'X26ABC1' ? creds.password : undefined),
      clock: () => now,
    });

  it('accepts a fresh header once and rejects its replay', () => {
    const v = verifier();
    const header = buildMeshAuthorization(creds, { now: at });
    expect(v.verify(header, 'X26ABC1')).toEqual({ ok: true, mailboxId: 'X26ABC1' });
    expect(v.verify(header, 'X26ABC1')).toEqual({ ok: false, reason: 'REPLAYED_NONCE' });
    // Same nonce with a new count is a new request.
    const nonce = 'fixed';
    expect(v.verify(buildMeshAuthorization(creds, { now: at, nonce, nonceCount: 1 })).ok).toBe(true);
    expect(v.verify(buildMeshAuthorization(creds, { now: at, nonce, nonceCount: 2 })).ok).toBe(true);
  });

  it('rejects a wrong secret, a wrong password, another mailbox and an unknown mailbox', () => {
    const v = verifier();
    expect(v.verify(buildMeshAuthorization({ ...creds, sharedSecret: 'nope' }, { now: at }))).toEqual({
      ok: false,
      reason: 'BAD_HMAC',
    });
    expect(v.verify(buildMeshAuthorization({ ...creds, password: 'nope' }, { now: at })).ok).toBe(false);
    expect(v.verify(buildMeshAuthorization(creds, { now: at }), 'X26ABC2')).toEqual({
      ok: false,
      reason: 'MAILBOX_MISMATCH',
    });
    expect(v.verify(buildMeshAuthorization({ ...creds, mailboxId: 'X26ZZZ9' }, { now: at }))).toEqual({
      ok: false,
      reason: 'UNKNOWN_MAILBOX',
    });
  });

  it('accepts timestamps within two hours either way and rejects older or newer ones', () => {
    const v = verifier();
    const minutes = (m: number) => new Date(at.getTime() + m * 60_000);
    expect(v.verify(buildMeshAuthorization(creds, { now: minutes(-119) })).ok).toBe(true);
    expect(v.verify(buildMeshAuthorization(creds, { now: minutes(119) })).ok).toBe(true);
    expect(v.verify(buildMeshAuthorization(creds, { now: minutes(-121) }))).toEqual({
      ok: false,
      reason: 'STALE_TIMESTAMP',
    });
    expect(v.verify(buildMeshAuthorization(creds, { now: minutes(121) }))).toEqual({
      ok: false,
      reason: 'STALE_TIMESTAMP',
    });
  });

  it('does not burn a nonce on a header that failed the HMAC', () => {
    const v = verifier();
    const forged = buildMeshAuthorization({ ...creds, sharedSecret: 'forged' }, { now: at, nonce: 'n1' });
    expect(v.verify(forged).ok).toBe(false);
    expect(v.verify(buildMeshAuthorization(creds, { now: at, nonce: 'n1' })).ok).toBe(true);
  });

  it('refuses a replay after the window as stale', () => {
    const v = verifier();
    now = at;
    v.verify(buildMeshAuthorization(creds, { now: at, nonce: 'old' }));
    now = new Date(at.getTime() + 5 * 60 * 60 * 1000);
    // The replay is still refused, now because it is stale.
    expect(v.verify(buildMeshAuthorization(creds, { now: at, nonce: 'old' }))).toEqual({
      ok: false,
      reason: 'STALE_TIMESTAMP',
    });
    now = at;
  });
});
