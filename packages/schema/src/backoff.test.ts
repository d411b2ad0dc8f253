import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay (the one backoff of the repository)', () => {
  it('doubles per failed attempt from the base, capped, with equal jitter: half fixed, half random', () => {
    const b = { baseMs: 1000, maxMs: 3_600_000 };
    expect(backoffDelay(1, { ...b, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { ...b, random: () => 1 })).toBe(1000);
    expect(backoffDelay(4, { ...b, random: () => 0 })).toBe(4000);
    expect(backoffDelay(4, { ...b, random: () => 1 })).toBe(8000);
    expect(backoffDelay(40, { ...b, random: () => 1 })).toBe(3_600_000);
    expect(backoffDelay(10_000, { ...b, random: () => 1 })).toBe(3_600_000);
    const samples = new Set(Array.from({ length: 50 }, () => backoffDelay(3, b)));
    expect(samples.size).toBeGreaterThan(10);
  });

  it('without jitter, the exponential step itself (a single caller on its own schedule)', () => {
    const b = { baseMs: 300, maxMs: 5000, jitter: false };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, b))).toEqual([300, 600, 1200, 2400, 4800, 5000]);
    expect(backoffDelay(0, b)).toBe(300);
  });
});
