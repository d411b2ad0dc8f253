/**
 * Coded values and the slot-type naming convention of hub appointment books
 * (docs/domain/workflows.md#cross-organisation-booking, docs/domain/model.md#referrals-appointments-and-tasks).
 * Pure: unit-tested without a database.
 */

export const SLOT_MODES = ['FACE_TO_FACE', 'TELEPHONE', 'VIDEO'] as const;
export type SlotMode = (typeof SLOT_MODES)[number];

export const SLOT_STATUSES = ['FREE', 'BOOKED', 'BLOCKED'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

/** The mode suffix of a slot-type name, and back. */
export const MODE_SUFFIX: Readonly<Record<SlotMode, string>> = { FACE_TO_FACE: 'F2F', TELEPHONE: 'TEL', VIDEO: 'VID' };
const MODE_OF_SUFFIX = new Map<string, SlotMode>(
  Object.entries(MODE_SUFFIX).map(([mode, suffix]) => [suffix, mode as SlotMode]),
);

/**
 * Slot types follow `<PCN>-<Service>-<Mode>`, e.g. `U99001-MinorIllness-F2F`, so a practice can
 * find a hub's slots by typing the start of a name: the PCN's ODS code, a service tag
 * (letters and digits, starting with a capital, 2-40 characters) and F2F, TEL or VID.
 */
export const SLOT_TYPE_NAME = /^(U\d{5})-([A-Z][A-Za-z0-9]{1,39})-(F2F|TEL|VID)$/;

export interface SlotTypeName {
  readonly pcnOdsCode: string;
  readonly serviceTag: string;
  readonly mode: SlotMode;
}

/** Parses a slot-type name; null when it does not follow the convention. */
export function parseSlotTypeName(name: string): SlotTypeName | null {
  const match = SLOT_TYPE_NAME.exec(name);
  if (!match) return null;
  return { pcnOdsCode: match[1]!, serviceTag: match[2]!, mode: MODE_OF_SUFFIX.get(match[3]!)! };
}

/** Builds the conventional name. */
export function slotTypeName(pcnOdsCode: string, serviceTag: string, mode: SlotMode): string {
  return `${pcnOdsCode}-${serviceTag}-${MODE_SUFFIX[mode]}`;
}

/** Bounds of a bulk-created session. */
export const SESSION_LIMITS = { minSlotMinutes: 5, maxSlotMinutes: 240, maxSessionHours: 12, maxSlots: 200 } as const;

/**
 * The slots of a session: back to back from `start`, each `slotMinutes` long, the last ending at
 * or before `end`. Returns an empty list when not even one fits.
 */
export function sessionSlots(start: Date, end: Date, slotMinutes: number): { startsAt: Date; endsAt: Date }[] {
  const length = slotMinutes * 60_000;
  const slots: { startsAt: Date; endsAt: Date }[] = [];
  for (let t = start.getTime(); t + length <= end.getTime(); t += length) {
    slots.push({ startsAt: new Date(t), endsAt: new Date(t + length) });
  }
  return slots;
}
