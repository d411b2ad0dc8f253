import { describe, expect, it } from 'vitest';
import {
  canPullAt,
  capacityState,
  hubCapacity,
  londonDate,
  londonDayStart,
  mostRestrictive,
  routeArrival,
  scaled,
  type PlanFacts,
} from './capacity.rules.js';

const plan = (
  soft: number,
  hard: number,
  overflowMode: PlanFacts['overflowMode'] = 'PASS_BACK_DEFAULT',
): PlanFacts => ({
  plannedCapacity: hard,
  softThreshold: soft,
  hardThreshold: hard,
  overflowMode,
});

describe('capacity', () => {
  it('classifies load against thresholds', () => {
    expect(capacityState(4, plan(5, 8))).toBe('NORMAL');
    expect(capacityState(5, plan(5, 8))).toBe('SOFT_LIMIT');
    expect(capacityState(8, plan(5, 8))).toBe('HARD_LIMIT');
    expect(capacityState(1000, null)).toBe('NORMAL');
  });

  it('sums the day plans for the hub, PASS_BACK_DEFAULT winning', () => {
    expect(hubCapacity(3, [])).toMatchObject({ state: 'NORMAL', overflowMode: null, hardThreshold: 0 });
    const two = [plan(2, 4, 'SHARED_TRIAGE'), plan(3, 6, 'SHARED_TRIAGE')];
    expect(hubCapacity(4, two)).toMatchObject({
      softThreshold: 5,
      hardThreshold: 10,
      plannedCapacity: 10,
      state: 'NORMAL',
      overflowMode: 'SHARED_TRIAGE',
    });
    expect(hubCapacity(5, two).state).toBe('SOFT_LIMIT');
    expect(hubCapacity(10, two).state).toBe('HARD_LIMIT');
    expect(hubCapacity(10, [...two, plan(0, 0, 'PASS_BACK_DEFAULT')]).overflowMode).toBe('PASS_BACK_DEFAULT');
  });

  it('routes arrivals by setting, then by overflow', () => {
    expect(routeArrival('PRACTICE_INBOX', { state: 'NORMAL', overflowMode: null })).toEqual({
      owner: 'PRACTICE',
      reason: 'PRACTICE_SETTING',
    });
    expect(routeArrival('HUB_INBOX', { state: 'NORMAL', overflowMode: null })).toEqual({
      owner: 'HUB',
      reason: 'ROUTED_TO_HUB',
    });
    expect(routeArrival('HUB_INBOX', { state: 'SOFT_LIMIT', overflowMode: 'PASS_BACK_DEFAULT' }).owner).toBe('HUB');
    expect(routeArrival('HUB_INBOX', { state: 'HARD_LIMIT', overflowMode: 'PASS_BACK_DEFAULT' })).toEqual({
      owner: 'PRACTICE',
      reason: 'HUB_OVER_CAPACITY',
    });
    expect(routeArrival('HUB_INBOX', { state: 'HARD_LIMIT', overflowMode: 'SHARED_TRIAGE' }).owner).toBe('HUB');
  });

  it('refuses pulls at the hard limit only', () => {
    expect(canPullAt('NORMAL')).toBe(true);
    expect(canPullAt('SOFT_LIMIT')).toBe(true);
    expect(canPullAt('HARD_LIMIT')).toBe(false);
  });

  it('uses the London calendar day', () => {
    expect(londonDate(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(londonDate(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });

  it('scales every plan by a REDUCED_CAPACITY period, rounding down, so the limits come sooner', () => {
    const two = [plan(2, 4, 'PASS_BACK_DEFAULT'), plan(3, 6, 'PASS_BACK_DEFAULT')];
    const half = hubCapacity(5, two, { kind: 'REDUCED_CAPACITY', capacityPercent: 50 });
    // 50% of (2,4) and (3,6): (1,2) and (1,3), summed (2,5); planned capacity 2+3.
    expect(half).toMatchObject({
      softThreshold: 2,
      hardThreshold: 5,
      plannedCapacity: 5,
      capacityPercent: 50,
      closed: false,
      state: 'HARD_LIMIT',
    });
    expect(hubCapacity(5, two).state).toBe('SOFT_LIMIT');
    expect(routeArrival('HUB_INBOX', half)).toEqual({ owner: 'PRACTICE', reason: 'HUB_OVER_CAPACITY' });
    expect(scaled(7, 99)).toBe(6);
    // A day without plans stays unlimited: reduced capacity scales plans, it does not invent one.
    expect(hubCapacity(50, [], { kind: 'REDUCED_CAPACITY', capacityPercent: 10 })).toMatchObject({
      state: 'NORMAL',
      capacityPercent: 10,
    });
  });

  it('routes every arrival to the practice while the hub is closed, whatever its capacity', () => {
    const closed = hubCapacity(0, [], { kind: 'CLOSED' });
    expect(closed).toMatchObject({ closed: true, capacityPercent: 100, state: 'NORMAL' });
    expect(routeArrival('HUB_INBOX', closed)).toEqual({ owner: 'PRACTICE', reason: 'HUB_CLOSED' });
    expect(routeArrival('PRACTICE_INBOX', closed)).toEqual({ owner: 'PRACTICE', reason: 'PRACTICE_SETTING' });
    expect(routeArrival('HUB_INBOX', hubCapacity(0, [], null))).toEqual({ owner: 'HUB', reason: 'ROUTED_TO_HUB' });
  });

  it('shows a day by its most restrictive period: closed over reduced, then the lowest share', () => {
    const r60 = { kind: 'REDUCED_CAPACITY' as const, capacityPercent: 60 };
    const r30 = { kind: 'REDUCED_CAPACITY' as const, capacityPercent: 30 };
    const shut = { kind: 'CLOSED' as const, capacityPercent: null };
    expect(mostRestrictive([])).toBeNull();
    expect(mostRestrictive([r60, r30])).toBe(r30);
    expect(mostRestrictive([r30, shut, r60])).toBe(shut);
  });

  it('knows when a London day starts, in winter and in summer time', () => {
    expect(londonDayStart('2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(londonDayStart('2026-07-02').toISOString()).toBe('2026-07-01T23:00:00.000Z');
    expect(londonDayStart('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });
});
