/**
 * dm+d (Dictionary of medicines and devices) codes (docs/domain/identifiers.md#dmd-codes).
 */

import { parseSctid } from './snomed.js';

/** Namespace of the UK drug extension, where dm+d concepts created in the UK live. */
export const UK_DRUG_EXTENSION_NAMESPACE = '1000001';

/**
 * True when `input` is syntactically a dm+d code: a valid SNOMED CT concept id that, if in long
 * format, belongs to the UK drug extension namespace 1000001.
 *
 * Why short-format ids are accepted: dm+d is mostly in the UK drug extension (long format, partition
 * 10), but many older VMPs reuse International-release concepts with short-format ids (e.g. 317335000
 * paracetamol 500mg tablets). Rejecting those would refuse real prescriptions. Long-format ids from
 * any other namespace (e.g. the UK clinical extension 1000000) are clinical findings or procedures,
 * never medicines, so they are refused. Whether the concept exists and is a VMP/AMP is a semantic
 * check for the terminology service, not this function.
 *
 * @param input - candidate dm+d concept id, e.g. "39732311000001104"
 */
export function isValidDmdCode(input: string): boolean {
  const parsed = parseSctid(input);
  if (parsed === null || parsed.kind !== 'concept') return false;
  return parsed.format === 'short' || parsed.namespace === UK_DRUG_EXTENSION_NAMESPACE;
}
