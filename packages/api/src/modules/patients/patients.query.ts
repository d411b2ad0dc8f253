import { readAuditedPage, type AuditedPageRead } from '../../platform/audit/audited-page.js';
import { SqlConditions } from '../../platform/db/sql.js';
import { newNode } from '../../platform/graphql/relay.js';
import { organisationFromJson, organisationJson, type OrganisationType } from '../organisations/index.js';
import type { Sex } from './patient.entity.js';
import { patientScopeSql } from './patients.policy.js';
import { PatientType } from './patients.types.js';

/** A patient's columns as one JSON array (the alias's row must exist); see {@link patientJson}. */
const patientArray = (alias: string): string =>
  `json_build_array(${alias}.id, ${alias}.registered_practice_id, ${alias}.nhs_number, ${alias}.given_name,
    ${alias}.family_name, ${alias}.date_of_birth, ${alias}.sex)`;

/**
 * A patient read as `alias` in a plain-SQL read, as one JSON array (null when the row has none: a
 * left join under `patientScopeSql` that found no visible patient); read back with
 * {@link patientFromJson}. Every column, whatever the selection: the patient's field resolvers
 * read them.
 */
export const patientJson = (alias: string): string =>
  `case when ${alias}.id is null then null else ${patientArray(alias)} end`;

/**
 * The patient {@link patientJson} read, as a GraphQL object: an instance of its class (type-graphql
 * hands it to field resolvers without copying), built by plain stores (fast properties); null for none.
 */
export function patientFromJson(values: readonly unknown[] | null): PatientType | null {
  if (!values) return null;
  const id = values[0] as string;
  const patient = newNode(PatientType, id);
  patient.registeredPracticeId = values[1] as string;
  patient.nhsNumber = values[2] as string;
  patient.givenName = values[3] as string;
  patient.familyName = values[4] as string;
  patient.dateOfBirth = values[5] as string;
  patient.sex = values[6] as Sex;
  return patient;
}

/**
 * One statement: the patients the actor may see (the patients policy) matching `read.where` (on
 * `patient p`), by family name, given name then id, each with its registered practice when
 * `registeredPractice` asks for it, packed into JSON, and their `readPatient` audit rows
 * ({@link readAuditedPage}).
 */
export async function readPatientPage(read: AuditedPageRead, registeredPractice: boolean): Promise<PatientType[]> {
  const scope = patientScopeSql(read.actor, 'p');
  const practice = registeredPractice ? `, ${organisationJson('rp')}` : '';
  const join = registeredPractice ? ' join organisation rp on rp.id = p.registered_practice_id' : '';
  const where = new SqlConditions().add(scope.sql, ...scope.params).add(read.where.and(), ...read.where.params);
  const rows = await readAuditedPage(
    { ...read, where },
    {
      from: `patient p${join}`,
      params: [],
      order: 'p.family_name, p.given_name, p.id',
      row: `json_build_array(${patientArray('p')}${practice})`,
      patientId: 'p.id',
    },
    { action: 'readPatient', subjectType: 'Patient' },
  );
  const organisations = new Map<string, OrganisationType>();
  return rows.map((values) => {
    const patient = patientFromJson(values[0] as unknown[])!;
    if (registeredPractice)
      patient.joinedRegisteredPractice = organisationFromJson(values[1] as unknown[], organisations);
    return patient;
  });
}
