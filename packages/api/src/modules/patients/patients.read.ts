import { toGlobalId } from '../../platform/graphql/relay.js';
import type { Sex } from './patient.entity.js';
import { PatientType } from './patients.types.js';

/**
 * The columns of a patient read as `alias` in a plain-SQL read, each named `<alias>_<field>`; read
 * back with {@link patientFromRow}. Visibility is the caller's: join under `patientScopeSql`.
 */
export const patientColumns = (alias: string): string =>
  `${alias}.id as "${alias}_id", ${alias}.registered_practice_id as "${alias}_practice",
  ${alias}.nhs_number as "${alias}_nhs", ${alias}.given_name as "${alias}_given", ${alias}.family_name as "${alias}_family",
  ${alias}.date_of_birth::text as "${alias}_dob", ${alias}.sex as "${alias}_sex"`;

/**
 * The patient read as `alias` in a row of a plain-SQL read, as a GraphQL object (an instance of its
 * class, so type-graphql hands it to field resolvers without copying); null when the row has none
 * (a left join that found no visible patient).
 */
export function patientFromRow(row: Record<string, unknown>, alias: string): PatientType | null {
  const id = row[`${alias}_id`] as string | null;
  if (!id) return null;
  return Object.assign(Object.create(PatientType.prototype) as PatientType, {
    __typename: 'Patient' as const,
    id: toGlobalId('Patient', id),
    dbId: id,
    registeredPracticeId: row[`${alias}_practice`] as string,
    nhsNumber: row[`${alias}_nhs`] as string,
    givenName: row[`${alias}_given`] as string,
    familyName: row[`${alias}_family`] as string,
    dateOfBirth: row[`${alias}_dob`] as string,
    sex: row[`${alias}_sex`] as Sex,
  });
}
