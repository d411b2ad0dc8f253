import { normaliseNhsNumber } from '@pcn-hub/schema';
import type { Actor } from '../../platform/auth/actor.js';
import type { Em } from '../../platform/db/orm.js';
import { Patient } from './patient.entity.js';
import { exec } from '../../platform/db/sql.js';
import { patientScope, patientScopeSql } from './patients.policy.js';

/**
 * Care relationships, not NHS numbers, open a patient. Who may see a patient, or record care for
 * one, by NHS number:
 *
 * - the practice the patient is registered with;
 * - the hub, for the patients registered with its PCN's practices (the PCN's routing and
 *   write-back agreements are what bring them to it);
 * - another practice of the PCN only where something brings the patient to it: a referral it made
 *   naming the patient, or a write-back agreement (requested or active, either direction) between
 *   it and the patient's registered practice: the shared-care arrangement under which it sees
 *   the registered practice's patients (extended access, a one-to-one pairing);
 * - nobody else: a patient outside these answers exactly like an NHS number the hub has never
 *   seen (NOT_FOUND), and nothing is stored.
 *
 * Knowing a valid NHS number is never enough. PCN analysts and integrations read no patient at
 * all (PATIENT_READERS); a plugin receives demographics only with the `patients:read` scope.
 */
export async function findPatientInCare(em: Em, actor: Actor, nhsNumber: string): Promise<Patient | null> {
  const normalised = normaliseNhsNumber(nhsNumber);
  if (!normalised) return null;
  const registered = await em.findOne(Patient, { $and: [{ nhsNumber: normalised }, patientScope(actor)] });
  if (registered || actor.organisationKind !== 'PRACTICE') return registered;
  // The referrals and write-back modules' tables, read by ids only.
  const referred = await em.getConnection().execute<{ id: string }[]>(
    `select p.id from patient p
       join organisation o on o.id = p.registered_practice_id
      where p.nhs_number = ? and ${PRACTICE_CARE}
      limit 1`,
    [normalised, ...practiceCareParams(actor)],
  );
  return referred[0] ? em.findOne(Patient, { id: referred[0].id }) : null;
}

// A patient (`p`, registered at `o`) a practice of the PCN is not registered with but cares for: a
// referral it made naming the patient, or a requested or active write-back agreement with the
// patient's practice. The referrals and write-back modules' tables, read by ids only.
const PRACTICE_CARE = `o.pcn_id = ?
  and (exists (select 1 from referral r where r.patient_id = p.id and r.from_organisation_id = ?)
    or exists (select 1 from write_back_agreement a
                where a.state in ('REQUESTED', 'ACTIVE')
                  and ((a.source_id = ? and a.target_id = p.registered_practice_id)
                    or (a.target_id = ? and a.source_id = p.registered_practice_id))))`;

const practiceCareParams = (actor: Actor) => [
  actor.pcnId,
  actor.organisationId,
  actor.organisationId,
  actor.organisationId,
];

/**
 * {@link findPatientInCare} as one plain query selecting the patient's `id`, for a statement of a
 * write that needs only the id (no row when the actor has no care relationship with the patient,
 * or the number is not valid).
 */
export function patientInCareSql(actor: Actor, nhsNumber: string): { sql: string; params: unknown[] } {
  const normalised = normaliseNhsNumber(nhsNumber);
  if (!normalised) return { sql: 'select null::uuid as id where false', params: [] };
  const scope = patientScopeSql(actor, 'p');
  const practice = actor.organisationKind === 'PRACTICE';
  return {
    sql: `select p.id from patient p join organisation o on o.id = p.registered_practice_id
      where p.nhs_number = ? and (${scope.sql}${practice ? ` or (${PRACTICE_CARE})` : ''})`,
    params: [normalised, ...scope.params, ...(practice ? practiceCareParams(actor) : [])],
  };
}

/** {@link patientInCareSql} run on its own: the patient's id, or null. */
export async function findPatientIdInCare(em: Em, actor: Actor, nhsNumber: string): Promise<string | null> {
  const { sql, params } = patientInCareSql(actor, nhsNumber);
  const [row] = await exec<{ id: string }>(em, sql, params);
  return row?.id ?? null;
}

/** True when the actor may receive a patient's demographics (a plugin needs `patients:read`). */
export function mayReadDemographics(actor: Actor): boolean {
  return !actor.plugin || actor.plugin.scopes.has('patients:read');
}
