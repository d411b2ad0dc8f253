import { describe, expect, it } from 'vitest';
import { canPullAt, capacityState, hubCapacity, londonDate, routeArrival, type PlanFacts } from './inbox.capacity.js';

const plan = (soft: number, hard: number, overflowMode: PlanFacts['overflowMode'] = 'PASS_BACK_DEFAULT'): PlanFacts => ({
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
    expect(hubCapacity(4, two)).toMatchObject({ softThreshold: 5, hardThreshold: 10, plannedCapacity: 10, state: 'NORMAL', overflowMode: 'SHARED_TRIAGE' });
    expect(hubCapacity(5, two).state).toBe('SOFT_LIMIT');
    expect(hubCapacity(10, two).state).toBe('HARD_LIMIT');
    expect(hubCapacity(10, [...two, plan(0, 0, 'PASS_BACK_DEFAULT')]).overflowMode).toBe('PASS_BACK_DEFAULT');
  });

  it('routes arrivals by setting, then by overflow', () => {
    expect(routeArrival('PRACTICE_INBOX', { state: 'NORMAL', overflowMode: null })).toEqual({ owner: 'PRACTICE', reason: 'PRACTICE_SETTING' });
    expect(routeArrival('HUB_INBOX', { state: 'NORMAL', overflowMode: null })).toEqual({ owner: 'HUB', reason: 'ROUTED_TO_HUB' });
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
});
