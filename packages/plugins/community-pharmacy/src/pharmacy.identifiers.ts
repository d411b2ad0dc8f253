/**
 * The NHS identifier checks the mapper needs before anything leaves the pharmacy system. The hub
 * checks them again; checking here gives the pharmacy a field-named error without a round trip.
 * The NHS number check is the hub's own, from @pcn-hub/sdk (a plugin depends on the SDK only).
 */

/** Strips spaces and hyphens ("999 000 0085" -> "9990000085"). */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** The hub's own check: ten digits, the last a valid modulus 11 check digit. */
export { isValidNhsNumber } from '@pcn-hub/sdk';

/** An ODS code: 3-6 letters or digits (pharmacies are usually F + 4, e.g. FA123). */
export function isOdsCode(value: string): boolean {
  return /^[A-Z0-9]{3,6}$/.test(value);
}

const D = [
  '0123456789',
  '1234067895',
  '2340178956',
  '3401289567',
  '4012395678',
  '5987604321',
  '6598710432',
  '7659821043',
  '8765932104',
  '9876543210',
];
const P = [
  '0123456789',
  '1576283094',
  '5803796142',
  '8916043527',
  '9453126870',
  '4286573901',
  '2793806415',
  '7046913258',
];

/** Verhoeff check over a whole number, its last digit the check digit (SNOMED CT and dm+d ids). */
export function isValidVerhoeff(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    c = Number(D[c]![Number(P[i % 8]![digit])]);
  }
  return c === 0;
}

/**
 * A SNOMED CT concept id: 6-18 digits, Verhoeff-valid, partition `00` (short) or `10` (long, with
 * a 7-digit namespace). With `dmd`, a long id must be in the UK drug extension (namespace 1000001),
 * where dm+d products live; short ids are accepted because older VMPs reuse International concepts.
 */
export function isConceptId(value: string, options: { dmd?: boolean } = {}): boolean {
  if (!/^[1-9]\d{5,17}$/.test(value) || !isValidVerhoeff(value)) return false;
  const partition = value.slice(-3, -1);
  if (partition === '00') return true;
  if (partition !== '10' || value.length < 11) return false;
  return !options.dmd || value.slice(-10, -3) === '1000001';
}
