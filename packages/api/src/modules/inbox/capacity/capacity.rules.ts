import type { CapacityState, HubClosureKind, OcRouting, OverflowMode, RoutingReason } from '../inbox.codes.js';

/** A day's plan for one service, as the rules need it. */
export interface PlanFacts {
  readonly plannedCapacity: number;
  readonly softThreshold: number;
  readonly hardThreshold: number;
  readonly overflowMode: OverflowMode;
}

/** NORMAL below the soft threshold, SOFT_LIMIT from it, HARD_LIMIT from the hard one; no plan: NORMAL. */
export function capacityState(
  load: number,
  plan: Pick<PlanFacts, 'softThreshold' | 'hardThreshold'> | null,
): CapacityState {
  if (!plan) return 'NORMAL';
  if (load >= plan.hardThreshold) return 'HARD_LIMIT';
  if (load >= plan.softThreshold) return 'SOFT_LIMIT';
  return 'NORMAL';
}

/** A business continuity period, as the rules need it. */
export interface ClosureFacts {
  readonly kind: HubClosureKind;
  /** REDUCED_CAPACITY: 1-99. */
  readonly capacityPercent?: number | null;
}

/** The hub as a whole on one day. */
export interface HubCapacityFacts {
  readonly load: number;
  /** A CLOSED period is in force: nothing new goes to the hub. */
  readonly closed: boolean;
  /** The share of the day's plans in force: 100, or a REDUCED_CAPACITY period's percentage. */
  readonly capacityPercent: number;
  readonly plannedCapacity: number;
  readonly softThreshold: number;
  readonly hardThreshold: number;
  readonly state: CapacityState;
  /** PASS_BACK_DEFAULT when any service's plan asks for it (the cautious choice); null without plans. */
  readonly overflowMode: OverflowMode | null;
}

/** A count scaled to `percent` of itself, rounded down (reduced capacity never rounds up). */
export const scaled = (count: number, percent: number): number => Math.floor((count * percent) / 100);

/**
 * Hub-wide capacity: `load` is every open consultation the hub owns (untriaged, queued and in
 * progress), measured against the sums of the day's service plans. A day without plans is
 * unlimited (NORMAL): capacity management is opt-in per day. A REDUCED_CAPACITY period scales
 * every plan (planned capacity and both thresholds) to its percentage, so the usual rules (routing
 * at the hard limit, refused pulls, shared triage) apply sooner; a CLOSED period sets `closed`.
 */
export function hubCapacity(
  load: number,
  plans: readonly PlanFacts[],
  closure: ClosureFacts | null = null,
): HubCapacityFacts {
  const closed = closure?.kind === 'CLOSED';
  const percent = closure?.kind === 'REDUCED_CAPACITY' ? (closure.capacityPercent ?? 100) : 100;
  if (plans.length === 0) {
    return {
      load,
      closed,
      capacityPercent: percent,
      plannedCapacity: 0,
      softThreshold: 0,
      hardThreshold: 0,
      state: 'NORMAL',
      overflowMode: null,
    };
  }
  const sum = (pick: (p: PlanFacts) => number) => plans.reduce((total, p) => total + scaled(pick(p), percent), 0);
  const softThreshold = sum((p) => p.softThreshold);
  const hardThreshold = sum((p) => p.hardThreshold);
  return {
    load,
    closed,
    capacityPercent: percent,
    plannedCapacity: sum((p) => p.plannedCapacity),
    softThreshold,
    hardThreshold,
    state: capacityState(load, { softThreshold, hardThreshold }),
    overflowMode: plans.some((p) => p.overflowMode === 'PASS_BACK_DEFAULT') ? 'PASS_BACK_DEFAULT' : 'SHARED_TRIAGE',
  };
}

/**
 * Who owns a new arrival. A practice that keeps its consultations gets them; otherwise the hub,
 * unless the hub is closed, or at its hard limit in PASS_BACK_DEFAULT mode, when they default to
 * the practice.
 */
export function routeArrival(
  setting: OcRouting,
  hub: Pick<HubCapacityFacts, 'state' | 'overflowMode'> & { readonly closed?: boolean },
): {
  owner: 'HUB' | 'PRACTICE';
  reason: RoutingReason;
} {
  if (setting === 'PRACTICE_INBOX') return { owner: 'PRACTICE', reason: 'PRACTICE_SETTING' };
  if (hub.closed) return { owner: 'PRACTICE', reason: 'HUB_CLOSED' };
  if (hub.state === 'HARD_LIMIT' && hub.overflowMode === 'PASS_BACK_DEFAULT')
    return { owner: 'PRACTICE', reason: 'HUB_OVER_CAPACITY' };
  return { owner: 'HUB', reason: 'ROUTED_TO_HUB' };
}

/** Pulling work to the hub is refused at the hard limit. */
export function canPullAt(state: CapacityState): boolean {
  return state !== 'HARD_LIMIT';
}

/**
 * The period that governs a planning view of a whole day: CLOSED over REDUCED_CAPACITY, then the
 * lowest percentage (routing itself always uses the period in force at the moment of arrival).
 */
export function mostRestrictive<T extends ClosureFacts>(periods: readonly T[]): T | null {
  let worst: T | null = null;
  for (const p of periods) {
    if (!worst) worst = p;
    else if (
      worst.kind !== 'CLOSED' &&
      (p.kind === 'CLOSED' || (p.capacityPercent ?? 100) < (worst.capacityPercent ?? 100))
    )
      worst = p;
  }
  return worst;
}

// Made on first use: a time-zone formatter loads the zone data (about 15 ms, off the start path).
let londonDateFormat: Intl.DateTimeFormat | null = null;

/** The calendar date in Europe/London (the PCN's day), as YYYY-MM-DD. */
export function londonDate(at: Date): string {
  londonDateFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return londonDateFormat.format(at);
}

let londonHourFormat: Intl.DateTimeFormat | null = null;

/** The instant a Europe/London calendar day (YYYY-MM-DD) starts. */
export function londonDayStart(date: string): Date {
  londonHourFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  // London is UTC or UTC+1: at 00:00 UTC the London clock reads 00 or 01.
  return new Date(utcMidnight.getTime() - Number(londonHourFormat.format(utcMidnight)) * 3_600_000);
}
