import { Field, ID, InterfaceType, ObjectType, Int } from 'type-graphql';
import { Errors } from '../errors.js';
import { isUuid } from '../ids.js';

/** Opaque global id: base64url of "Type:uuid". Clients must not parse it. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/**
 * A node read by plain SQL as an instance of its GraphQL class (type-graphql hands it to field
 * resolvers without copying), its global id (of its own `__typename`) and database id set; the
 * reader sets the rest by plain stores.
 */
export function newNode<T extends { readonly __typename: string; id: string; dbId: string }>(
  Type: new () => T,
  dbId: string,
): T {
  const node = new Type();
  node.id = toGlobalId(node.__typename, dbId);
  node.dbId = dbId;
  return node;
}

/** Decodes a global id; null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (!/^[A-Za-z]+$/.test(type) || !isUuid(id)) return null;
  return { type, id };
}

/** Decodes a global id that must name `type`; anything else is BAD_USER_INPUT on `field`. */
export function expectGlobalId(globalId: string, type: string, field: string): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw Errors.badInput(field, `${field} is not a valid ${type} id`);
  return parsed.id;
}

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id that `node(id:)` can fetch again.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique, opaque id.' })
  id!: string;
}

@ObjectType('PageInfo', { description: 'Where a page sits in its connection (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow the last edge.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when items precede the first edge.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

/** Page size bounds shared by every connection. */
export const PAGE = { default: 20, max: 200 } as const;

/** Validates `first`; returns the page size. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return PAGE.default;
  if (!Number.isInteger(first) || first < 1 || first > PAGE.max) {
    throw Errors.badInput('first', `first must be between 1 and ${PAGE.max}`);
  }
  return first;
}

/** A keyset cursor: the sort values of the last row seen, opaque to clients. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(['c1', ...values]), 'utf8').toString('base64url');
}

/** What one position of a cursor holds; each is checked before it reaches a query. */
export type CursorPart = 'uuid' | 'text' | 'int' | 'time';

const PART_OK: Record<CursorPart, (v: unknown) => boolean> = {
  uuid: (v) => typeof v === 'string' && isUuid(v),
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  text: (v) => typeof v === 'string' && v.length <= 200 && !/[\u0000-\u001f]/.test(v),
  int: (v) => typeof v === 'number' && Number.isSafeInteger(v),
  time: (v) => typeof v === 'string' && v.length <= 40 && Number.isFinite(Date.parse(v)),
};

/**
 * Decodes a cursor made by {@link encodeCursor} whose positions hold `shape`; a malformed or
 * forged one (wrong length, a value of the wrong kind) is BAD_USER_INPUT on `field`, never a
 * database error.
 */
export function decodeCursor(cursor: string, shape: readonly CursorPart[], field = 'after'): (string | number)[] {
  try {
    if (!/^[A-Za-z0-9_-]{1,500}$/.test(cursor)) throw new Error('shape');
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed[0] !== 'c1' || parsed.length !== shape.length + 1) throw new Error('shape');
    const values = parsed.slice(1) as unknown[];
    if (!values.every((v, i) => PART_OK[shape[i]!](v))) throw new Error('shape');
    return values as (string | number)[];
  } catch {
    throw Errors.badInput(field, `${field} is not a valid cursor`);
  }
}

/** Builds a connection from `first + 1` fetched rows. */
export function toConnection<TRow, TNode>(
  rows: TRow[],
  size: number,
  hasPrevious: boolean,
  toNode: (row: TRow) => TNode,
  cursorOf: (row: TRow) => string,
  totalCount?: number,
): { edges: { cursor: string; node: TNode }[]; pageInfo: PageInfo; totalCount?: number } {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: cursorOf(row), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node class. */
export function connectionTypes<TNode extends object>(name: string, nodeType: new () => TNode, description: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { description })
  class Connection {
    @Field(() => [Edge], { description: 'The page of edges.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { nullable: true, description: 'Total items matching the filter, where cheap to count.' })
    totalCount?: number;
  }

  return { Edge, Connection };
}
