import type { Em } from '../../platform/db/orm.js';
import { asDate, exec } from '../../platform/db/sql.js';
import type { SlotMode, SlotStatus } from './appointments.codes.js';

/** What a referrer needs to know about a slot before booking it. */
export interface SlotFacts {
  readonly id: string;
  readonly hubId: string;
  readonly serviceId: string;
  readonly bookId: string;
  readonly slotTypeId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly mode: SlotMode;
  readonly status: SlotStatus;
  readonly gpConnectBookable: boolean;
  readonly bookActive: boolean;
}

interface SlotRow {
  id: string;
  hub_id: string;
  service_id: string;
  book_id: string;
  slot_type_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  mode: SlotMode;
  status: SlotStatus;
  gp_connect_bookable: boolean;
  book_active: boolean;
}

/** The slot and its book's flags; null when there is no such slot. Visibility is the caller's concern. */
export async function slotFacts(em: Em, slotId: string): Promise<SlotFacts | null> {
  const [row] = await exec<SlotRow>(
    em,
    `select s.id, s.hub_id, s.service_id, s.book_id, s.slot_type_id, s.starts_at, s.ends_at, s.mode, s.status,
            b.gp_connect_bookable, b.active as book_active
       from appointment_slot s join appointment_book b on b.id = s.book_id
      where s.id = ?`,
    [slotId],
  );
  if (!row) return null;
  return {
    id: row.id,
    hubId: row.hub_id,
    serviceId: row.service_id,
    bookId: row.book_id,
    slotTypeId: row.slot_type_id,
    startsAt: asDate(row.starts_at),
    endsAt: asDate(row.ends_at),
    mode: row.mode,
    status: row.status,
    gpConnectBookable: row.gp_connect_bookable,
    bookActive: row.book_active,
  };
}

/** Why a slot could not be taken. */
export type ClaimRefusal = 'NOT_FOUND' | 'TAKEN' | 'BLOCKED' | 'IN_PAST';

/**
 * Books a slot for `byOrgId` inside the caller's transaction. The UPDATE only matches a FREE,
 * future slot; a concurrent booker waits on the row lock, then finds it BOOKED and matches
 * nothing, so exactly one of them wins. On a refusal nothing was changed.
 */
export async function claimSlot(
  em: Em,
  slotId: string,
  byOrgId: string,
  now = new Date(),
): Promise<ClaimRefusal | null> {
  const won = await exec<{ id: string }>(
    em,
    `update appointment_slot set status = 'BOOKED', booked_by_org_id = ?, booked_at = ?
      where id = ? and status = 'FREE' and starts_at > ?
      returning id`,
    [byOrgId, now, slotId, now],
  );
  if (won.length === 1) return null;
  const [row] = await exec<{ status: SlotStatus; starts_at: Date | string }>(
    em,
    'select status, starts_at from appointment_slot where id = ?',
    [slotId],
  );
  if (!row) return 'NOT_FOUND';
  if (row.status === 'BOOKED') return 'TAKEN';
  if (row.status === 'BLOCKED') return 'BLOCKED';
  return 'IN_PAST';
}

/** Frees a booked slot again when a referral no longer needs it, unless its time has passed. */
export async function releaseSlot(em: Em, slotId: string, now = new Date()): Promise<boolean> {
  const freed = await exec<{ id: string }>(
    em,
    `update appointment_slot set status = 'FREE', booked_by_org_id = null, booked_at = null
      where id = ? and status = 'BOOKED' and starts_at > ?
      returning id`,
    [slotId, now],
  );
  return freed.length === 1;
}
