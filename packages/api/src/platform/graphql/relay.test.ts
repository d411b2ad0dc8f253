import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, fromGlobalId, pageSize, toGlobalId } from './relay.js';
import { uuidv7 } from '../ids.js';

describe('relay helpers', () => {
  it('round-trips global ids and rejects anything else', () => {
    const id = uuidv7();
    expect(fromGlobalId(toGlobalId('Patient', id))).toEqual({ type: 'Patient', id });
    expect(fromGlobalId('not-an-id')).toBeNull();
    expect(fromGlobalId(Buffer.from('Patient:123').toString('base64url'))).toBeNull();
    expect(fromGlobalId('')).toBeNull();
  });

  it('round-trips cursors; a malformed cursor is BAD_USER_INPUT on after', () => {
    expect(decodeCursor(encodeCursor(['Abbott', 'Ava', 'x']), 3)).toEqual(['Abbott', 'Ava', 'x']);
    for (const bad of ['%%%', Buffer.from('["c1"]').toString('base64url'), encodeCursor([1]), 'e30']) {
      expect(() => decodeCursor(bad, 3)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }));
    }
  });

  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(200)).toBe(200);
    expect(() => pageSize(0)).toThrow(/first must be between/);
    expect(() => pageSize(201)).toThrow(/first must be between/);
  });

  it('uuidv7 ids sort in creation order', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
