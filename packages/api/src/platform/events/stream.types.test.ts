import { describe, expect, it } from 'vitest';
import { HubError } from '../errors.js';
import { encodeCursor } from '../graphql/relay.js';
import { parseStreamCursor, streamEventCursor } from './stream.types.js';

describe('live stream cursors', () => {
  it('round-trips the seq of an event', () => {
    expect(parseStreamCursor(streamEventCursor(42))).toBe(42);
    expect(parseStreamCursor(streamEventCursor(0))).toBe(0);
  });

  it('reads no cursor as live from now', () => {
    expect(parseStreamCursor(null)).toBeNull();
    expect(parseStreamCursor(undefined)).toBeNull();
  });

  it.each([
    ['not a cursor', '!!'],
    ['a negative seq', encodeCursor([-1])],
    ['a text seq', encodeCursor(['1'])],
    ['two positions', encodeCursor([1, 2])],
  ])('refuses %s as BAD_USER_INPUT on after', (_name, after) => {
    let error: unknown;
    try {
      parseStreamCursor(after);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).code).toBe('BAD_USER_INPUT');
    expect((error as HubError).extensions.field).toBe('after');
  });
});
