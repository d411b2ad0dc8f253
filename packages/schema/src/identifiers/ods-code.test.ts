import { describe, it, expect } from 'vitest';
import { isValidOdsCode, isValidPcnCode, isValidPracticeOdsCode, normaliseOdsCode } from './ods-code.js';

describe('ODS codes (docs/domain/identifiers.md#ods-organisation-codes)', () => {
  it('accepts practice, hub and cost-centre codes as practice codes', () => {
    for (const code of ['M81065', 'Y01234', 'A99968']) {
      expect(isValidPracticeOdsCode(code)).toBe(true);
    }
  });

  it('keeps the practice check strict', () => {
    for (const code of ['m81065', 'M8106', 'M810655', '181065', 'MM1065', ' M81065', 'U1234X']) {
      expect(isValidPracticeOdsCode(code)).toBe(false);
    }
  });

  it('accepts only U + 5 digits as a PCN code', () => {
    expect(isValidPcnCode('U12345')).toBe(true);
    for (const code of ['u12345', 'Y12345', 'U1234', 'U123456', 'U1234A']) {
      expect(isValidPcnCode(code)).toBe(false);
    }
  });

  it('accepts 3-6 upper-case alphanumerics as a general org code', () => {
    for (const code of ['M81065', 'Y01234', 'U12345', '12A', 'RXX01', 'X26']) {
      expect(isValidOdsCode(code)).toBe(true);
    }
    for (const code of ['', 'AB', 'ABCDEFG', 'm81065', 'M81 65', 'M8106-', ' M81065']) {
      expect(isValidOdsCode(code)).toBe(false);
    }
  });

  it('normalises by trimming and upper-casing', () => {
    expect(normaliseOdsCode('  y01234\n')).toBe('Y01234');
    expect(isValidPracticeOdsCode(normaliseOdsCode(' m81065 '))).toBe(true);
  });
});
