import { loaderById } from '../../platform/db/loaders.js';
import { AppointmentBook, Slot, SlotType } from './appointment.entity.js';

/** Books by id, one statement per batch; visibility is the caller's concern. */
export const bookById = loaderById('appointments.bookById', AppointmentBook);
/** Slot types by id, one statement per batch. */
export const slotTypeById = loaderById('appointments.slotTypeById', SlotType);
/** Slots by id, one statement per batch. */
export const slotById = loaderById('appointments.slotById', Slot);
