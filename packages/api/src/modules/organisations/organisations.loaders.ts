import DataLoader from 'dataloader';
import type { RequestContext } from '../../platform/context.js';
import { Organisation } from './organisation.entity.js';

/** Organisations by database id, one SQL statement per batch. */
export function organisationById(ctx: RequestContext): DataLoader<string, Organisation | null> {
  return ctx.loader('organisationById', (c) =>
    new DataLoader<string, Organisation | null>(async (ids) => {
      const rows = await c.em.find(Organisation, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}
