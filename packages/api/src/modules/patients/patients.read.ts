import { toGlobalId } from '../../platform/graphql/relay.js';
import type { Sex } from './patient.entity.js';
import { PatientType } from './patients.types.js';

/**
 * A patient read as `alias` in a plain-SQL read, as one JSON array (null when the row has none: a
 * left join under `patientScopeSql` that found no visible patient); read back with
 * {@link patientFromJson}. Every column, whatever the selection: the patient's field resolvers
 * read them.
 */
export const patientJson = (alias: string): string =>
  `case when ${alias}.id is null then null else json_build_array(${alias}.id, ${alias}.registered_practice_id,
    ${alias}.nhs_number, ${alias}.given_name, ${alias}.family_name, ${alias}.date_of_birth, ${alias}.sex) end`;

/**
 * The patient {@link patientJson} read, as a GraphQL object: an instance of its class (type-graphql
 * hands it to field resolvers without copying), built by plain stores (fast properties); null for none.
 */
export function patientFromJson(values: readonly unknown[] | null): PatientType | null {
  if (!values) return null;
  const id = values[0] as string;
  const patient = new PatientType();
  patient.id = toGlobalId('Patient', id);
  patient.dbId = id;
  patient.registeredPracticeId = values[1] as string;
  patient.nhsNumber = values[2] as string;
  patient.givenName = values[3] as string;
  patient.familyName = values[4] as string;
  patient.dateOfBirth = values[5] as string;
  patient.sex = values[6] as Sex;
  return patient;
}
