/**
 * The checks the API applies to identifiers, run as the user types (the API stays the judge).
 * Mirrors packages/schema/src/identifiers (kept apart: the schema package also carries the GraphQL
 * scalars, which the browser does not need).
 */

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
const at = (row: string | undefined, i: number): number => (row ? row.charCodeAt(i) - 48 : 0);

function verhoeffValid(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = at(D[c], at(P[i % 8], digits.charCodeAt(digits.length - 1 - i) - 48));
  return c === 0;
}

/** A SNOMED CT concept id: 6-18 digits, no leading zero, Verhoeff check digit, concept partition (00 or 10). */
export function isValidSnomedConceptId(input: string): boolean {
  if (!/^[1-9][0-9]{5,17}$/.test(input) || !verhoeffValid(input)) return false;
  const partition = input.slice(-3, -1);
  if (partition === '00') return true;
  return partition === '10' && input.length - 3 >= 8;
}

/** Digits only ("943 476 5919" → "9434765919"). */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Ten digits with a correct modulus 11 check digit. */
export function isValidNhsNumber(input: string): boolean {
  if (!/^[0-9]{10}$/.test(input)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (input.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  const digit = check === 11 ? 0 : check;
  return digit !== 10 && digit === input.charCodeAt(9) - 48;
}
