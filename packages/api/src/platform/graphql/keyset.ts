import { decodeCursor, encodeCursor, type CursorPart } from './relay.js';

/** One sort column of a keyset: the entity property, what its cursor position holds, its value in a row. */
export interface KeysetColumn<TRow> {
  readonly property: string;
  readonly part: CursorPart;
  readonly of: (row: TRow) => string | number;
}

/** A keyset pagination over one sort order: the cursor codec, the "after" filter and the ORM sort. */
export interface Keyset<TRow> {
  /** The opaque cursor of a row (`edges.cursor`, `pageInfo.endCursor`). */
  readonly cursorOf: (row: TRow) => string;
  /**
   * The sort values in `after`, checked before they reach a query: a malformed or forged cursor
   * is BAD_USER_INPUT naming `field`. Null without a cursor.
   */
  readonly decode: (after: string | null | undefined, field?: string) => (string | number)[] | null;
  /**
   * The filter for the rows after `after` in this order (a MikroORM `FilterQuery` of the entity);
   * null without a cursor. `time` positions become `Date`s.
   */
  readonly after: (after: string | null | undefined, field?: string) => Record<string, unknown> | null;
  /** The MikroORM `orderBy` of this order, ties broken by the last column. */
  readonly orderBy: Record<string, 'asc' | 'desc'>[];
}

/**
 * Declares a keyset pagination: rows sorted by `columns` (the last one unique, usually the
 * UUIDv7 id) in `direction`. Every hand-written page uses one, so every cursor is checked alike.
 */
export function keyset<TRow>(columns: readonly KeysetColumn<TRow>[], direction: 'asc' | 'desc'): Keyset<TRow> {
  const parts = columns.map((c) => c.part);
  const beyond = direction === 'asc' ? '$gt' : '$lt';
  const decode = (after: string | null | undefined, field = 'after'): (string | number)[] | null =>
    after === null || after === undefined || after === '' ? null : decodeCursor(after, parts, field);
  return {
    cursorOf: (row) => encodeCursor(columns.map((c) => c.of(row))),
    decode,
    after: (after, field) => {
      const values = decode(after, field);
      if (!values) return null;
      const value = (i: number): unknown => (parts[i] === 'time' ? new Date(values[i] as string) : values[i]);
      const ties = columns.map((column, i) => {
        const equal = Object.fromEntries(columns.slice(0, i).map((c, j) => [c.property, value(j)]));
        return { ...equal, [column.property]: { [beyond]: value(i) } };
      });
      return ties.length === 1 ? ties[0]! : { $or: ties };
    },
    orderBy: columns.map((c) => ({ [c.property]: direction })),
  };
}
