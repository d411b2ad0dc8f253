/**
 * The API's own identifier checks, run as the user types (the API stays the judge): imported
 * from `@pcn-hub/schema/identifiers`, which carries the validators without the GraphQL scalars.
 */
import { normaliseNhsNumber as normalise } from '@pcn-hub/schema/identifiers';

export { isValidNhsNumber, isValidSnomedConceptId } from '@pcn-hub/schema/identifiers';

/** Digits only ("943 476 5919" → "9434765919"); the input unchanged when it is not a number at all. */
export function normaliseNhsNumber(input: string): string {
  return normalise(input) ?? input;
}
