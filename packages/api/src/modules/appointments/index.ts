export { AppointmentBook, SlotType, Slot } from './appointment.entity.js';
export {
  SLOT_MODES,
  SLOT_STATUSES,
  type SlotMode,
  type SlotStatus,
  parseSlotTypeName,
  slotTypeName,
} from './appointments.codes.js';
export { AppointmentBookResolver, SlotTypeResolver, SlotResolver } from './appointments.resolver.js';
export { AppointmentBookType, SlotTypeType, SlotGqlType, SlotModeEnum, SlotStatusEnum } from './appointments.types.js';
export { toSlotType, toBookType, toSlotTypeType, slotGlobalId } from './appointments.mappers.js';
export { slotById } from './appointments.loaders.js';
export { appointmentBookNode, slotTypeNode, slotNode } from './appointments.node.js';
export { claimSlot, releaseSlot, slotFacts, type SlotFacts, type ClaimRefusal } from './slot-booking.js';
export { seedDemoAppointments, DEMO_BOOKS } from './appointments.seed.js';
