import { describe, expect, it } from 'vitest';
import {
  REFERRAL_STATES,
  REFERRAL_TRANSITIONS,
  TERMINAL_REFERRAL_STATES,
  canTransition,
  firstIllegalStep,
  isTerminalReferralState,
  needsReason,
  type ReferralState,
} from './referral.state.js';

/** The allowed moves, written out once more by hand: the table must match it exactly. */
const EXPECTED: readonly [ReferralState, ReferralState][] = [
  ['REQUESTED', 'BOOKED'],
  ['REQUESTED', 'READY'],
  ['REQUESTED', 'REJECTED'],
  ['REQUESTED', 'CANCELLED'],
  ['BOOKED', 'READY'],
  ['BOOKED', 'AWAITING_TRACE'],
  ['BOOKED', 'CANCELLED'],
  ['AWAITING_TRACE', 'READY'],
  ['AWAITING_TRACE', 'REJECTED'],
  ['AWAITING_TRACE', 'CANCELLED'],
  ['READY', 'ATTENDED'],
  ['READY', 'DID_NOT_ATTEND'],
  ['READY', 'COMPLETED'],
  ['READY', 'CANCELLED'],
  ['ATTENDED', 'COMPLETED'],
];

describe('referral state machine', () => {
  it('allows exactly the documented moves (all 81 pairs checked)', () => {
    const allowed = new Set(EXPECTED.map(([f, t]) => `${f}>${t}`));
    for (const from of REFERRAL_STATES) {
      for (const to of REFERRAL_STATES) {
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it('has no way out of a terminal state, and every other state has one', () => {
    for (const state of REFERRAL_STATES) {
      expect(REFERRAL_TRANSITIONS[state].length === 0).toBe(isTerminalReferralState(state));
    }
    expect([...TERMINAL_REFERRAL_STATES].sort()).toEqual(['CANCELLED', 'COMPLETED', 'DID_NOT_ATTEND', 'REJECTED']);
  });

  it('never moves a referral to itself', () => {
    for (const state of REFERRAL_STATES) expect(canTransition(state, state)).toBe(false);
  });

  it('walks the booking paths of the issue: traced and auto-registered', () => {
    expect(firstIllegalStep(['REQUESTED', 'BOOKED', 'AWAITING_TRACE', 'READY', 'ATTENDED', 'COMPLETED'])).toBeNull();
    expect(firstIllegalStep(['REQUESTED', 'BOOKED', 'READY', 'DID_NOT_ATTEND'])).toBeNull();
    expect(firstIllegalStep(['REQUESTED', 'READY', 'COMPLETED'])).toBeNull();
  });

  it('names the first illegal step of a path', () => {
    expect(firstIllegalStep(['REQUESTED', 'ATTENDED'])).toEqual({ from: 'REQUESTED', to: 'ATTENDED' });
    expect(firstIllegalStep(['REQUESTED', 'BOOKED', 'READY', 'AWAITING_TRACE'])).toEqual({
      from: 'READY',
      to: 'AWAITING_TRACE',
    });
    expect(firstIllegalStep(['COMPLETED', 'READY'])).toEqual({ from: 'COMPLETED', to: 'READY' });
  });

  it('reaches every state from REQUESTED', () => {
    const seen = new Set<ReferralState>(['REQUESTED']);
    const queue: ReferralState[] = ['REQUESTED'];
    while (queue.length) {
      for (const next of REFERRAL_TRANSITIONS[queue.shift()!]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...REFERRAL_STATES].sort());
  });

  it('asks for a reason on refusals and withdrawals only', () => {
    expect(REFERRAL_STATES.filter(needsReason).sort()).toEqual(['CANCELLED', 'REJECTED']);
  });
});
