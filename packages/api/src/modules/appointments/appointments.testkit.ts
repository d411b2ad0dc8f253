import { expect } from 'vitest';
import type { GqlResult, TestHub } from '../../test/harness.js';

/** Test helpers for the appointments and referrals suites (synthetic demo data only). */

/** Runs a request and expects no errors; returns `data`. */
export async function data<T>(hub: TestHub, query: string, variables: Record<string, unknown>, as: string): Promise<T> {
  const res = await hub.gql<T>(query, variables, as);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/** The first error of a response, for assertions on code, field and rule. */
export function firstError(res: GqlResult): { code?: string; field?: string; [key: string]: unknown } {
  expect(res.errors, 'expected an error').toBeDefined();
  return res.errors![0]!.extensions ?? {};
}

/** A refusal: the response's first error matches `expected` and its message names `named`. */
export function expectRefusal(res: GqlResult, expected: Record<string, unknown>, named: string): void {
  expect(firstError(res)).toMatchObject(expected);
  expect(res.errors![0]!.message).toContain(named);
}

/** Global ids of the demo hub services, by name. */
export async function serviceIds(hub: TestHub): Promise<Record<string, string>> {
  const d = await data<{ hubServices: { id: string; name: string }[] }>(
    hub,
    '{ hubServices { id name } }',
    {},
    'hub.manager',
  );
  return Object.fromEntries(d.hubServices.map((s) => [s.name, s.id]));
}

export interface FreeSlot {
  id: string;
  startsAt: string;
  mode: string;
  slotType: { name: string };
}

/** Free slots whose slot-type name starts with `prefix`, earliest first. */
export async function freeSlots(hub: TestHub, prefix: string, as = 'p1.admin', first = 50): Promise<FreeSlot[]> {
  const d = await data<{ freeSlots: { edges: { node: FreeSlot }[] } }>(
    hub,
    `query($t: String, $n: Int) { freeSlots(slotType: $t, first: $n) { edges { node { id startsAt mode slotType { name } } } } }`,
    { t: prefix, n: first },
    as,
  );
  return d.freeSlots.edges.map((e) => e.node);
}

/** Row count of a table, for "nothing was written" assertions. */
export async function count(hub: TestHub, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await hub.sql<{ n: string | number }>(`select count(*) as n from ${table} where ${where}`, params);
  return Number(row!.n);
}

/** A connection as the tests read it. */
export interface Connection<T> {
  edges: { cursor?: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The nodes of a connection. */
export const nodes = <T>(connection: { edges: { node: T }[] }): T[] => connection.edges.map((e) => e.node);

/** The database id inside a global id. */
export const dbIdOf = (globalId: string): string => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
