/**
 * GraphQL scalars for NHS identifiers. Each one normalises, validates and then carries the canonical
 * string, so resolvers never see malformed identifiers.
 *
 * Error messages name the scalar and the rule broken but never the value: the value may be patient
 * data (an NHS number above all), and messages end up in clients, logs and error trackers.
 */

import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { ErrorCode } from './errors.js';
import { isValidDmdCode } from './identifiers/dmd.js';
import { isValidNhsNumber, normaliseNhsNumber } from './identifiers/nhs-number.js';
import { isValidOdsCode, isValidPcnCode, normaliseOdsCode } from './identifiers/ods-code.js';
import { isValidShortFormPrescriptionId } from './identifiers/prescription-id.js';
import { isValidSnomedConceptId } from './identifiers/snomed.js';

/** How to turn raw text into the canonical form of one identifier, and what the rule is. */
interface IdentifierRule {
  readonly name: string;
  readonly description: string;
  /** Returns the canonical form, or null when the input cannot be canonicalised. */
  readonly canonicalise: (raw: string) => string | null;
  /** Human-readable statement of the rule, used in error messages. */
  readonly rule: string;
}

function error(message: string, code: ErrorCode): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

function identifierScalar(spec: IdentifierRule): GraphQLScalarType<string, string> {
  const { name, description, canonicalise, rule } = spec;

  const parse = (raw: unknown): string => {
    if (typeof raw !== 'string') {
      throw error(`${name}: expected a string; ${rule}`, 'BAD_USER_INPUT');
    }
    const canonical = canonicalise(raw);
    if (canonical === null) {
      throw error(`${name}: ${rule}`, 'BAD_USER_INPUT');
    }
    return canonical;
  };

  return new GraphQLScalarType<string, string>({
    name,
    description,
    parseValue: parse,
    parseLiteral(node: ValueNode): string {
      // Only string literals: a numeric literal would lose leading zeros and precision (18-digit ids).
      if (node.kind !== Kind.STRING) {
        throw error(`${name}: expected a string literal; ${rule}`, 'BAD_USER_INPUT');
      }
      return parse(node.value);
    },
    serialize(value: unknown): string {
      // A bad value here is stored data gone wrong, not the caller's fault.
      const canonical = typeof value === 'string' ? canonicalise(value) : null;
      if (canonical === null) {
        throw error(`${name}: cannot serialise a value that breaks the rule`, 'INTERNAL_SERVER_ERROR');
      }
      return canonical;
    },
  });
}

/** Applies a normaliser then a validator, yielding the normalised form only when it is valid. */
function checked(
  normalise: (raw: string) => string | null,
  isValid: (value: string) => boolean,
): (raw: string) => string | null {
  return (raw) => {
    const value = normalise(raw);
    return value !== null && isValid(value) ? value : null;
  };
}

const trim = (raw: string): string => raw.trim();
const trimUpper = (raw: string): string => raw.trim().toUpperCase();

/** Scalar `NHSNumber`: a 10-digit NHS number with a valid modulus 11 check digit. */
export const NHSNumberScalar = identifierScalar({
  name: 'NHSNumber',
  description:
    'NHS number: 10 digits, the last a modulus 11 check digit. Input may contain spaces or hyphens ' +
    '("943 476 5919"); output is always the 10 digits ("9434765919"). A valid check digit does not ' +
    'prove the number belongs to the patient.',
  canonicalise: checked(normaliseNhsNumber, isValidNhsNumber),
  rule: 'expected 10 digits with a valid modulus 11 check digit',
});

/** Scalar `OdsCode`: a general ODS organisation code, normalised to upper case. */
export const OdsCodeScalar = identifierScalar({
  name: 'OdsCode',
  description:
    'ODS organisation code: 3-6 letters or digits (e.g. practice M81065, hub Y01234, PCN U12345, ' +
    'commissioner 12A). Input is trimmed and upper-cased. ODS codes have no check digit.',
  canonicalise: checked(normaliseOdsCode, isValidOdsCode),
  rule: 'expected 3-6 letters or digits',
});

/** Scalar `PcnCode`: a Primary Care Network ODS code, "U" followed by five digits. */
export const PcnCodeScalar = identifierScalar({
  name: 'PcnCode',
  description:
    'Primary Care Network ODS code: "U" followed by 5 digits (e.g. U12345). Input is trimmed and ' + 'upper-cased.',
  canonicalise: checked(normaliseOdsCode, isValidPcnCode),
  rule: 'expected "U" followed by 5 digits',
});

/** Scalar `SnomedCode`: a SNOMED CT concept id (partition 00 or 10). */
export const SnomedCodeScalar = identifierScalar({
  name: 'SnomedCode',
  description:
    'SNOMED CT concept id as a string of 6-18 digits with no leading zero, a valid Verhoeff check ' +
    'digit and a concept partition (00 International, 10 extension), e.g. "22298006" or ' +
    '"149951000000107". A string because 18-digit ids exceed the safe integer range.',
  canonicalise: checked(trim, isValidSnomedConceptId),
  rule: 'expected a SNOMED CT concept id (6-18 digits, valid Verhoeff check digit, partition 00 or 10)',
});

/** Scalar `DmdCode`: a dm+d concept id (International short format or UK drug extension). */
export const DmdCodeScalar = identifierScalar({
  name: 'DmdCode',
  description:
    'dm+d (Dictionary of medicines and devices) code: a SNOMED CT concept id, either International ' +
    'short format (partition 00) or long format in the UK drug extension namespace 1000001 ' +
    '(partition 10), e.g. "39732311000001104". Checked for form only, not that the VMP/AMP exists.',
  canonicalise: checked(trim, isValidDmdCode),
  rule: 'expected a SNOMED CT concept id that is short format or in namespace 1000001',
});

/** Scalar `PrescriptionId`: an EPS short-form prescription id with a MOD 37-2 check character. */
export const PrescriptionIdScalar = identifierScalar({
  name: 'PrescriptionId',
  description:
    'EPS short-form prescription id RRRRRR-OOOOOO-SSSSSC: 6 random hex characters, the 6-character ' +
    'prescriber ODS code left-padded with "0", a 5-hex-digit sequence and an ISO/IEC 7064 MOD 37-2 ' +
    'check character ("+" for 36), e.g. "04F4C2-A99968-7F717P". Input is trimmed and upper-cased.',
  canonicalise: checked(trimUpper, isValidShortFormPrescriptionId),
  rule: 'expected RRRRRR-OOOOOO-SSSSSC with a valid MOD 37-2 check character',
});

/** Every scalar in this module, for registering with a schema builder in one go. */
export const ALL_SCALARS: readonly GraphQLScalarType<string, string>[] = [
  NHSNumberScalar,
  OdsCodeScalar,
  PcnCodeScalar,
  SnomedCodeScalar,
  DmdCodeScalar,
  PrescriptionIdScalar,
];
