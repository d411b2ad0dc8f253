/**
 * Synthetic test identifiers. NHS numbers from the 999 range (never issued to patients), with a
 * valid modulus 11 check digit, so tests never hold a real patient's number.
 */

/** The modulus 11 check digit of the first nine digits, or null when the stem cannot be valid. */
function checkDigit(stem: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(stem[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/** The n-th synthetic NHS number (999xxxxxxx with a valid check digit); n from 0 to 899,999. */
export function syntheticNhsNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 900_000) throw new RangeError('n must be in [0, 900000)');
  // Each stem of eight digits has at least nine usable ninth digits (one in ten fails the check).
  const stem = '999' + String(Math.floor(n / 9)).padStart(5, '0');
  let wanted = n % 9;
  for (let ninth = 0; ninth <= 9; ninth++) {
    const check = checkDigit(stem + String(ninth));
    if (check === null) continue;
    if (wanted === 0) return stem + String(ninth) + String(check);
    wanted--;
  }
  throw new Error('unreachable: every stem has nine valid ninth digits');
}
