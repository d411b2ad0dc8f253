import type { FilterQuery } from '@mikro-orm/core';
import type { Em } from '../../../platform/db/orm.js';
import { HubClosure } from '../inbox-settings.entity.js';

/** Periods not over by `from`: neither their window nor a reopening ended them at or before it. */
const notOverBy = (from: Date): FilterQuery<HubClosure>[] => [
  { $or: [{ endsAt: null }, { endsAt: { $gt: from } }] },
  { $or: [{ endedAt: null }, { endedAt: { $gt: from } }] },
];

/** The period in force at `at` (declarations never overlap, so at most one). */
export async function closureInForce(em: Em, hubId: string, at: Date): Promise<HubClosure | null> {
  const [found] = await em.find(
    HubClosure,
    { $and: [{ hub: hubId, startsAt: { $lte: at } }, ...notOverBy(at)] },
    { orderBy: { startsAt: 'desc' }, limit: 1 },
  );
  return found ?? null;
}

/** Periods that overlap [from, to) (to null: open-ended), earliest first. */
export function closuresOverlapping(em: Em, hubId: string, from: Date, to: Date | null): Promise<HubClosure[]> {
  const starts: FilterQuery<HubClosure> = to ? { startsAt: { $lt: to } } : {};
  return em.find(HubClosure, { $and: [{ hub: hubId }, starts, ...notOverBy(from)] }, { orderBy: { startsAt: 'asc' } });
}

/** The end of a period: the earlier of its window's end and its reopening; null while open-ended. */
export function effectiveEnd(c: Pick<HubClosure, 'endsAt' | 'endedAt'>): Date | null {
  const ends = [c.endsAt, c.endedAt].filter((d): d is Date => d instanceof Date);
  return ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
}

/** Whether the period is in force at `at`. */
export function inForceAt(c: Pick<HubClosure, 'startsAt' | 'endsAt' | 'endedAt'>, at: Date): boolean {
  const end = effectiveEnd(c);
  return c.startsAt.getTime() <= at.getTime() && (end === null || at.getTime() < end.getTime());
}
