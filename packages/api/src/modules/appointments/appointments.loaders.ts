import DataLoader from 'dataloader';
import type { RequestContext } from '../../platform/context.js';
import { AppointmentBook, Slot, SlotType } from './appointment.entity.js';

function byId<T extends { id: string }>(
  ctx: RequestContext,
  key: string,
  entity: new () => T,
): DataLoader<string, T | null> {
  return ctx.loader(
    key,
    (c) =>
      new DataLoader<string, T | null>(async (ids) => {
        const rows = (await c.em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[];
        const found = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => found.get(id) ?? null);
      }),
  );
}

/** Books by id, one statement per batch; visibility is the caller's concern. */
export const bookById = (ctx: RequestContext) => byId(ctx, 'appointments.bookById', AppointmentBook);
/** Slot types by id, one statement per batch. */
export const slotTypeById = (ctx: RequestContext) => byId(ctx, 'appointments.slotTypeById', SlotType);
/** Slots by id, one statement per batch. */
export const slotById = (ctx: RequestContext) => byId(ctx, 'appointments.slotById', Slot);
