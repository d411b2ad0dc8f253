import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  SYNTHETIC_NHS_NUMBER_CAPACITY,
  formatNhsNumber,
  generateNhsNumber,
  isValidNhsNumber,
  nhsNumberCheckDigit,
  normaliseNhsNumber,
  syntheticNhsNumber,
} from './nhs-number.js';

/** Valid NHS numbers: a random 9-digit body that admits a check digit, plus that digit. */
const validNhsNumber = fc
  .integer({ min: 0, max: 999_999_999 })
  .map((n) => String(n).padStart(9, '0'))
  .filter((body) => nhsNumberCheckDigit(body) !== null)
  .map((body) => body + String(nhsNumberCheckDigit(body)));

describe('NHS number worked examples (docs/domain/identifiers.md#nhs-number)', () => {
  it.each(['9434765919', '4010232137', '9434765870'])('%s is valid', (n) => {
    expect(isValidNhsNumber(n)).toBe(true);
  });

  it.each(['9434765918', '1234567890'])('%s is invalid', (n) => {
    expect(isValidNhsNumber(n)).toBe(false);
  });

  it('gives 0 when 11 - r is 11 and null when it is 10', () => {
    expect(nhsNumberCheckDigit('943476587')).toBe(0);
    expect(nhsNumberCheckDigit('943476591')).toBe(9);
    expect(nhsNumberCheckDigit('123456789')).toBeNull();
  });

  it('rejects every last digit when the body yields check 10', () => {
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`123456789${d}`)).toBe(false);
  });

  it('throws on a malformed body for the check digit', () => {
    expect(() => nhsNumberCheckDigit('94347659')).toThrow(RangeError);
    expect(() => nhsNumberCheckDigit('94347659x')).toThrow(RangeError);
  });
});

describe('normaliseNhsNumber / isValidNhsNumber form', () => {
  it('accepts spaces and hyphens and returns 10 digits', () => {
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919');
    expect(normaliseNhsNumber('943-476-5919')).toBe('9434765919');
    expect(normaliseNhsNumber(' 9434765919 ')).toBe('9434765919');
  });

  it('returns null for anything that is not 10 digits', () => {
    for (const bad of ['', '943476591', '94347659190', '943476591X', '943.476.5919', '９４３４７６５９１９']) {
      expect(normaliseNhsNumber(bad)).toBeNull();
    }
  });

  it('is strict: only canonical 10 digits validate', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(false);
    expect(isValidNhsNumber('')).toBe(false);
  });

  it('formats as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber('943-476-5919')).toBe('943 476 5919');
    expect(() => formatNhsNumber('12345')).toThrow(RangeError);
  });
});

describe('modulus 11 properties', () => {
  it('about 1 in 11 random 10-digit strings is valid', () => {
    // noBias: fast-check otherwise favours small and extreme integers, skewing the rate.
    const samples = fc.sample(fc.noBias(fc.integer({ min: 0, max: 9_999_999_999 })), {
      numRuns: 20_000,
      seed: 20_240_601,
    });
    const valid = samples.filter((n) => isValidNhsNumber(String(n).padStart(10, '0'))).length;
    const rate = valid / samples.length;
    // True rate is 10/11 bodies usable x 1/10 last digits = 1/11 ≈ 0.0909.
    expect(rate).toBeGreaterThan(0.08);
    expect(rate).toBeLessThan(0.1);
  });

  it('catches every single-digit substitution', () => {
    fc.assert(
      fc.property(validNhsNumber, (n) => {
        expect(isValidNhsNumber(n)).toBe(true);
        for (let i = 0; i < 10; i++) {
          for (let d = 0; d <= 9; d++) {
            if (String(d) === n[i]) continue;
            expect(isValidNhsNumber(n.slice(0, i) + String(d) + n.slice(i + 1))).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('catches every adjacent transposition of distinct digits', () => {
    fc.assert(
      fc.property(validNhsNumber, (n) => {
        for (let i = 0; i < 9; i++) {
          const a = n[i]!;
          const b = n[i + 1]!;
          if (a === b) continue;
          expect(isValidNhsNumber(n.slice(0, i) + b + a + n.slice(i + 2))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('syntheticNhsNumber', () => {
  it('gives distinct valid 999-range numbers for 0..2000', () => {
    const seen = new Set<string>();
    for (let n = 0; n <= 2000; n++) {
      const nhs = syntheticNhsNumber(n);
      expect(nhs).toMatch(/^999[0-9]{7}$/);
      expect(isValidNhsNumber(nhs)).toBe(true);
      seen.add(nhs);
    }
    expect(seen.size).toBe(2001);
  });

  it('is deterministic, increasing and valid across its whole range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SYNTHETIC_NHS_NUMBER_CAPACITY - 2 }), (n) => {
        const a = syntheticNhsNumber(n);
        expect(syntheticNhsNumber(n)).toBe(a);
        expect(isValidNhsNumber(a)).toBe(true);
        expect(a.startsWith('999')).toBe(true);
        expect(syntheticNhsNumber(n + 1) > a).toBe(true);
      }),
    );
    expect(syntheticNhsNumber(0)).toBe('9990000018');
    expect(isValidNhsNumber(syntheticNhsNumber(SYNTHETIC_NHS_NUMBER_CAPACITY - 1))).toBe(true);
  });

  it('rejects indices outside its range', () => {
    for (const bad of [-1, 0.5, Number.NaN, SYNTHETIC_NHS_NUMBER_CAPACITY]) {
      expect(() => syntheticNhsNumber(bad)).toThrow(RangeError);
    }
  });

  it('has generateNhsNumber as an alias', () => {
    expect(generateNhsNumber(42)).toBe(syntheticNhsNumber(42));
  });
});
