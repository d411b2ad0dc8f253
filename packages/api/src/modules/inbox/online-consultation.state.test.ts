import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CONSULTATION_ACTIONS,
  CONSULTATION_STATES,
  EVENT_TYPE_OF,
  INBOX_FOLDERS,
  LOCKED_STATES,
  NOMINAL_TARGET,
  OPEN_STATES,
  SIGNPOST_DESTINATIONS,
  TRANSITIONS,
  countFolders,
  folderFilter,
  isTerminal,
  lockEffect,
  needsLock,
  targetsOf,
  transition,
  type ConsultationAction,
  type ConsultationState,
} from './online-consultation.state.js';

/** The whole machine, written out once more by hand: any change to TRANSITIONS must change this. */
const EXPECTED: Record<ConsultationAction, Partial<Record<ConsultationState, ConsultationState[]>>> = {
  ARRIVE: { RECEIVED: ['AWAITING_TRIAGE', 'UNMATCHED'] },
  MATCH: { UNMATCHED: ['AWAITING_TRIAGE'] },
  CLAIM: {
    AWAITING_TRIAGE: ['IN_TRIAGE'],
    PASSED_TO_PRACTICE: ['IN_TRIAGE'],
    IN_TRIAGE: ['IN_TRIAGE'],
    HUB_SERVICE_QUEUE: ['IN_PROGRESS'],
    ADMIN_QUEUE: ['IN_PROGRESS'],
    URGENT_ESCALATION: ['IN_PROGRESS'],
    IN_PROGRESS: ['IN_PROGRESS'],
    SIGNPOSTED_EXTERNAL: ['SIGNPOSTED_EXTERNAL'],
    CLOSED_REMOTELY: ['CLOSED_REMOTELY'],
  },
  RELEASE: {
    IN_TRIAGE: ['AWAITING_TRIAGE'],
    IN_PROGRESS: ['HUB_SERVICE_QUEUE', 'ADMIN_QUEUE', 'URGENT_ESCALATION'],
    SIGNPOSTED_EXTERNAL: ['SIGNPOSTED_EXTERNAL'],
    CLOSED_REMOTELY: ['CLOSED_REMOTELY'],
  },
  OVERRIDE_LOCK: {
    IN_TRIAGE: ['IN_TRIAGE'],
    IN_PROGRESS: ['IN_PROGRESS'],
    SIGNPOSTED_EXTERNAL: ['SIGNPOSTED_EXTERNAL'],
    CLOSED_REMOTELY: ['CLOSED_REMOTELY'],
  },
  SIGNPOST: { IN_TRIAGE: [...SIGNPOST_DESTINATIONS], IN_PROGRESS: [...SIGNPOST_DESTINATIONS] },
  PASS_BACK: {
    IN_TRIAGE: ['PASSED_TO_PRACTICE'],
    IN_PROGRESS: ['PASSED_TO_PRACTICE'],
    AWAITING_TRIAGE: ['PASSED_TO_PRACTICE'],
    HUB_SERVICE_QUEUE: ['PASSED_TO_PRACTICE'],
    ADMIN_QUEUE: ['PASSED_TO_PRACTICE'],
    URGENT_ESCALATION: ['PASSED_TO_PRACTICE'],
  },
  PULL_TO_HUB: {
    AWAITING_TRIAGE: ['AWAITING_TRIAGE'],
    PASSED_TO_PRACTICE: ['AWAITING_TRIAGE'],
    IN_TRIAGE: ['AWAITING_TRIAGE'],
  },
  COMPLETE: { IN_PROGRESS: ['COMPLETED'], SIGNPOSTED_EXTERNAL: ['COMPLETED'], CLOSED_REMOTELY: ['COMPLETED'] },
  CANCEL: Object.fromEntries(
    CONSULTATION_STATES.filter((s) => !['RECEIVED', 'COMPLETED', 'CANCELLED'].includes(s)).map((s) => [
      s,
      ['CANCELLED'],
    ]),
  ),
};

describe('online consultation state machine', () => {
  for (const action of CONSULTATION_ACTIONS) {
    for (const from of CONSULTATION_STATES) {
      const expected = EXPECTED[action][from] ?? [];
      it(`${action} from ${from} -> ${expected.length ? expected.join('|') : 'refused'}`, () => {
        expect(targetsOf(action, from).sort()).toEqual([...expected].sort());
        for (const to of CONSULTATION_STATES) {
          expect(transition(action, from, to)).toEqual({ ok: expected.includes(to), from, to });
        }
        const single = transition(action, from);
        if (expected.length === 1) expect(single).toEqual({ ok: true, from, to: expected[0] });
        else expect(single).toEqual({ ok: false, from, to: NOMINAL_TARGET[action] });
      });
    }
  }

  it('lists no transition twice', () => {
    for (const action of CONSULTATION_ACTIONS) {
      const keys = TRANSITIONS[action].map(([f, t]) => `${f}>${t}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('never leaves a terminal state, and never enters RECEIVED', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONSULTATION_ACTIONS), fc.constantFrom(...CONSULTATION_STATES), (action, from) => {
        const targets = targetsOf(action, from);
        if (isTerminal(from)) expect(targets).toEqual([]);
        expect(targets).not.toContain('RECEIVED');
      }),
    );
  });

  it('reaches COMPLETED from every open state by some path, so nothing can get stuck', () => {
    for (const start of OPEN_STATES) {
      const seen = new Set<ConsultationState>([start]);
      const queue: ConsultationState[] = [start];
      while (queue.length) {
        const s = queue.shift()!;
        for (const action of CONSULTATION_ACTIONS) {
          for (const t of targetsOf(action, s)) {
            if (seen.has(t)) continue;
            seen.add(t);
            queue.push(t);
          }
        }
      }
      expect(seen.has('COMPLETED'), start).toBe(true);
      expect(seen.has('CANCELLED'), start).toBe(true);
    }
  });

  it('gives and takes the lock as documented', () => {
    expect(lockEffect('CLAIM', 'IN_TRIAGE')).toBe('GRANT');
    expect(lockEffect('OVERRIDE_LOCK', 'IN_PROGRESS')).toBe('GRANT');
    expect(lockEffect('SIGNPOST', 'SIGNPOSTED_EXTERNAL')).toBe('KEEP');
    expect(lockEffect('SIGNPOST', 'CLOSED_REMOTELY')).toBe('KEEP');
    for (const queue of ['HUB_SERVICE_QUEUE', 'ADMIN_QUEUE', 'URGENT_ESCALATION'] as const)
      expect(lockEffect('SIGNPOST', queue)).toBe('DROP');
    for (const action of ['RELEASE', 'PASS_BACK', 'PULL_TO_HUB', 'COMPLETE', 'CANCEL'] as const) {
      expect(lockEffect(action, 'AWAITING_TRIAGE')).toBe('DROP');
    }
    expect(lockEffect('ARRIVE', 'AWAITING_TRIAGE')).toBe('NONE');
    expect(lockEffect('MATCH', 'AWAITING_TRIAGE')).toBe('NONE');
  });

  it('requires the lock exactly for release, signpost, pass back and complete', () => {
    expect(CONSULTATION_ACTIONS.filter(needsLock).sort()).toEqual(['COMPLETE', 'PASS_BACK', 'RELEASE', 'SIGNPOST']);
  });

  it('only lets actions that need the lock start from states that can hold one, but the bulk hand-back', () => {
    // PASS_BACK from an unclaimed queue is reachable only by the hub manager's bulk hand-back, which
    // waives the lock; a single pass-back from there fails on the lock (LOCK_NOT_HELD).
    const lockFree = {
      PASS_BACK: ['AWAITING_TRIAGE', 'HUB_SERVICE_QUEUE', 'ADMIN_QUEUE', 'URGENT_ESCALATION'],
    } as Partial<Record<ConsultationAction, string[]>>;
    for (const action of CONSULTATION_ACTIONS.filter(needsLock)) {
      const unlocked = TRANSITIONS[action].map(([from]) => from).filter((from) => !LOCKED_STATES.includes(from));
      expect(unlocked.sort(), action).toEqual((lockFree[action] ?? []).sort());
    }
  });

  it('names one event type per action', () => {
    expect(new Set(Object.values(EVENT_TYPE_OF)).size).toBe(CONSULTATION_ACTIONS.length);
  });
});

describe('inbox folders', () => {
  it('puts every stored state in exactly one state folder besides the open/type/overdue ones', () => {
    const stateFolders = INBOX_FOLDERS.filter((f) => !['ALL_OPEN', 'CLINICAL', 'ADMIN', 'OVERDUE'].includes(f));
    for (const state of CONSULTATION_STATES.filter((s) => s !== 'RECEIVED')) {
      expect(
        stateFolders.filter((f) => folderFilter(f).states.includes(state)),
        state,
      ).toHaveLength(1);
    }
  });

  it('counts folders from grouped rows', () => {
    const counts = countFolders([
      { state: 'AWAITING_TRIAGE', type: 'CLINICAL', count: 3, overdue: 2 },
      { state: 'AWAITING_TRIAGE', type: 'ADMIN', count: 2, overdue: 0 },
      { state: 'UNMATCHED', type: 'CLINICAL', count: 1, overdue: 0 },
      { state: 'CLOSED_REMOTELY', type: 'ADMIN', count: 4, overdue: 1 },
      // Closed ones are never overdue (the database answers 0 for them; a stray count is ignored).
      { state: 'COMPLETED', type: 'CLINICAL', count: 7, overdue: 5 },
      { state: 'CANCELLED', type: 'ADMIN', count: 1, overdue: 0 },
    ]);
    expect(counts).toMatchObject({
      ALL_OPEN: 10,
      CLINICAL: 4,
      ADMIN: 6,
      OVERDUE: 3,
      AWAITING_TRIAGE: 5,
      UNMATCHED: 1,
      SIGNPOSTED: 4,
      COMPLETE: 7,
      CANCELLED: 1,
      IN_TRIAGE: 0,
    });
  });
});
