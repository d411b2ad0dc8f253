import type { CapacityState, OcRouting, OverflowMode, RoutingReason } from './inbox.codes.js';

/** A day's plan for one service, as the rules need it. */
export interface PlanFacts {
  readonly plannedCapacity: number;
  readonly softThreshold: number;
  readonly hardThreshold: number;
  readonly overflowMode: OverflowMode;
}

/** NORMAL below the soft threshold, SOFT_LIMIT from it, HARD_LIMIT from the hard one; no plan: NORMAL. */
export function capacityState(load: number, plan: Pick<PlanFacts, 'softThreshold' | 'hardThreshold'> | null): CapacityState {
  if (!plan) return 'NORMAL';
  if (load >= plan.hardThreshold) return 'HARD_LIMIT';
  if (load >= plan.softThreshold) return 'SOFT_LIMIT';
  return 'NORMAL';
}

/** The hub as a whole on one day. */
export interface HubCapacityFacts {
  readonly load: number;
  readonly plannedCapacity: number;
  readonly softThreshold: number;
  readonly hardThreshold: number;
  readonly state: CapacityState;
  /** PASS_BACK_DEFAULT when any service's plan asks for it (the cautious choice); null without plans. */
  readonly overflowMode: OverflowMode | null;
}

/**
 * Hub-wide capacity: `load` is every open consultation the hub owns (untriaged, queued and in
 * progress), measured against the sums of the day's service plans. A day without plans is
 * unlimited (NORMAL): capacity management is opt-in per day.
 */
export function hubCapacity(load: number, plans: readonly PlanFacts[]): HubCapacityFacts {
  if (plans.length === 0) {
    return { load, plannedCapacity: 0, softThreshold: 0, hardThreshold: 0, state: 'NORMAL', overflowMode: null };
  }
  const sum = (pick: (p: PlanFacts) => number) => plans.reduce((total, p) => total + pick(p), 0);
  const softThreshold = sum((p) => p.softThreshold);
  const hardThreshold = sum((p) => p.hardThreshold);
  return {
    load,
    plannedCapacity: sum((p) => p.plannedCapacity),
    softThreshold,
    hardThreshold,
    state: capacityState(load, { softThreshold, hardThreshold }),
    overflowMode: plans.some((p) => p.overflowMode === 'PASS_BACK_DEFAULT') ? 'PASS_BACK_DEFAULT' : 'SHARED_TRIAGE',
  };
}

/**
 * Who owns a new arrival. A practice that keeps its consultations gets them; otherwise the hub,
 * unless the hub is at its hard limit in PASS_BACK_DEFAULT mode, when they default to the practice.
 */
export function routeArrival(setting: OcRouting, hub: Pick<HubCapacityFacts, 'state' | 'overflowMode'>): {
  owner: 'HUB' | 'PRACTICE';
  reason: RoutingReason;
} {
  if (setting === 'PRACTICE_INBOX') return { owner: 'PRACTICE', reason: 'PRACTICE_SETTING' };
  if (hub.state === 'HARD_LIMIT' && hub.overflowMode === 'PASS_BACK_DEFAULT') return { owner: 'PRACTICE', reason: 'HUB_OVER_CAPACITY' };
  return { owner: 'HUB', reason: 'ROUTED_TO_HUB' };
}

/** Pulling work to the hub is refused at the hard limit. */
export function canPullAt(state: CapacityState): boolean {
  return state !== 'HARD_LIMIT';
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
