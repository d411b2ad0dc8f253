import { p } from '@mikro-orm/core';
import { HubService } from '../hub-services/index.js';
import { Organisation } from '../organisations/index.js';
import { SLOT_MODES, SLOT_STATUSES } from './appointments.codes.js';
import { createdAt, hubEntity } from '../../platform/db/properties.js';

/**
 * A hub appointment book, linked to one service. `gpConnectBookable` opens it to GP Connect-style
 * booking, which needs a session holder with an eligible role (docs/domain/workflows.md#gp-connect-booking).
 */
const AppointmentBookSchema = hubEntity(
  'AppointmentBook',
  'appointment_book',
  {
    hub: () => p.manyToOne(Organisation).ref().index(),
    service: () => p.manyToOne(HubService).ref().index(),
    name: p.string().length(200),
    gpConnectBookable: p.boolean().default(false),
    /** Username of the staff member who holds the sessions (needed for GP Connect booking). */
    sessionHolder: p.string().length(100).nullable(),
    active: p.boolean().default(true),
    createdBy: p.string().length(100),
    createdAt: createdAt(),
  },
  { uniques: [{ properties: ['hub', 'name'] }] },
);

export class AppointmentBook extends AppointmentBookSchema.class {}
AppointmentBookSchema.setClass(AppointmentBook);

/** A kind of slot, named by the `<PCN>-<Service>-<Mode>` convention; its mode is the name's. */
const SlotTypeSchema = hubEntity(
  'SlotType',
  'slot_type',
  {
    hub: () => p.manyToOne(Organisation).ref().index(),
    service: () => p.manyToOne(HubService).ref().index(),
    name: p.string().length(60),
    mode: p.enum(SLOT_MODES),
    description: p.string().length(500).nullable(),
    createdBy: p.string().length(100),
    createdAt: createdAt(),
  },
  { uniques: [{ properties: ['hub', 'name'] }] },
);

export class SlotType extends SlotTypeSchema.class {}
SlotTypeSchema.setClass(SlotType);

/**
 * One bookable time. Booking is a conditional UPDATE (status FREE -> BOOKED), so two bookers of
 * the same slot cannot both win. `service` and `hub` repeat the book's, for the free-slot search.
 */
const SlotSchema = hubEntity(
  'Slot',
  'appointment_slot',
  {
    hub: () => p.manyToOne(Organisation).ref(),
    service: () => p.manyToOne(HubService).ref(),
    book: () => p.manyToOne(AppointmentBook).ref(),
    slotType: () => p.manyToOne(SlotType).ref().index(),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    mode: p.enum(SLOT_MODES),
    status: p.enum(SLOT_STATUSES).default('FREE'),
    /** The organisation that booked it (a plain id: set by the conditional UPDATE). */
    bookedByOrgId: p.uuid().nullable(),
    bookedAt: p.datetime().nullable(),
    blockedReason: p.string().length(500).nullable(),
    createdAt: createdAt(),
  },
  {
    indexes: [
      { properties: ['service', 'status', 'startsAt'] },
      { properties: ['hub', 'status', 'startsAt'] },
      { properties: ['book', 'startsAt'] },
    ],
  },
);

export class Slot extends SlotSchema.class {}
SlotSchema.setClass(Slot);
