/**
 * Validators, normalisers and generators for the NHS identifiers pcn-hub accepts (docs/domain/identifiers.md).
 */

export * from './nhs-number.js';
export * from './ods-code.js';
export * from './snomed.js';
export * from './dmd.js';
export * from './prescription-id.js';
