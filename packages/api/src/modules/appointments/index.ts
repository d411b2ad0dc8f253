import type { HubModule } from '../../platform/hub-module.js';
import { AppointmentBook, SlotType, Slot } from './appointment.entity.js';
import { AppointmentBookResolver, SlotTypeResolver, SlotResolver } from './appointments.resolver.js';
import { appointmentBookNode, slotTypeNode, slotNode } from './appointments.node.js';
import { seedDemoAppointments } from './appointments.seed.js';

export { AppointmentBook, SlotType, Slot } from './appointment.entity.js';
export {
  SLOT_MODES,
  SLOT_STATUSES,
  type SlotMode,
  type SlotStatus,
  parseSlotTypeName,
  slotTypeName,
} from './appointments.codes.js';
export { AppointmentBookType, SlotTypeType, SlotGqlType } from './appointments.types.js';
export { SlotModeEnum, SlotStatusEnum } from './appointments.enums.js';
export { toSlotType, toBookType, toSlotTypeType, slotGlobalId } from './appointments.mappers.js';
export { slotById } from './appointments.loaders.js';
export { claimSlot, releaseSlot, slotFacts, type SlotFacts, type ClaimRefusal } from './slot-booking.service.js';
export { DEMO_BOOKS } from './appointments.seed.js';

/** The appointments module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const appointmentsModule: HubModule = {
  name: 'appointments',
  entities: [AppointmentBook, SlotType, Slot],
  resolvers: [AppointmentBookResolver, SlotTypeResolver, SlotResolver],
  nodeFetchers: { AppointmentBook: appointmentBookNode, SlotType: slotTypeNode, Slot: slotNode },
  seed: (em, demo) => seedDemoAppointments(em, demo.hub.id, demo.pcn.odsCode, demo.now),
};
