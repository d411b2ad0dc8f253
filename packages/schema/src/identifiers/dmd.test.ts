import { describe, it, expect } from 'vitest';
import { isValidDmdCode } from './dmd.js';
import { verhoeffCheckDigit } from './snomed.js';

describe('isValidDmdCode (docs/domain/identifiers.md#dmd-codes)', () => {
  it.each([
    ['39732311000001104', 'Amoxicillin 250mg capsules (UK drug extension)'],
    ['3318611000001103', 'pre-filled disposable injection (UK drug extension)'],
    ['11000001102', 'namespace 1000001, item 1'],
    ['317335000', 'paracetamol 500mg tablets: an International short-format VMP id'],
  ])('%s is valid (%s)', (id) => {
    expect(isValidDmdCode(id)).toBe(true);
  });

  it('rejects long-format concepts outside the UK drug extension', () => {
    expect(isValidDmdCode('149951000000107')).toBe(false); // UK clinical extension 1000000
  });

  it('rejects descriptions, relationships and bad check digits', () => {
    const description = '1234561000001' + '11';
    expect(isValidDmdCode(description + String(verhoeffCheckDigit(description)))).toBe(false);
    expect(isValidDmdCode('39732311000001105')).toBe(false);
    expect(isValidDmdCode('')).toBe(false);
  });
});
