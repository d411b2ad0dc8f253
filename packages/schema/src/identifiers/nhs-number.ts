/**
 * NHS number: 10 digits whose last digit is a modulus 11 check digit (docs/domain/identifiers.md#nhs-number).
 *
 * Arithmetic validity only proves the number is well formed, not that it exists or belongs to the
 * patient in hand; that needs a PDS trace.
 */

/** Weights for digits 1–9; the check digit implicitly has weight 1. */
const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

const TEN_DIGITS = /^[0-9]{10}$/;
const NINE_DIGITS = /^[0-9]{9}$/;

/** Prefix of the synthetic (test) NHS number range; numbers here are never issued to patients. */
const SYNTHETIC_PREFIX = '999';

/** Number of distinct 8-digit stems "999" + 5 digits. */
const SYNTHETIC_STEMS = 100_000;

/**
 * Every stem has at least 9 ninth digits that give a usable check digit (see
 * {@link syntheticNhsNumber}), so this many numbers can be produced.
 */
export const SYNTHETIC_NHS_NUMBER_CAPACITY = SYNTHETIC_STEMS * 9;

/**
 * Normalises user-entered NHS number text to its canonical 10-digit form.
 *
 * Spaces and hyphens are accepted anywhere because people copy numbers from letters ("943 476 5919")
 * and forms ("943-476-5919"). The check digit is NOT verified here; use {@link isValidNhsNumber}.
 *
 * @param input - raw text as typed or received
 * @returns the 10 digits, or `null` when anything other than 10 digits remains
 */
export function normaliseNhsNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return TEN_DIGITS.test(digits) ? digits : null;
}

/**
 * Computes the modulus 11 check digit for the first nine digits of an NHS number.
 *
 * @param first9 - exactly nine decimal digits
 * @returns the check digit 0–9, or `null` when the remainder yields 10: no NHS number can be built
 *   on such a body
 * @throws RangeError when `first9` is not nine decimal digits (a programming error, not bad input)
 */
export function nhsNumberCheckDigit(first9: string): number | null {
  if (!NINE_DIGITS.test(first9)) {
    throw new RangeError('nhsNumberCheckDigit: expected exactly 9 decimal digits');
  }
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    sum += (first9.charCodeAt(i) - 48) * WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/**
 * True when `input` is exactly 10 decimal digits with a correct modulus 11 check digit.
 *
 * Deliberately strict about form: a `true` result means the string is already canonical and safe to
 * store. Call {@link normaliseNhsNumber} first to accept spaced or hyphenated input.
 *
 * @param input - candidate NHS number
 */
export function isValidNhsNumber(input: string): boolean {
  if (!TEN_DIGITS.test(input)) return false;
  const check = nhsNumberCheckDigit(input.slice(0, 9));
  return check !== null && check === input.charCodeAt(9) - 48;
}

/**
 * Formats an NHS number in the 3-3-4 grouping used on NHS letters and screens ("943 476 5919").
 *
 * @param input - an NHS number, canonical or already spaced/hyphenated
 * @returns the grouped form
 * @throws RangeError when `input` does not normalise to 10 digits; the message omits the value
 *   because it may be patient data
 */
export function formatNhsNumber(input: string): string {
  const digits = normaliseNhsNumber(input);
  if (digits === null) {
    throw new RangeError('formatNhsNumber: expected 10 digits');
  }
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/**
 * Deterministically maps an index to a valid synthetic NHS number in the 999 test range
 * (999xxxxxxC), for seed data and tests that must never collide with a real patient.
 *
 * Layout: index `n` picks stem `floor(n / 9)` ("999" + 5 digits) and the `(n mod 9)`-th usable ninth
 * digit of that stem. Because the ninth digit has weight 2 and 2 is invertible mod 11, the ten
 * possible ninth digits give ten different remainders, so at most one of them leads to the forbidden
 * check value 10; at least nine always remain. Using nine per stem keeps the mapping O(1) with no
 * table, and distinct indices give distinct numbers. Results increase with `n`.
 *
 * @param n - integer in `0 ≤ n < SYNTHETIC_NHS_NUMBER_CAPACITY` (900,000)
 * @returns a valid 10-digit NHS number starting with "999"
 * @throws RangeError when `n` is not an integer in range
 */
export function syntheticNhsNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= SYNTHETIC_NHS_NUMBER_CAPACITY) {
    throw new RangeError(`syntheticNhsNumber: n must be an integer in [0, ${SYNTHETIC_NHS_NUMBER_CAPACITY})`);
  }
  const stem = SYNTHETIC_PREFIX + String(Math.floor(n / 9)).padStart(5, '0');
  let wanted = n % 9;
  for (let ninth = 0; ninth <= 9; ninth++) {
    const body = stem + String(ninth);
    const check = nhsNumberCheckDigit(body);
    if (check === null) continue;
    if (wanted === 0) return body + String(check);
    wanted--;
  }
  // Unreachable: the argument above guarantees nine usable ninth digits per stem.
  throw new Error('syntheticNhsNumber: no usable ninth digit (invariant broken)');
}

/**
 * Alias of {@link syntheticNhsNumber}, for callers that think of it as a generator keyed by an index.
 */
export const generateNhsNumber: (n: number) => string = syntheticNhsNumber;
