import type { FilterQuery } from '@mikro-orm/core';
import { changeRow } from '../../platform/changes.js';
import type { AuthenticatedContext } from '../../platform/context.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { keyset } from '../../platform/graphql/keyset.js';
import { uuidv7 } from '../../platform/ids.js';
import { HubService, findHubOfPcn } from '../hub-services/index.js';
import { Organisation, StaffUser } from '../organisations/index.js';
import { AppointmentBook, Slot, SlotType } from './appointment.entity.js';
import { SESSION_LIMITS, parseSlotTypeName, sessionSlots, type SlotMode } from './appointments.codes.js';
import { AppointmentErrors } from './appointments.errors.js';
import { isEligibleSessionHolder } from './appointments.policy.js';

/** Cursor over (startsAt, id): the order of `freeSlots`. */
/** Free slots, soonest first. */
const SLOT_PAGE = keyset<Slot>(
  [
    { property: 'startsAt', part: 'time', of: (s) => s.startsAt.toISOString() },
    { property: 'id', part: 'uuid', of: (s) => s.id },
  ],
  'asc',
);
export const slotCursor = SLOT_PAGE.cursorOf;

const escapeLike = (term: string): string => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Use cases of hub appointment books: set-up by hub editors, search by PCN staff. */
export class AppointmentService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  /** The hub of the viewer's PCN (books live there). */
  async hub(): Promise<Organisation> {
    const hub = await findHubOfPcn(this.ctx.em, this.ctx.actor.pcnId);
    if (!hub) throw AppointmentErrors.noHub();
    return hub;
  }

  async service(globalId: string, field: string): Promise<HubService> {
    const id = expectGlobalId(globalId, 'HubService', field);
    const hub = await this.hub();
    const service = await this.ctx.em.findOne(HubService, { id, hub: hub.id });
    if (!service) throw AppointmentErrors.serviceNotFound(field);
    return service;
  }

  async book(globalId: string, field: string): Promise<AppointmentBook> {
    const id = expectGlobalId(globalId, 'AppointmentBook', field);
    const hub = await this.hub();
    const book = await this.ctx.em.findOne(AppointmentBook, { id, hub: hub.id });
    if (!book) throw AppointmentErrors.bookNotFound(field);
    return book;
  }

  async slotType(globalId: string, field: string): Promise<SlotType> {
    const id = expectGlobalId(globalId, 'SlotType', field);
    const hub = await this.hub();
    const type = await this.ctx.em.findOne(SlotType, { id, hub: hub.id });
    if (!type) throw AppointmentErrors.slotTypeNotFound(field);
    return type;
  }

  async books(serviceId: string | null): Promise<AppointmentBook[]> {
    const hub = await this.hub();
    const service = serviceId ? await this.service(serviceId, 'serviceId') : null;
    return this.ctx.em.find(
      AppointmentBook,
      { hub: hub.id, ...(service ? { service: service.id } : {}) },
      { orderBy: { name: 'asc' } },
    );
  }

  /** Slot types whose name starts with `search` (case-insensitive), by name. */
  async slotTypes(search: string | null, serviceId: string | null): Promise<SlotType[]> {
    const hub = await this.hub();
    const term = search?.trim() ?? '';
    if (term.length > 60) throw AppointmentErrors.badName('search', 60);
    const service = serviceId ? await this.service(serviceId, 'serviceId') : null;
    return this.ctx.em.find(
      SlotType,
      {
        hub: hub.id,
        ...(service ? { service: service.id } : {}),
        ...(term ? { name: { $ilike: `${escapeLike(term)}%` } } : {}),
      },
      { orderBy: { name: 'asc' } },
    );
  }

  async createBook(input: {
    serviceId: string;
    name: string;
    gpConnectBookable?: boolean | null;
    sessionHolder?: string | null;
  }): Promise<AppointmentBook> {
    const service = await this.service(input.serviceId, 'input.serviceId');
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200) throw AppointmentErrors.badName('input.name', 200);
    const gpConnectBookable = input.gpConnectBookable ?? false;
    const holderName = input.sessionHolder?.trim() || null;
    if (gpConnectBookable && !holderName) throw AppointmentErrors.sessionHolderNeeded();
    if (holderName) {
      const holder = await this.ctx.em.findOne(StaffUser, {
        username: holderName,
        organisation: service.hub.id,
        active: true,
      });
      if (!holder || !isEligibleSessionHolder(holder.roles, service.requiredRoles))
        throw AppointmentErrors.sessionHolderNotEligible();
    }
    if (await this.ctx.em.count(AppointmentBook, { hub: service.hub.id, name }))
      throw AppointmentErrors.nameTaken('input.name');
    return this.ctx.em.transactional(async (em) => {
      const book = em.create(AppointmentBook, {
        id: uuidv7(),
        hub: service.hub.id,
        service: service.id,
        name,
        gpConnectBookable,
        sessionHolder: holderName,
        active: true,
        createdBy: this.ctx.actor.id,
      });
      this.ctx.audit.record(em, {
        action: 'createAppointmentBook',
        subjectType: 'AppointmentBook',
        subjectId: book.id,
      });
      return book;
    });
  }

  async createSlotType(input: { serviceId: string; name: string; description?: string | null }): Promise<SlotType> {
    const service = await this.service(input.serviceId, 'input.serviceId');
    const pcn = await this.ctx.em.findOneOrFail(Organisation, { id: this.ctx.actor.pcnId });
    const name = input.name.trim();
    const parsed = parseSlotTypeName(name);
    if (!parsed) throw AppointmentErrors.badSlotTypeName('input.name', pcn.odsCode);
    if (parsed.pcnOdsCode !== pcn.odsCode) throw AppointmentErrors.wrongPcnInName('input.name', pcn.odsCode);
    const description = input.description?.trim() || null;
    if (description && description.length > 500) throw AppointmentErrors.badName('input.description', 500);
    if (await this.ctx.em.count(SlotType, { hub: service.hub.id, name }))
      throw AppointmentErrors.nameTaken('input.name');
    return this.ctx.em.transactional(async (em) => {
      const type = em.create(SlotType, {
        id: uuidv7(),
        hub: service.hub.id,
        service: service.id,
        name,
        mode: parsed.mode,
        description,
        createdBy: this.ctx.actor.id,
      });
      this.ctx.audit.record(em, { action: 'createSlotType', subjectType: 'SlotType', subjectId: type.id });
      return type;
    });
  }

  /** Creates a session of back-to-back slots in one book; all or nothing. */
  async createSession(input: {
    bookId: string;
    slotTypeId: string;
    start: Date;
    end: Date;
    slotMinutes: number;
  }): Promise<Slot[]> {
    const book = await this.book(input.bookId, 'input.bookId');
    const type = await this.slotType(input.slotTypeId, 'input.slotTypeId');
    if (type.service.id !== book.service.id) throw AppointmentErrors.slotTypeOfOtherService();
    if (!book.active) throw AppointmentErrors.inactiveBook();
    const { minSlotMinutes, maxSlotMinutes, maxSessionHours, maxSlots } = SESSION_LIMITS;
    if (
      !Number.isInteger(input.slotMinutes) ||
      input.slotMinutes < minSlotMinutes ||
      input.slotMinutes > maxSlotMinutes
    ) {
      throw AppointmentErrors.badSession(
        'input.slotMinutes',
        `slotMinutes must be a whole number from ${minSlotMinutes} to ${maxSlotMinutes}`,
      );
    }
    if (input.start.getTime() <= Date.now())
      throw AppointmentErrors.badSession('input.start', 'A session cannot start in the past');
    if (input.end.getTime() <= input.start.getTime())
      throw AppointmentErrors.badSession('input.end', 'end must be after start');
    if (input.end.getTime() - input.start.getTime() > maxSessionHours * 3_600_000) {
      throw AppointmentErrors.badSession('input.end', `A session lasts at most ${maxSessionHours} hours`);
    }
    const times = sessionSlots(input.start, input.end, input.slotMinutes);
    if (times.length === 0)
      throw AppointmentErrors.badSession('input.slotMinutes', 'Not one slot fits between start and end');
    if (times.length > maxSlots)
      throw AppointmentErrors.badSession('input.slotMinutes', `A session has at most ${maxSlots} slots`);
    const end = times.at(-1)!.endsAt;
    return this.ctx.em.transactional(async (em) => {
      const overlapping = await em.count(Slot, { book: book.id, startsAt: { $lt: end }, endsAt: { $gt: input.start } });
      if (overlapping > 0) throw AppointmentErrors.sessionOverlaps();
      const slots = times.map((t) =>
        em.create(Slot, {
          id: uuidv7(),
          hub: book.hub.id,
          service: book.service.id,
          book: book.id,
          slotType: type.id,
          startsAt: t.startsAt,
          endsAt: t.endsAt,
          mode: type.mode,
          status: 'FREE',
        }),
      );
      this.ctx.audit.record(em, {
        action: 'createSlots',
        subjectType: 'AppointmentBook',
        subjectId: book.id,
        reason: `${slots.length} slots`,
      });
      return slots;
    });
  }

  async block(input: { slotId: string; reason: string }): Promise<Slot> {
    const reason = input.reason.trim();
    if (reason.length < 1 || reason.length > 500) throw AppointmentErrors.badReason();
    return this.changeSlot(input.slotId, 'blockSlot', reason, (slot) => {
      if (slot.status !== 'FREE') throw AppointmentErrors.slotNotFree(slot.id, slot.status);
      slot.status = 'BLOCKED';
      slot.blockedReason = reason;
    });
  }

  async unblock(input: { slotId: string }): Promise<Slot> {
    return this.changeSlot(input.slotId, 'unblockSlot', null, (slot) => {
      if (slot.status !== 'BLOCKED') throw AppointmentErrors.slotNotBlocked(slot.id);
      slot.status = 'FREE';
      slot.blockedReason = null;
    });
  }

  /** One change of a slot of the PCN's hub through the platform's change recipe (locked row, audit). */
  private async changeSlot(
    globalId: string,
    action: string,
    reason: string | null,
    apply: (slot: Slot) => void,
  ): Promise<Slot> {
    const id = expectGlobalId(globalId, 'Slot', 'input.slotId');
    const hub = await this.hub();
    return changeRow(this.ctx, {
      entity: Slot,
      id,
      action,
      subjectType: 'Slot',
      visible: (slot) => slot.hub.id === hub.id,
      notFound: () => AppointmentErrors.slotNotFound('input.slotId'),
      apply: async (_tx, slot) => apply(slot),
      audit: () => ({ reason }),
    });
  }

  /**
   * Free future slots of the PCN's hub, earliest first (keyset on startsAt, id). `slotType` matches
   * slot-type names by prefix, so `U99001-MinorIllness` finds every mode of that service.
   */
  async freeSlots(
    filter: {
      serviceId?: string | null;
      slotType?: string | null;
      mode?: SlotMode | null;
      from?: Date | null;
      to?: Date | null;
    },
    size: number,
    after: string | null,
  ): Promise<Slot[]> {
    const hub = await this.hub();
    const now = new Date();
    const from = filter.from && filter.from > now ? filter.from : now;
    if (filter.to && filter.to <= from) throw AppointmentErrors.badRange();
    const where: FilterQuery<Slot>[] = [{ hub: hub.id, status: 'FREE', startsAt: { $gt: from } }];
    if (filter.to) where.push({ startsAt: { $lt: filter.to } });
    if (filter.serviceId) where.push({ service: (await this.service(filter.serviceId, 'serviceId')).id });
    if (filter.mode) where.push({ mode: filter.mode });
    const term = filter.slotType?.trim();
    if (term) {
      if (term.length > 60) throw AppointmentErrors.badName('slotType', 60);
      where.push({ slotType: { name: { $ilike: `${escapeLike(term)}%` } } });
    }
    const next = SLOT_PAGE.after(after);
    if (next) where.push(next);
    return this.ctx.em.find(Slot, { $and: where }, { orderBy: SLOT_PAGE.orderBy, limit: size + 1 });
  }
}
