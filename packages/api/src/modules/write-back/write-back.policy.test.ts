import { describe, expect, it } from 'vitest';
import { combinedWriteBackState, writeBackStateOf } from './write-back.codes.js';
import { decideWriteBack, type AgreementFacts, type WriteBackFacts } from './write-back.policy.js';
import { backoffDelay } from '@pcn-hub/schema';

const hub = { id: 'hub', kind: 'HUB' as const, odsCode: 'Y99000', active: true };
const p1 = { id: 'p1', kind: 'PRACTICE' as const, odsCode: 'Y99011', active: true };
const p2 = { id: 'p2', kind: 'PRACTICE' as const, odsCode: 'Y99012', active: true };
const agreement = (state: AgreementFacts['state'], oneToOne = false): AgreementFacts => ({ id: 'a1', state, oneToOne });
const facts = (over: Partial<WriteBackFacts>): WriteBackFacts => ({
  source: hub,
  target: p1,
  clinicallyRelevant: true,
  sourceProduct: 'NATIVE',
  practiceToPracticeWriteBack: false,
  agreement: agreement('ACTIVE'),
  ...over,
});

describe('decideWriteBack', () => {
  it.each([
    ['hub -> practice, ACTIVE agreement', {}, 'WRITE_BACK'],
    ['hub -> practice, no agreement', { agreement: null }, 'BLOCKED'],
    ['hub -> practice, REQUESTED agreement', { agreement: agreement('REQUESTED') }, 'BLOCKED'],
    ['hub -> practice, SUSPENDED agreement', { agreement: agreement('SUSPENDED') }, 'BLOCKED'],
    ['hub -> practice, REVOKED agreement', { agreement: agreement('REVOKED') }, 'BLOCKED'],
    ['practice -> practice, switch off, no agreement', { source: p2, agreement: null }, 'BLOCKED'],
    ['practice -> practice, switch off, ACTIVE pairwise agreement', { source: p2 }, 'BLOCKED'],
    [
      'practice -> practice, switch off, ACTIVE one-to-one',
      { source: p2, agreement: agreement('ACTIVE', true) },
      'WRITE_BACK',
    ],
    [
      'practice -> practice, switch off, SUSPENDED one-to-one',
      { source: p2, agreement: agreement('SUSPENDED', true) },
      'BLOCKED',
    ],
    [
      'practice -> practice, switch on, ACTIVE agreement',
      { source: p2, practiceToPracticeWriteBack: true },
      'WRITE_BACK',
    ],
    [
      'practice -> practice, switch on, no agreement',
      { source: p2, practiceToPracticeWriteBack: true, agreement: null },
      'BLOCKED',
    ],
    [
      'practice -> practice, switch on, REVOKED',
      { source: p2, practiceToPracticeWriteBack: true, agreement: agreement('REVOKED') },
      'BLOCKED',
    ],
    ['registered at the authoring organisation', { source: p1, agreement: null }, 'NOT_REQUIRED'],
    ['admin-only consultation', { clinicallyRelevant: false }, 'NOT_REQUIRED'],
    ['inactive registered practice', { target: { ...p1, active: false } }, 'BLOCKED'],
    ['third-party product, ACTIVE agreement', { sourceProduct: 'acme.oc' }, 'WRITE_BACK'],
    ['third-party product, no agreement', { sourceProduct: 'acme.oc', agreement: null }, 'BLOCKED'],
  ] as const)('%s -> %s', (_name, over, decision) => {
    const verdict = decideWriteBack(facts(over), { adminOnly: false });
    expect(verdict.decision).toBe(decision);
    expect(verdict.agreementId).toBe(decision === 'WRITE_BACK' ? 'a1' : null);
    expect(verdict.reasons.length).toBeGreaterThanOrEqual(3);
  });

  it('never sends admin notes', () => {
    expect(decideWriteBack(facts({}), { adminOnly: true }).decision).toBe('NOT_REQUIRED');
  });

  it('states the switch, the agreement and the source product in the reasons', () => {
    const verdict = decideWriteBack(facts({ source: p2, agreement: agreement('ACTIVE'), sourceProduct: 'acme.oc' }), {
      adminOnly: false,
    });
    const text = verdict.reasons.join(' | ');
    expect(text).toContain('switched OFF');
    expect(text).toContain('agreement a1 is ACTIVE');
    expect(text).toContain('not one-to-one');
    expect(text).toContain('acme.oc');
    expect(verdict.direction).toBe('PRACTICE_TO_PRACTICE');
  });
});

describe('write-back states', () => {
  it('shows the delivery state for WRITE_BACK decisions and the decision otherwise', () => {
    expect(writeBackStateOf('WRITE_BACK', null)).toBe('PENDING');
    expect(writeBackStateOf('WRITE_BACK', 'RETRYING')).toBe('RETRYING');
    expect(writeBackStateOf('BLOCKED', 'DELIVERED')).toBe('BLOCKED');
    expect(writeBackStateOf('NOT_REQUIRED', null)).toBe('NOT_REQUIRED');
  });

  it('combines entry states by urgency', () => {
    expect(combinedWriteBackState(['DELIVERED', 'DEAD', 'PENDING'])).toBe('DEAD');
    expect(combinedWriteBackState(['DELIVERED', 'NOT_REQUIRED'])).toBe('DELIVERED');
    expect(combinedWriteBackState(['BLOCKED', 'DELIVERED'])).toBe('BLOCKED');
    expect(combinedWriteBackState([])).toBeNull();
  });
});

const retryDelayMs = (attempt: number, baseMs: number, random?: () => number): number =>
  backoffDelay(attempt, { baseMs, maxMs: 3_600_000, ...(random ? { random } : {}) });

describe('write-back retry delay (the shared backoff, capped at an hour)', () => {
  it('doubles per attempt with jitter within [half, full] of the exponential step, capped at an hour', () => {
    expect(retryDelayMs(1, 1000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, () => 1)).toBe(1000);
    expect(retryDelayMs(4, 1000, () => 0)).toBe(4000);
    expect(retryDelayMs(4, 1000, () => 1)).toBe(8000);
    expect(retryDelayMs(40, 1000, () => 1)).toBe(3_600_000);
    const samples = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, 1000)));
    expect(samples.size).toBeGreaterThan(10);
  });
});
