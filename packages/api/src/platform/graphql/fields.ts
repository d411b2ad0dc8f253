import { toGlobalId } from './relay.js';

/** A value as a GraphQL field holds it: an absent one (`undefined`) is `null`. */
export type FieldValue<V> = undefined extends V ? Exclude<V, undefined> | null : V;

/** The property `P` of `T` as a field holds it (through an alias, so `-?` below keeps its `undefined`). */
type FieldOf<T, P extends keyof T> = FieldValue<T[P]>;

/** The properties `K` of `T` as plain, writable, required fields, each absent value read as `null`. */
export type Fields<T, K extends keyof T> = { -readonly [P in K]-?: FieldOf<T, P> };

/**
 * The properties `keys` of `source` (an entity, a row, a record), each absent value read as `null`:
 * a mapper's `{ a: e.a, b: e.b ?? null }` said once. A key `source` lacks does not compile. Written
 * onto `into` when given (an instance of the object type, say), else onto a new object. A plain loop
 * over `keys`, so cheap enough for every row of a page when `keys` is a constant.
 */
export function fieldsOf<T extends object, const K extends keyof T>(source: T, keys: readonly K[]): Fields<T, K>;
export function fieldsOf<T extends object, const K extends keyof T, O extends object>(
  source: T,
  keys: readonly K[],
  into: O,
): O & Fields<T, K>;
export function fieldsOf<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
  into: object = {},
): Fields<T, K> {
  const fields = into as Fields<T, K>;
  for (const key of keys) fields[key] = (source[key] ?? null) as FieldValue<T[K]>;
  return fields;
}

/** The `Node` part of an object type: its type name, its global id and the database id behind it. */
export interface NodeFields<N extends string> {
  __typename: N;
  id: string;
  dbId: string;
}

/** {@link NodeFields} of the row `dbId` of the object type `typename`. */
export function nodeFields<N extends string>(typename: N, dbId: string): NodeFields<N> {
  return { __typename: typename, id: toGlobalId(typename, dbId), dbId };
}
