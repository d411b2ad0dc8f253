import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MOD37_ALPHABET,
  buildShortFormPrescriptionId,
  isValidShortFormPrescriptionId,
  mod37CheckCharacter,
} from './prescription-id.js';

const validPrescriptionId = fc
  .record({
    random6Hex: fc.stringMatching(/^[0-9A-Fa-f]{6}$/),
    odsCode: fc.stringMatching(/^[0-9A-Z]{1,6}$/),
    sequence: fc.nat(),
  })
  .map(buildShortFormPrescriptionId);

describe('EPS short-form prescription id worked examples (docs/domain/identifiers.md#eps-prescription-ids)', () => {
  it.each(['04F4C2-A99968-7F717P', '83C40E-A23856-00123W', 'A1B2C3-Y01234-00001J', 'A1B2C3-Y01234-00002H'])(
    '%s is valid',
    (id) => {
      expect(isValidShortFormPrescriptionId(id)).toBe(true);
    },
  );

  it('rejects the published sample DC2C66-A1B2C3-23407B, whose check should be Z', () => {
    expect(isValidShortFormPrescriptionId('DC2C66-A1B2C3-23407B')).toBe(false);
    expect(mod37CheckCharacter('DC2C66A1B2C323407')).toBe('Z');
    expect(isValidShortFormPrescriptionId('DC2C66-A1B2C3-23407Z')).toBe(true);
  });

  it('computes P for the EPS spec example body', () => {
    expect(mod37CheckCharacter('04F4C2A999687F717')).toBe('P');
  });

  it('rejects malformed layouts', () => {
    for (const bad of [
      '',
      '04f4c2-a99968-7f717p',
      '04F4C2A999687F717P',
      '04F4C2-A99968-7F717',
      'G4F4C2-A99968-7F717P', // R block must be hex
      '04F4C2-A99968-7G717P', // S block must be hex
      '04F4C2-A9996-87F717P',
      ' 04F4C2-A99968-7F717P',
    ]) {
      expect(isValidShortFormPrescriptionId(bad)).toBe(false);
    }
  });

  it('accepts "+" as the check character for value 36', () => {
    // Find a body whose check value is 36 by varying the sequence.
    let id = '';
    for (let seq = 0; !id.endsWith('+'); seq++) {
      id = buildShortFormPrescriptionId({ random6Hex: 'ABCDEF', odsCode: 'Y01234', sequence: seq });
    }
    expect(isValidShortFormPrescriptionId(id)).toBe(true);
  });

  it('rejects bodies outside [0-9A-Z]', () => {
    expect(() => mod37CheckCharacter('')).toThrow(RangeError);
    expect(() => mod37CheckCharacter('04F4C2-A99968')).toThrow(RangeError);
  });
});

describe('buildShortFormPrescriptionId', () => {
  it('reproduces the hub cost-centre examples', () => {
    const parts = { random6Hex: 'a1b2c3', odsCode: 'Y01234' };
    expect(buildShortFormPrescriptionId({ ...parts, sequence: 1 })).toBe('A1B2C3-Y01234-00001J');
    expect(buildShortFormPrescriptionId({ ...parts, sequence: 2 })).toBe('A1B2C3-Y01234-00002H');
  });

  it('pads short ODS codes with leading zeros and wraps the sequence after FFFFF', () => {
    const id = buildShortFormPrescriptionId({
      random6Hex: '000000',
      odsCode: 'a1b2c',
      sequence: 0xfffff,
    });
    expect(id.slice(0, 19)).toBe('000000-0A1B2C-FFFFF');
    const wrapped = buildShortFormPrescriptionId({
      random6Hex: '000000',
      odsCode: 'A1B2C',
      sequence: 0x100000,
    });
    expect(wrapped.slice(14, 19)).toBe('00000');
  });

  it('rejects malformed parts', () => {
    const ok = { random6Hex: 'A1B2C3', odsCode: 'Y01234', sequence: 1 };
    expect(() => buildShortFormPrescriptionId({ ...ok, random6Hex: 'A1B2C' })).toThrow(RangeError);
    expect(() => buildShortFormPrescriptionId({ ...ok, random6Hex: 'A1B2CG' })).toThrow(RangeError);
    expect(() => buildShortFormPrescriptionId({ ...ok, odsCode: 'Y012345' })).toThrow(RangeError);
    expect(() => buildShortFormPrescriptionId({ ...ok, odsCode: '' })).toThrow(RangeError);
    expect(() => buildShortFormPrescriptionId({ ...ok, sequence: -1 })).toThrow(RangeError);
    expect(() => buildShortFormPrescriptionId({ ...ok, sequence: 1.5 })).toThrow(RangeError);
  });
});

describe('MOD 37-2 properties', () => {
  it('built ids are valid', () => {
    fc.assert(
      fc.property(validPrescriptionId, (id) => {
        expect(isValidShortFormPrescriptionId(id)).toBe(true);
      }),
    );
  });

  it('catches every single-character substitution', () => {
    fc.assert(
      fc.property(validPrescriptionId, (id) => {
        for (let i = 0; i < id.length; i++) {
          if (id[i] === '-') continue;
          for (const ch of MOD37_ALPHABET) {
            if (ch === id[i]) continue;
            expect(isValidShortFormPrescriptionId(id.slice(0, i) + ch + id.slice(i + 1))).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('catches every adjacent transposition of distinct characters', () => {
    fc.assert(
      fc.property(validPrescriptionId, (id) => {
        for (let i = 0; i + 1 < id.length; i++) {
          const a = id[i]!;
          const b = id[i + 1]!;
          if (a === b || a === '-' || b === '-') continue;
          expect(isValidShortFormPrescriptionId(id.slice(0, i) + b + a + id.slice(i + 2))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
