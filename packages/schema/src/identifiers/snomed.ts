/**
 * SNOMED CT identifiers (SCTIDs): Verhoeff check digit plus partition identifier
 * (docs/domain/identifiers.md#snomed-ct-identifiers).
 */

/** Verhoeff multiplication table d(j, k) of the dihedral group D5. */
const D: readonly (readonly number[])[] = [
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
].map(toDigits);

/** Verhoeff position permutation table p(pos mod 8, digit). */
const P: readonly (readonly number[])[] = [
  '0123456789',
  '1576283094',
  '5803796142',
  '8916043527',
  '9453126870',
  '4286573901',
  '2793806415',
  '7046913258',
].map(toDigits);

/** Verhoeff inverse table: inv[c] is the digit that brings checksum state c back to 0. */
const INV: readonly number[] = toDigits('0432156789');

const DIGITS = /^[0-9]+$/;

/** Partition identifiers in use; any other value is reserved and therefore invalid today. */
const PARTITIONS = {
  '00': { kind: 'concept', format: 'short' },
  '01': { kind: 'description', format: 'short' },
  '02': { kind: 'relationship', format: 'short' },
  '10': { kind: 'concept', format: 'long' },
  '11': { kind: 'description', format: 'long' },
  '12': { kind: 'relationship', format: 'long' },
} as const;

/** A two-digit partition identifier that is in use (see docs/domain/identifiers.md#snomed-ct-identifiers). */
export type SctidPartition = keyof typeof PARTITIONS;

/** What an SCTID identifies, from the second digit of its partition. */
export type SctidKind = 'concept' | 'description' | 'relationship';

/** Fields shared by both SCTID layouts. */
interface SctidCommon {
  /** The two partition digits, e.g. "00" or "10". */
  readonly partition: SctidPartition;
  /** What the id identifies. */
  readonly kind: SctidKind;
  /** The item identifier: the digits before the namespace (long) or partition (short). */
  readonly itemId: string;
}

/** A short-format SCTID from the International release: no namespace. */
export interface ShortSctid extends SctidCommon {
  /** Short format (partition 0x). */
  readonly format: 'short';
}

/** A long-format SCTID from an extension: carries the extension's 7-digit namespace. */
export interface LongSctid extends SctidCommon {
  /** Long format (partition 1x). */
  readonly format: 'long';
  /** The 7-digit namespace, e.g. "1000000" (UK clinical) or "1000001" (UK drug / dm+d). */
  readonly namespace: string;
}

/** The parts of a valid SCTID; discriminate on `format` to reach `namespace`. */
export type ParsedSctid = ShortSctid | LongSctid;

function toDigits(row: string): number[] {
  return Array.from(row, (ch) => ch.charCodeAt(0) - 48);
}

/** Runs the Verhoeff loop right to left; `offset` is 0 to validate, 1 to generate a check digit. */
function verhoeffState(digits: string, offset: 0 | 1): number {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    c = D[c]![P[(i + offset) % 8]![digit]!]!;
  }
  return c;
}

/**
 * Computes the Verhoeff check digit to append to `body`.
 *
 * @param body - one or more decimal digits (the SCTID without its last digit)
 * @returns the check digit 0–9
 * @throws RangeError when `body` is empty or not all digits (a programming error, not bad input)
 */
export function verhoeffCheckDigit(body: string): number {
  if (!DIGITS.test(body)) {
    throw new RangeError('verhoeffCheckDigit: expected one or more decimal digits');
  }
  return INV[verhoeffState(body, 1)]!;
}

/**
 * True when `input` is two or more decimal digits whose last digit is a correct Verhoeff check digit.
 *
 * @param input - digits including the check digit
 */
export function isValidVerhoeff(input: string): boolean {
  // A lone digit has no body to protect; treating it as valid would only invite misuse.
  return input.length >= 2 && DIGITS.test(input) && verhoeffState(input, 0) === 0;
}

/**
 * Parses and validates an SCTID: 6–18 digits, no leading zero, Verhoeff valid, partition in use.
 *
 * @param input - candidate SCTID as a string (18-digit ids exceed `Number.MAX_SAFE_INTEGER`)
 * @returns its parts, or `null` when any of the checks fails
 */
export function parseSctid(input: string): ParsedSctid | null {
  if (input.length < 6 || input.length > 18 || input.startsWith('0')) return null;
  if (!isValidVerhoeff(input)) return null;
  const partition = input.slice(-3, -1);
  if (!Object.hasOwn(PARTITIONS, partition)) return null;
  const key = partition as SctidPartition;
  const { kind, format } = PARTITIONS[key];
  const beforePartition = input.slice(0, -3);
  if (format === 'short') {
    return { partition: key, kind, format, itemId: beforePartition };
  }
  // Long format needs room for a 7-digit namespace and at least one item digit.
  if (beforePartition.length < 8) return null;
  return {
    partition: key,
    kind,
    format,
    namespace: beforePartition.slice(-7),
    itemId: beforePartition.slice(0, -7),
  };
}

/**
 * True for any well-formed SCTID (concept, description or relationship); see {@link parseSctid}.
 *
 * @param input - candidate SCTID
 */
export function isValidSctid(input: string): boolean {
  return parseSctid(input) !== null;
}

/**
 * True for a well-formed SCTID that identifies a concept (partition 00 or 10).
 *
 * Consultations and problems are coded with concepts; a description or relationship id in that place
 * is a mistake even though it passes the Verhoeff check.
 *
 * @param input - candidate concept id
 */
export function isValidSnomedConceptId(input: string): boolean {
  return parseSctid(input)?.kind === 'concept';
}
