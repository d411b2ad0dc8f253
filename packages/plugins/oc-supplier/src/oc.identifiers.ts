/**
 * The identifier checks the mapper runs before a form leaves the supplier. The hub checks them
 * again; checking here gives a field-named error without a round trip. The NHS number check is
 * the hub's own, from @pcn-hub/sdk (a plugin depends on the SDK only).
 */

/** Strips spaces and hyphens ("999 000 0085" -> "9990000085"). */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** The hub's own check: ten digits, the last a valid modulus 11 check digit. */
export { isValidNhsNumber } from '@pcn-hub/sdk';

/** An ODS code: 3-6 letters or digits (upper case). */
export function isOdsCode(value: string): boolean {
  return /^[A-Z0-9]{3,6}$/.test(value);
}

/** A supplier code as the hub takes it: 2-40 of A-Z, 0-9, _ starting with a letter. */
export function isSupplierCode(value: string): boolean {
  return /^[A-Z][A-Z0-9_]{1,39}$/.test(value);
}

/** A calendar date YYYY-MM-DD that exists. */
export function isLocalDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** An RFC 3339 date-time with a zone, as a Date; null when it is not one. */
export function parseDateTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value)) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
