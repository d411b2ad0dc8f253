import DataLoader from 'dataloader';
import type { RequestContext } from '../../platform/context.js';
import { HubService } from './hub-service.entity.js';

/** Hub services by database id, one SQL statement per batch. Visibility is the caller's concern. */
export function hubServiceById(ctx: RequestContext): DataLoader<string, HubService | null> {
  return ctx.loader('hubServiceById', (c) =>
    new DataLoader<string, HubService | null>(async (ids) => {
      const rows = await c.em.find(HubService, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}
