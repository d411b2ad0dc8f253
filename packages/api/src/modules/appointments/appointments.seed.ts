import type { Em } from '../../platform/db/orm.js';
import { uuidv7 } from '../../platform/ids.js';
import { HubService, type HubServiceKind } from '../hub-services/index.js';
import { AppointmentBook, Slot, SlotType } from './appointment.entity.js';
import { sessionSlots, slotTypeName, type SlotMode } from './appointments.codes.js';

interface DemoBook {
  readonly kind: HubServiceKind;
  readonly name: string;
  readonly tag: string;
  readonly gpConnectHolder: string | null;
  /** Daily sessions: mode, start hour (UTC), minutes long, slot minutes. */
  readonly sessions: readonly { mode: SlotMode; hour: number; minutes: number; slotMinutes: number }[];
}

/** Demo books: Enhanced Access is GP Connect-bookable; the others are cross-organisation only. */
export const DEMO_BOOKS: readonly DemoBook[] = [
  {
    kind: 'MINOR_ILLNESS',
    name: 'Minor Illness ANP clinic',
    tag: 'MinorIllness',
    gpConnectHolder: null,
    sessions: [
      { mode: 'FACE_TO_FACE', hour: 9, minutes: 60, slotMinutes: 15 },
      { mode: 'TELEPHONE', hour: 10, minutes: 60, slotMinutes: 15 },
    ],
  },
  {
    kind: 'ENHANCED_ACCESS',
    name: 'Enhanced Access evenings',
    tag: 'EnhancedAccess',
    gpConnectHolder: 'hub.anp1',
    sessions: [
      { mode: 'FACE_TO_FACE', hour: 18, minutes: 60, slotMinutes: 15 },
      { mode: 'VIDEO', hour: 19, minutes: 30, slotMinutes: 15 },
    ],
  },
  {
    kind: 'FCP_PHYSIO',
    name: 'First-contact physiotherapy',
    tag: 'Physio',
    gpConnectHolder: null,
    sessions: [{ mode: 'FACE_TO_FACE', hour: 14, minutes: 60, slotMinutes: 30 }],
  },
];

/** Seeds books, slot types and five days of slots (from tomorrow) for the demo hub's services. */
export async function seedDemoAppointments(
  em: Em,
  hubId: string,
  pcnOdsCode: string,
  now: Date,
  days = 5,
): Promise<void> {
  const services = await em.find(HubService, { hub: hubId });
  const books: object[] = [];
  const types: object[] = [];
  const slots: object[] = [];
  for (const demo of DEMO_BOOKS) {
    const service = services.find((s) => s.kind === demo.kind);
    if (!service) continue;
    const bookId = uuidv7();
    books.push({
      id: bookId,
      hub: hubId,
      service: service.id,
      name: demo.name,
      gpConnectBookable: demo.gpConnectHolder !== null,
      sessionHolder: demo.gpConnectHolder,
      active: true,
      createdBy: 'seed',
      createdAt: now,
    });
    const typeIds = new Map<SlotMode, string>();
    for (const session of demo.sessions) {
      if (typeIds.has(session.mode)) continue;
      const id = uuidv7();
      typeIds.set(session.mode, id);
      types.push({
        id,
        hub: hubId,
        service: service.id,
        name: slotTypeName(pcnOdsCode, demo.tag, session.mode),
        mode: session.mode,
        description: null,
        createdBy: 'seed',
        createdAt: now,
      });
    }
    for (let day = 1; day <= days; day += 1) {
      for (const session of demo.sessions) {
        const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + day, session.hour));
        const end = new Date(start.getTime() + session.minutes * 60_000);
        for (const t of sessionSlots(start, end, session.slotMinutes)) {
          slots.push({
            id: uuidv7(),
            hub: hubId,
            service: service.id,
            book: bookId,
            slotType: typeIds.get(session.mode)!,
            startsAt: t.startsAt,
            endsAt: t.endsAt,
            mode: session.mode,
            status: 'FREE',
            bookedByOrgId: null,
            bookedAt: null,
            blockedReason: null,
            createdAt: now,
          });
        }
      }
    }
  }
  if (books.length === 0) return;
  await em.insertMany(AppointmentBook, books as never[]);
  await em.insertMany(SlotType, types as never[]);
  await em.insertMany(Slot, slots as never[]);
}
