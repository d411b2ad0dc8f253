import type { Em } from '../../../platform/db/orm.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { ReferralMethod } from '../../hub-services/index.js';
import type { Patient } from '../../patients/index.js';
import type { MethodDetails } from '../referral-methods.rules.js';
import { Referral } from '../referral.entity.js';
import { INITIAL_REFERRAL_STATE } from '../referral.state.js';

/** What a new referral is made of, once every rule has been checked. */
export interface NewReferral {
  method: ReferralMethod;
  hubId: string;
  serviceId: string;
  fromOrgId: string;
  patient: Patient;
  reason: string | null;
  details: MethodDetails;
  consent: boolean;
  onlineConsultationId?: string;
}

/** Adds a REQUESTED referral to `em`'s unit of work; the NHS number is copied so it travels with it. */
export function newReferral(em: Em, actorId: string, f: NewReferral): Referral {
  const now = new Date();
  return em.create(Referral, {
    id: uuidv7(),
    method: f.method,
    hub: f.hubId,
    service: f.serviceId,
    fromOrganisation: f.fromOrgId,
    patient: f.patient.id,
    nhsNumber: f.patient.nhsNumber,
    state: INITIAL_REFERRAL_STATE,
    consentToRecordAccess: f.consent,
    consentRecordedAt: f.consent ? now : null,
    consentRecordedBy: f.consent ? actorId : null,
    reason: f.reason,
    team: f.details.task?.teamId ?? null,
    taskSubject: f.details.task?.subject ?? null,
    taskCategory: f.details.task?.category ?? null,
    taskBody: f.details.task?.body ?? null,
    document: f.details.document,
    onlineConsultationId: f.onlineConsultationId ?? null,
    createdBy: actorId,
  });
}
