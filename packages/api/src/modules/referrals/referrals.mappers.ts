import { fieldsOf, nodeFields } from '../../platform/graphql/fields.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import type { PatientTraceTask } from './hub-registration.entity.js';
import type { ReferralMethodStrategy } from './referral-methods.rules.js';
import type { HubTeam, ReferralAgreement } from './referral-setup.entity.js';
import type { Referral, ReferralTransition } from './referral.entity.js';
import type { ReferralState } from './referral.state.js';
import type {
  HubTeamType,
  PatientTraceTaskType,
  ReferralAgreementType,
  ReferralMethodInfoType,
  ReferralTransitionType,
  ReferralType,
} from './referrals.types.js';

export const referralGlobalId = (id: string): string => toGlobalId('Referral', id);

export function toReferralType(r: Referral): ReferralType {
  return {
    ...nodeFields('Referral', r.id),
    ...fieldsOf(r, [
      'method',
      'state',
      'nhsNumber',
      'consentToRecordAccess',
      'consentRecordedAt',
      'reason',
      'document',
      'outcomeReason',
      'createdAt',
      'updatedAt',
    ]),
    serviceId: r.service.id,
    hubId: r.hub.id,
    fromOrganisationId: r.fromOrganisation.id,
    patientId: r.patient.id,
    slotId: r.slot?.id ?? null,
    teamId: r.team?.id ?? null,
    task:
      r.taskSubject && r.taskCategory
        ? { subject: r.taskSubject, category: r.taskCategory, body: r.taskBody ?? null }
        : null,
    onlineConsultationId: r.onlineConsultationId ? toGlobalId('OnlineConsultation', r.onlineConsultationId) : null,
    consultationId: r.consultationId ? toGlobalId('HubConsultation', r.consultationId) : null,
  };
}

export function toTransitionType(t: ReferralTransition): ReferralTransitionType {
  return {
    ...fieldsOf(t, ['actorId', 'reason', 'at']),
    fromState: (t.fromState as ReferralState | null) ?? null,
    toState: t.toState as ReferralState,
  };
}

export function toTeamType(team: HubTeam): HubTeamType {
  return {
    ...nodeFields('HubTeam', team.id),
    ...fieldsOf(team, ['name', 'acceptsCrossOrgTasks']),
  };
}

export function toTraceTaskType(t: PatientTraceTask): PatientTraceTaskType {
  return {
    ...nodeFields('PatientTraceTask', t.id),
    ...fieldsOf(t, ['nhsNumber', 'state', 'outcomeReason', 'completedBy', 'completedAt', 'createdAt']),
    patientId: t.patient.id,
    requestedById: t.requestedBy.id,
    referralDbId: t.referralId,
  };
}

export function toAgreementType(a: ReferralAgreement): ReferralAgreementType {
  return {
    id: toGlobalId('ReferralAgreement', a.id),
    practiceId: a.practice.id,
    type: a.type,
    state: a.state,
    updatedAt: a.updatedAt,
  };
}

export function toMethodInfo(s: ReferralMethodStrategy): ReferralMethodInfoType {
  return { method: s.method, ...s.properties };
}
