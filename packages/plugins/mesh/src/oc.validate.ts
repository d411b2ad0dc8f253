/**
 * Field checks shared by the inbound parsers. Each returns the normalised value or throws an
 * {@link OcFieldError} whose message names the field and rule, never the value.
 */
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.js';
import type { ConsultationType, ParseFailureCode } from './oc.types.js';

/** A field that is missing or invalid. */
export class OcFieldError extends Error {
  constructor(
    readonly code: Extract<ParseFailureCode, 'MISSING_FIELD' | 'INVALID_FIELD'>,
    message: string,
  ) {
    super(message);
  }
}

/** A required non-blank string, trimmed. */
export function requiredString(value: unknown, field: string, max?: number): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new OcFieldError('MISSING_FIELD', `${field} is missing`);
  }
  if (typeof value !== 'string') throw new OcFieldError('INVALID_FIELD', `${field} must be a string`);
  const trimmed = value.trim();
  if (max !== undefined && trimmed.length > max) {
    throw new OcFieldError('INVALID_FIELD', `${field} is longer than ${max} characters`);
  }
  return trimmed;
}

/** An optional string: undefined when absent or blank. */
export function optionalString(value: unknown, field: string, max?: number): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return requiredString(value, field, max);
}

/** An NHS number: spaces and hyphens removed, ten digits, valid check digit. */
export function nhsNumber(value: unknown, field: string): string {
  const raw = requiredString(value, field);
  const normalised = normaliseNhsNumber(raw);
  if (!isValidNhsNumber(normalised)) throw new OcFieldError('INVALID_FIELD', `${field} is not a valid NHS number`);
  return normalised;
}

/** A calendar date YYYY-MM-DD. */
export function localDate(value: unknown, field: string): string {
  const raw = requiredString(value, field);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== raw) {
    throw new OcFieldError('INVALID_FIELD', `${field} must be a date YYYY-MM-DD`);
  }
  return raw;
}

/** An RFC 3339 date-time with a zone, normalised to UTC (…Z). A bare date counts as midnight UTC. */
export function dateTime(value: unknown, field: string): string {
  const raw = requiredString(value, field);
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(raw);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const parsed = withZone || dateOnly ? new Date(raw) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw new OcFieldError('INVALID_FIELD', `${field} must be an RFC 3339 date-time with a zone`);
  }
  return parsed.toISOString();
}

/** An ODS code: 3-6 letters or digits, upper-cased. */
export function odsCode(value: unknown, field: string): string {
  const raw = requiredString(value, field).toUpperCase();
  if (!/^[A-Z0-9]{3,6}$/.test(raw)) throw new OcFieldError('INVALID_FIELD', `${field} is not an ODS code`);
  return raw;
}

/** A supplier code: ECONSULT, OTHER, or 2-40 characters A-Z, 0-9, _ (upper-cased). */
export function supplierCode(value: unknown, field: string): string {
  const raw = requiredString(value, field).toUpperCase();
  if (!/^[A-Z0-9_]{2,40}$/.test(raw)) throw new OcFieldError('INVALID_FIELD', `${field} is not a supplier code`);
  return raw;
}

/** Turns a product or organisation name into a supplier code ("eConsult Health" -> ECONSULT_HEALTH). */
export function supplierCodeFromName(name: string): string | undefined {
  const code = name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  if (code.startsWith('ECONSULT')) return 'ECONSULT';
  return /^[A-Z0-9_]{2,40}$/.test(code) ? code : undefined;
}

/** CLINICAL or ADMIN (case-insensitive). */
export function consultationType(value: unknown, field: string): ConsultationType {
  const raw = requiredString(value, field).toUpperCase();
  if (raw !== 'CLINICAL' && raw !== 'ADMIN')
    throw new OcFieldError('INVALID_FIELD', `${field} must be CLINICAL or ADMIN`);
  return raw;
}

/** A non-negative integer. */
export function nonNegativeInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new OcFieldError('INVALID_FIELD', `${field} must be a non-negative integer`);
  }
  return value;
}
