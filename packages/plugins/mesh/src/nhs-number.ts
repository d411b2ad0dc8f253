/** NHS number check (docs/domain/identifiers.md#nhs-number): ten digits, the last a modulus 11 check digit. */

/** Strips spaces and hyphens ("943 476 5919" -> "9434765919"). */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** The hub's own check: ten digits, the last a valid modulus 11 check digit. */
export { isValidNhsNumber } from '@pcn-hub/sdk';
