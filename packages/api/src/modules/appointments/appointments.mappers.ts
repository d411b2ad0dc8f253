import { toGlobalId } from '../../platform/graphql/relay.js';
import type { AppointmentBook, Slot, SlotType } from './appointment.entity.js';
import type { AppointmentBookType, SlotGqlType, SlotTypeType } from './appointments.types.js';

export function toBookType(book: AppointmentBook): AppointmentBookType {
  return {
    __typename: 'AppointmentBook',
    id: toGlobalId('AppointmentBook', book.id),
    dbId: book.id,
    serviceId: book.service.id,
    name: book.name,
    gpConnectBookable: book.gpConnectBookable,
    sessionHolder: book.sessionHolder ?? null,
    active: book.active,
  };
}

export function toSlotTypeType(type: SlotType): SlotTypeType {
  return {
    __typename: 'SlotType',
    id: toGlobalId('SlotType', type.id),
    dbId: type.id,
    serviceId: type.service.id,
    name: type.name,
    mode: type.mode,
    description: type.description ?? null,
  };
}

export const slotGlobalId = (id: string): string => toGlobalId('Slot', id);

export function toSlotType(slot: Slot): SlotGqlType {
  return {
    __typename: 'Slot',
    id: slotGlobalId(slot.id),
    dbId: slot.id,
    serviceId: slot.service.id,
    bookId: slot.book.id,
    slotTypeId: slot.slotType.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    mode: slot.mode,
    status: slot.status,
    blockedReason: slot.blockedReason ?? null,
  };
}
