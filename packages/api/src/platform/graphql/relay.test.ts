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
    const id = '01900000-0000-7000-8000-000000000009';
    const shape = ['text', 'text', 'uuid'] as const;
    expect(decodeCursor(encodeCursor(['Abbott', 'Ava', id]), shape)).toEqual(['Abbott', 'Ava', id]);
    const forged = [
      '%%%',
      Buffer.from('["c1"]').toString('base64url'),
      encodeCursor([1]),
      'e30',
      // Right length, wrong kinds: a non-uuid id, a number for text, a NUL in text.
      encodeCursor(['Abbott', 'Ava', 'x']),
      encodeCursor([1, 'Ava', id]),
      encodeCursor(['Ab\u0000bott', 'Ava', id]),
    ];
    for (const bad of forged) {
      expect(() => decodeCursor(bad, shape)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
      );
    }
    expect(() => decodeCursor(encodeCursor([1.5]), ['int'])).toThrow();
    expect(() => decodeCursor(encodeCursor(['yesterday']), ['time'])).toThrow();
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00.000Z', 7]), ['time', 'int'])).toEqual([
      '2026-01-01T00:00:00.000Z',
      7,
    ]);
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
