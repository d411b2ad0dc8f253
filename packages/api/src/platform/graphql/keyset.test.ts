import { describe, expect, it } from 'vitest';
import { HubError } from '../errors.js';
import { keyset } from './keyset.js';
import { encodeCursor } from './relay.js';

interface Row {
  readonly at: Date;
  readonly id: string;
}
const ID = '0190a0b0-0000-7000-8000-000000000001';
const AT = new Date('2026-12-01T09:00:00.000Z');
const page = keyset<Row>(
  [
    { property: 'at', part: 'time', of: (r) => r.at.toISOString() },
    { property: 'id', part: 'uuid', of: (r) => r.id },
  ],
  'desc',
);

function errorOf(run: () => unknown): HubError {
  try {
    run();
  } catch (e) {
    return e as HubError;
  }
  throw new Error('expected an error');
}

describe('keyset', () => {
  it('encodes a row and reads it back as the filter of the rows after it', () => {
    const cursor = page.cursorOf({ at: AT, id: ID });
    expect(page.decode(cursor)).toEqual([AT.toISOString(), ID]);
    expect(page.after(cursor)).toEqual({ $or: [{ at: { $lt: AT } }, { at: AT, id: { $lt: ID } }] });
    expect(page.orderBy).toEqual([{ at: 'desc' }, { id: 'desc' }]);
  });

  it('uses one comparison for a single column, ascending', () => {
    const byId = keyset<Row>([{ property: 'id', part: 'uuid', of: (r) => r.id }], 'asc');
    expect(byId.after(byId.cursorOf({ at: AT, id: ID }))).toEqual({ id: { $gt: ID } });
  });

  it('reads no cursor (null, undefined or empty) as the first page', () => {
    expect(page.after(null)).toBeNull();
    expect(page.after(undefined)).toBeNull();
    expect(page.after('')).toBeNull();
  });

  it.each([
    ['not base64url', '***'],
    ['a uuid where a time belongs', encodeCursor([ID, ID])],
    ['one position short', encodeCursor([AT.toISOString()])],
    ['a number where a uuid belongs', encodeCursor([AT.toISOString(), 7])],
  ])('refuses %s as BAD_USER_INPUT naming the argument', (_name, cursor) => {
    const error = errorOf(() => page.after(cursor, 'before'));
    expect(error).toBeInstanceOf(HubError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('before');
    expect(errorOf(() => page.decode(cursor)).extensions.field).toBe('after');
  });
});
