import type { Actor } from '../../platform/auth/actor.js';
import type { AuditLog } from '../../platform/audit/audit.log.js';
import type { Em } from '../../platform/db/orm.js';
import { exec, type SqlConditions } from '../../platform/db/sql.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
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

/**
 * One statement: the patients the actor may see (the patients policy) matching `where` (on
 * `patient p`), by family name, given name then id, at most `limit`, each with its registered
 * practice when `registeredPractice` asks for it, packed into JSON; and, in the same statement (a
 * data-modifying CTE), one `readPatient` audit row for each of the first `audit.count` rows.
 */
export async function readPatientPage(
  em: Em,
  actor: Actor,
  where: SqlConditions,
  limit: number,
  registeredPractice: boolean,
  audit: { readonly log: AuditLog; readonly count: number },
): Promise<PatientType[]> {
  const scope = patientScopeSql(actor, 'p');
  const order = 'p.family_name, p.given_name, p.id';
  const practice = registeredPractice ? `, ${organisationJson('rp')}` : '';
  const join = registeredPractice ? ' join organisation rp on rp.id = p.registered_practice_id' : '';
  const insert = audit.log.readsInsert(
    'page',
    { subjectId: 's.id', patientId: 's.id', rank: 's.rank_' },
    { action: 'readPatient', subjectType: 'Patient' },
    audit.count,
  );
  const sql = `with page as (select p.id, row_number() over (order by ${order}) as rank_,
        json_build_array(${patientArray('p')}${practice}) as r
      from patient p${join} where ${scope.sql} and ${where.and()} order by ${order} limit ?),
    audited as (${insert.sql})
    select r from page order by rank_`;
  const rows = await exec<{ r: unknown[] | string }>(em, sql, [
    ...scope.params,
    ...where.params,
    limit,
    ...insert.params,
  ]);
  const organisations = new Map<string, OrganisationType>();
  return rows.map(({ r }) => {
    const values = (typeof r === 'string' ? JSON.parse(r) : r) as unknown[];
    const patient = patientFromJson(values[0] as unknown[])!;
    if (registeredPractice)
      patient.joinedRegisteredPractice = organisationFromJson(values[1] as unknown[], organisations);
    return patient;
  });
}
