import { LockMode } from '@mikro-orm/core';
import type { ChangeEvents, Tx } from '../../../platform/changes.js';
import type { Em } from '../../../platform/db/orm.js';
import { exec } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';
import { releaseSlot } from '../../appointments/index.js';
import { PatientTraceTask } from '../hub-registration.entity.js';
import { Referral } from '../referral.entity.js';
import type { ReferralMethodProperties } from '../referral-methods.rules.js';
import { KNOWN_REGISTRATIONS, type HubRegistrationType } from '../referrals.codes.js';
import { moveReferral } from '../referrals.events.js';

/** How the hub knows the patient, or null when it does not. */
export async function hubRegistrationOf(em: Em, hubId: string, patientId: string): Promise<HubRegistrationType | null> {
  const [row] = await exec<{ type: HubRegistrationType }>(
    em,
    'select type from hub_registration where hub_id = ? and patient_id = ?',
    [hubId, patientId],
  );
  return row?.type ?? null;
}

/**
 * Registers the patient at the hub as `type`. A known registration is never downgraded; an
 * UNREGISTERED one is upgraded. Returns the type it had before (null: none). Concurrent callers
 * meet on the (hub, patient) unique key instead of failing.
 */
async function register(
  em: Em,
  hubId: string,
  patientId: string,
  type: HubRegistrationType,
  actorId: string,
): Promise<HubRegistrationType | null> {
  const before = await hubRegistrationOf(em, hubId, patientId);
  const now = new Date();
  await exec(
    em,
    `insert into hub_registration (id, hub_id, patient_id, type, updated_by, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (hub_id, patient_id) do update set type = excluded.type, updated_by = excluded.updated_by, updated_at = excluded.updated_at
     where hub_registration.type = 'UNREGISTERED' and excluded.type <> 'UNREGISTERED'`,
    [uuidv7(), hubId, patientId, type, actorId, now, now],
  );
  return before;
}

/**
 * After a referral's slot is booked (state BOOKED): READY when the method registers the patient
 * or the hub already knows them; otherwise the patient is booked in UNREGISTERED, a trace task is
 * opened for hub admin (one per patient) and the referral waits in AWAITING_TRACE.
 */
export async function settleBooking(
  em: Tx,
  referral: Referral,
  properties: ReferralMethodProperties,
  actorId: string,
  events: ChangeEvents,
): Promise<void> {
  const hubId = referral.hub.id;
  const patientId = referral.patient.id;
  if (properties.registersPatientAutomatically) {
    const before = await register(em, hubId, patientId, 'GP_CONNECT', actorId);
    await moveReferral(em, referral, 'READY', actorId, 'registered at the hub by the booking', events);
    // A trace that was pending for this patient is settled by the registration.
    if (before === 'UNREGISTERED')
      await resolveTrace(em, hubId, patientId, 'TRACED', actorId, 'registered by GP Connect booking', events);
    return;
  }
  const known = await hubRegistrationOf(em, hubId, patientId);
  if (!properties.needsTraceStep || (known && KNOWN_REGISTRATIONS.includes(known))) {
    await moveReferral(em, referral, 'READY', actorId, null, events);
    return;
  }
  await register(em, hubId, patientId, 'UNREGISTERED', actorId);
  await exec(
    em,
    `insert into patient_trace_task (id, hub_id, patient_id, nhs_number, requested_by_id, referral_id, state, created_at)
     values (?, ?, ?, ?, ?, ?, 'OPEN', ?)
     on conflict (hub_id, patient_id) where state = 'OPEN' do nothing`,
    [uuidv7(), hubId, patientId, referral.nhsNumber, referral.fromOrganisation.id, referral.id, new Date()],
  );
  await moveReferral(em, referral, 'AWAITING_TRACE', actorId, 'patient not yet known to the hub', events);
}

/**
 * Closes the open trace of a patient and moves every referral waiting on it: TRACED registers the
 * patient and makes them READY; FAILED rejects them with the reason. Returns the referrals moved.
 */
export async function resolveTrace(
  em: Tx,
  hubId: string,
  patientId: string,
  outcome: 'TRACED' | 'FAILED',
  actorId: string,
  reason: string | null,
  events: ChangeEvents,
): Promise<Referral[]> {
  const now = new Date();
  await exec(
    em,
    `update patient_trace_task set state = ?, outcome_reason = ?, completed_by = ?, completed_at = ?
      where hub_id = ? and patient_id = ? and state = 'OPEN'`,
    [outcome, reason?.slice(0, 500) ?? null, actorId, now, hubId, patientId],
  );
  if (outcome === 'TRACED') await register(em, hubId, patientId, 'TRACED', actorId);
  const waiting = await em.find(
    Referral,
    { hub: hubId, patient: patientId, state: 'AWAITING_TRACE' },
    { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  for (const referral of waiting) {
    if (outcome === 'TRACED') await moveReferral(em, referral, 'READY', actorId, reason ?? 'patient traced', events);
    else {
      referral.outcomeReason = reason;
      await moveReferral(em, referral, 'REJECTED', actorId, reason, events);
      if (referral.slot) await releaseSlot(em, referral.slot.id, now);
    }
  }
  return waiting;
}

/** An open trace task by id at `hubId`, locked for the caller's transaction. */
export function lockOpenTask(em: Em, hubId: string, taskId: string): Promise<PatientTraceTask | null> {
  return em.findOne(PatientTraceTask, { id: taskId, hub: hubId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}
