import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidSctid, isValidSnomedConceptId, isValidVerhoeff, parseSctid, verhoeffCheckDigit } from './snomed.js';

const withCheck = (body: string): string => body + String(verhoeffCheckDigit(body));

/** Short-format SCTIDs: 6–18 digits ending in partition 0x + check. */
const shortSctid = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^[0-9]{2,14}$/), fc.constantFrom('00', '01', '02'))
  .map(([lead, rest, partition]) => withCheck(`${lead}${rest}${partition}`));

/** Long-format SCTIDs: item + 7-digit namespace + partition 1x + check, at most 18 digits. */
const longSctid = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.stringMatching(/^[0-9]{0,7}$/),
    fc.stringMatching(/^[0-9]{7}$/),
    fc.constantFrom('10', '11', '12'),
  )
  .map(([lead, rest, ns, partition]) => withCheck(`${lead}${rest}${ns}${partition}`));

const anySctid = fc.oneof(shortSctid, longSctid);

describe('Verhoeff and SCTID worked examples (docs/domain/identifiers.md#snomed-ct-identifiers)', () => {
  it.each([
    '22298006',
    '38341003',
    '73211009',
    '195967001',
    '404684003',
    '149951000000107',
    '149971000000103',
    '826501000000100',
    '11000001102',
    '1091811000000102',
  ])('%s is a valid SCTID and concept id', (id) => {
    expect(isValidSctid(id)).toBe(true);
    expect(isValidSnomedConceptId(id)).toBe(true);
  });

  it.each(['22298007', '22298060', '1091811000000100'])('%s is invalid', (id) => {
    expect(isValidSctid(id)).toBe(false);
    expect(isValidSnomedConceptId(id)).toBe(false);
  });

  it('generates check digit 6 for body 2229800', () => {
    expect(verhoeffCheckDigit('2229800')).toBe(6);
    expect(isValidVerhoeff('22298006')).toBe(true);
    expect(isValidVerhoeff('22298007')).toBe(false);
  });

  it('rejects non-digit input to Verhoeff', () => {
    expect(isValidVerhoeff('')).toBe(false);
    expect(isValidVerhoeff('0')).toBe(false);
    expect(isValidVerhoeff('2229800a')).toBe(false);
    expect(() => verhoeffCheckDigit('')).toThrow(RangeError);
    expect(() => verhoeffCheckDigit('12 3')).toThrow(RangeError);
  });
});

describe('parseSctid', () => {
  it('splits a short-format concept id', () => {
    expect(parseSctid('22298006')).toEqual({
      partition: '00',
      kind: 'concept',
      format: 'short',
      itemId: '22298',
    });
  });

  it('splits a long-format id into item, namespace and partition', () => {
    expect(parseSctid('149951000000107')).toEqual({
      partition: '10',
      kind: 'concept',
      format: 'long',
      namespace: '1000000',
      itemId: '14995',
    });
    expect(parseSctid('11000001102')).toMatchObject({ namespace: '1000001', itemId: '1' });
  });

  it('recognises description and relationship partitions', () => {
    expect(parseSctid(withCheck('1234501'))?.kind).toBe('description');
    expect(parseSctid(withCheck('1234502'))?.kind).toBe('relationship');
    expect(parseSctid(withCheck('1100000011'))?.kind).toBe('description');
    expect(parseSctid(withCheck('1100000012'))?.kind).toBe('relationship');
    expect(isValidSctid(withCheck('1234501'))).toBe(true);
    expect(isValidSnomedConceptId(withCheck('1234501'))).toBe(false);
    expect(isValidSnomedConceptId(withCheck('1100000012'))).toBe(false);
  });

  it('rejects reserved partitions, bad lengths and leading zeros even with a good check digit', () => {
    expect(parseSctid(withCheck('1234503'))).toBeNull();
    expect(parseSctid(withCheck('1234520'))).toBeNull();
    expect(parseSctid(withCheck('1200'))).toBeNull(); // 5 digits
    expect(parseSctid(withCheck('12345678901234500'))).not.toBeNull(); // 18 digits
    expect(parseSctid(withCheck('123456789012345600'))).toBeNull(); // 19 digits
    expect(parseSctid(withCheck('0123400'))).toBeNull();
    // Long format without room for a 7-digit namespace and an item id.
    expect(parseSctid(withCheck('100000010'))).toBeNull();
    expect(parseSctid('2229 8006')).toBeNull();
  });
});

describe('Verhoeff properties on generated SCTIDs', () => {
  it('generated SCTIDs are valid', () => {
    fc.assert(
      fc.property(anySctid, (id) => {
        expect(isValidSctid(id)).toBe(true);
      }),
    );
  });

  it('catches every single-digit substitution', () => {
    fc.assert(
      fc.property(anySctid, (id) => {
        for (let i = 0; i < id.length; i++) {
          for (let d = 0; d <= 9; d++) {
            if (String(d) === id[i]) continue;
            const changed = id.slice(0, i) + String(d) + id.slice(i + 1);
            expect(isValidVerhoeff(changed)).toBe(false);
            expect(isValidSctid(changed)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('catches every adjacent transposition of distinct digits', () => {
    fc.assert(
      fc.property(anySctid, (id) => {
        for (let i = 0; i + 1 < id.length; i++) {
          const a = id[i]!;
          const b = id[i + 1]!;
          if (a === b) continue;
          const swapped = id.slice(0, i) + b + a + id.slice(i + 2);
          expect(isValidVerhoeff(swapped)).toBe(false);
          expect(isValidSctid(swapped)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
