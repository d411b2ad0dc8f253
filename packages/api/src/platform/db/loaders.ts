import DataLoader from 'dataloader';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../context.js';

/** Sort of a child list: column (property) name to direction. */
type OrderBy = Readonly<Record<string, 'asc' | 'desc'>>;

/** A per-request DataLoader getter, as the modules' `*.loaders.ts` export them. */
export type LoaderOf<K, V> = (ctx: RequestContext) => DataLoader<K, V>;

/**
 * Rows of `entity` by primary key, one statement per batch, null for an id with no row (or none
 * the `scope` lets through). The loader lives per request under `key` (`ctx.loader`). Without a
 * `scope`, visibility is the caller's concern; a `scope` that answers null finds nothing (no actor).
 */
export function loaderById<T extends { id: string }>(
  key: string,
  entity: EntityName<T>,
  scope?: (ctx: RequestContext) => FilterQuery<T> | null,
): LoaderOf<string, T | null> {
  return (ctx) =>
    ctx.loader(
      key,
      (c) =>
        new DataLoader<string, T | null>(async (ids) => {
          const byIds = { id: { $in: [...ids] } };
          const extra = scope ? scope(c) : undefined;
          if (extra === null) return ids.map(() => null);
          const where = extra === undefined ? byIds : { $and: [byIds, extra] };
          const rows = (await c.em.find(entity, where as never)) as T[];
          const found = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => found.get(id) ?? null);
        }),
    );
}

/**
 * The children of each parent id (rows of `entity` whose `parent` reference is in the batch), in
 * `orderBy` order, one statement per batch; an empty list for a parent with none.
 */
export function loaderByParent<T extends object>(
  key: string,
  entity: EntityName<T>,
  parent: string & keyof T,
  orderBy: OrderBy | readonly OrderBy[],
): LoaderOf<string, T[]> {
  return (ctx) =>
    ctx.loader(
      key,
      (c) =>
        new DataLoader<string, T[]>(async (ids) => {
          const where = { [parent]: { $in: [...ids] } };
          const rows = await c.em.find(entity, where as never, { orderBy: orderBy as never });
          const byParent = new Map<string, T[]>(ids.map((id) => [id, []]));
          for (const row of rows) byParent.get((row[parent] as { id: string }).id)?.push(row);
          return ids.map((id) => byParent.get(id) ?? []);
        }),
    );
}
