/**
 * ODS organisation codes (docs/domain/identifiers.md#ods-organisation-codes). These have no check digit, so
 * validation is by shape only;
 * whether a code exists and has the expected role is for the ODS lookup to say.
 */

const PRACTICE_CODE = /^[A-Z][0-9]{5}$/;
const PCN_CODE = /^U[0-9]{5}$/;
const GENERAL_ORG_CODE = /^[A-Z0-9]{3,6}$/;

/**
 * Normalises an ODS code as typed: trims surrounding whitespace and upper-cases, since ODS codes are
 * case-insensitive in practice but stored and compared in upper case.
 *
 * @param input - raw text
 * @returns the trimmed, upper-case text (not validated)
 */
export function normaliseOdsCode(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * True for a prescribing cost centre code: one letter then five digits (e.g. M81065, Y01234).
 *
 * GP practices, hubs and other cost centres all share this shape, which is why hubs (Y codes) pass.
 * Strict about form: lower case or padding fails, so normalise first with {@link normaliseOdsCode}.
 *
 * @param input - candidate code
 */
export function isValidPracticeOdsCode(input: string): boolean {
  return PRACTICE_CODE.test(input);
}

/**
 * True for a Primary Care Network code: "U" then five digits (e.g. U12345).
 *
 * @param input - candidate code, already normalised
 */
export function isValidPcnCode(input: string): boolean {
  return PCN_CODE.test(input);
}

/**
 * True for a general ODS organisation code: 3–6 upper-case letters or digits.
 *
 * Looser than the practice and PCN checks on purpose: it must also admit commissioners (e.g. 12A)
 * and other organisation types whose exact formats vary, while still rejecting free text.
 * Every practice, hub and PCN code passes.
 *
 * @param input - candidate code, already normalised
 */
export function isValidOdsCode(input: string): boolean {
  return GENERAL_ORG_CODE.test(input);
}
