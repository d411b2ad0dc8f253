/**
 * EPS short-form prescription id, RRRRRR-OOOOOO-SSSSSC, checked with ISO/IEC 7064 MOD 37-2 using "+"
 * in place of the standard "*" (docs/domain/identifiers.md#eps-prescription-ids).
 */

/** Check-character alphabet: value 0–36 is the index. */
export const MOD37_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+';

const BODY_CHARS = /^[0-9A-Z]+$/;
const HEX6 = /^[0-9A-Fa-f]{6}$/;
const ODS_CHARS = /^[0-9A-Z]{1,6}$/;

/**
 * The middle block is [0-9A-Z] rather than hex, although the EPS spec's regex says hex: real ODS
 * codes contain non-hex letters (M81065, Y01234) and the reference generator simply pads them.
 */
const SHORT_FORM = /^[0-9A-F]{6}-[0-9A-Z]{6}-[0-9A-F]{5}[0-9A-Z+]$/;

/** The sequence block is 5 hex digits and wraps after FFFFF. */
const SEQUENCE_MODULUS = 0x100000;

/** Running MOD 37-2 state over base-36 characters; `body` must already match BODY_CHARS. */
function mod37State(body: string): number {
  let t = 0;
  for (const ch of body) {
    t = ((t + parseInt(ch, 36)) * 2) % 37;
  }
  return t;
}

/**
 * Computes the ISO/IEC 7064 MOD 37-2 check character ("+" for value 36) for a body.
 *
 * @param body17 - the characters to protect, hyphens removed: for a short-form prescription id the
 *   17 characters RRRRRROOOOOOSSSSS. Any non-empty run of [0-9A-Z] is accepted, as the algorithm
 *   does not depend on length.
 * @returns one character of {@link MOD37_ALPHABET}
 * @throws RangeError when `body17` is empty or has characters outside [0-9A-Z]
 */
export function mod37CheckCharacter(body17: string): string {
  if (!BODY_CHARS.test(body17)) {
    throw new RangeError('mod37CheckCharacter: expected one or more characters of [0-9A-Z]');
  }
  const index = (38 - mod37State(body17)) % 37;
  return MOD37_ALPHABET[index]!;
}

/**
 * True when `input` is a well-formed short-form prescription id with a correct check character.
 *
 * Strict about form (upper case, hyphens in place); trim and upper-case user input first.
 *
 * @param input - candidate id, e.g. "04F4C2-A99968-7F717P"
 */
export function isValidShortFormPrescriptionId(input: string): boolean {
  if (!SHORT_FORM.test(input)) return false;
  const body = input.slice(0, 6) + input.slice(7, 13) + input.slice(14, 19);
  const check = MOD37_ALPHABET.indexOf(input.charAt(19));
  return (mod37State(body) + check) % 37 === 1;
}

/** Inputs to {@link buildShortFormPrescriptionId}. */
export interface ShortFormPrescriptionIdParts {
  /** Six hex characters chosen at random for each id (either case; emitted upper-case). */
  readonly random6Hex: string;
  /** ODS code of the prescribing cost centre, 1–6 characters of [0-9A-Z]; left-padded with "0". */
  readonly odsCode: string;
  /** Per-cost-centre counter, a non-negative integer; only its value mod 0x100000 is used. */
  readonly sequence: number;
}

/**
 * Builds a short-form prescription id RRRRRR-OOOOOO-SSSSSC.
 *
 * The caller owns randomness and the sequence counter so this stays pure and testable.
 *
 * @param parts - random block, ODS code and sequence number
 * @returns the 20-character id including hyphens and check character
 * @throws RangeError when any part is malformed
 */
export function buildShortFormPrescriptionId(parts: ShortFormPrescriptionIdParts): string {
  const { random6Hex, odsCode, sequence } = parts;
  if (!HEX6.test(random6Hex)) {
    throw new RangeError('buildShortFormPrescriptionId: random6Hex must be 6 hex characters');
  }
  const ods = odsCode.trim().toUpperCase();
  if (!ODS_CHARS.test(ods)) {
    throw new RangeError('buildShortFormPrescriptionId: odsCode must be 1-6 characters of [0-9A-Z]');
  }
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new RangeError('buildShortFormPrescriptionId: sequence must be a non-negative integer');
  }
  const random = random6Hex.toUpperCase();
  const paddedOds = ods.padStart(6, '0');
  const seq = (sequence % SEQUENCE_MODULUS).toString(16).toUpperCase().padStart(5, '0');
  const check = mod37CheckCharacter(random + paddedOds + seq);
  return `${random}-${paddedOds}-${seq}${check}`;
}
