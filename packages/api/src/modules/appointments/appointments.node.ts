import type { AuthenticatedContext } from '../../platform/context.js';
import { hasAnyRole } from '../../platform/auth/actor.js';
import type { NodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { findHubOfPcn } from '../hub-services/index.js';
import { AppointmentBook, Slot, SlotType } from './appointment.entity.js';
import { AppointmentErrors } from './appointments.errors.js';
import { toBookType, toSlotType, toSlotTypeType } from './appointments.mappers.js';
import { BOOK_EDITORS, SLOT_READERS } from './appointments.policy.js';

/** The id of the viewer's PCN hub, where every book, slot type and slot the queries show lives. */
async function hubIdOf(ctx: AuthenticatedContext): Promise<string | null> {
  return (await findHubOfPcn(ctx.em, ctx.actor.pcnId))?.id ?? null;
}

/** `node(id:)` for an AppointmentBook: `appointmentBooks` (any book of the viewer's PCN hub). */
export const appointmentBookNode: NodeFetcher = {
  roles: SLOT_READERS,
  fetch: async (ctx, globalId) => {
    const id = expectGlobalId(globalId, 'AppointmentBook', 'id');
    const hub = await hubIdOf(ctx);
    const book = hub ? await ctx.em.findOne(AppointmentBook, { id, hub }) : null;
    if (!book) throw AppointmentErrors.bookNotFound('id');
    return toBookType(book);
  },
};

/** `node(id:)` for a SlotType: `slotTypes` (any slot type of the viewer's PCN hub). */
export const slotTypeNode: NodeFetcher = {
  roles: SLOT_READERS,
  fetch: async (ctx, globalId) => {
    const id = expectGlobalId(globalId, 'SlotType', 'id');
    const hub = await hubIdOf(ctx);
    const type = hub ? await ctx.em.findOne(SlotType, { id, hub }) : null;
    if (!type) throw AppointmentErrors.slotTypeNotFound('id');
    return toSlotTypeType(type);
  },
};

/**
 * `node(id:)` for a Slot: `freeSlots` shows the PCN hub's FREE slots that have not started to its
 * readers; `blockSlot`/`unblockSlot` name any slot of the hub by id, for its book editors.
 */
export const slotNode: NodeFetcher = {
  roles: SLOT_READERS,
  fetch: async (ctx, globalId) => {
    const id = expectGlobalId(globalId, 'Slot', 'id');
    const hub = await hubIdOf(ctx);
    const slot = hub ? await ctx.em.findOne(Slot, { id, hub }) : null;
    const editor = hasAnyRole(ctx.actor, BOOK_EDITORS);
    if (!slot || (!editor && !(slot.status === 'FREE' && slot.startsAt > new Date())))
      throw AppointmentErrors.slotNotFound('id');
    return toSlotType(slot);
  },
};
