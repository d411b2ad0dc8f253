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
    __typename: 'Referral',
    id: referralGlobalId(r.id),
    dbId: r.id,
    serviceId: r.service.id,
    hubId: r.hub.id,
    fromOrganisationId: r.fromOrganisation.id,
    patientId: r.patient.id,
    slotId: r.slot?.id ?? null,
    teamId: r.team?.id ?? null,
    method: r.method,
    state: r.state,
    nhsNumber: r.nhsNumber,
    consentToRecordAccess: r.consentToRecordAccess,
    consentRecordedAt: r.consentRecordedAt ?? null,
    reason: r.reason ?? null,
    task:
      r.taskSubject && r.taskCategory
        ? { subject: r.taskSubject, category: r.taskCategory, body: r.taskBody ?? null }
        : null,
    document: r.document ?? null,
    outcomeReason: r.outcomeReason ?? null,
    onlineConsultationId: r.onlineConsultationId ? toGlobalId('OnlineConsultation', r.onlineConsultationId) : null,
    consultationId: r.consultationId ? toGlobalId('HubConsultation', r.consultationId) : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toTransitionType(t: ReferralTransition): ReferralTransitionType {
  return {
    fromState: (t.fromState as ReferralState | null) ?? null,
    toState: t.toState as ReferralState,
    actorId: t.actorId,
    reason: t.reason ?? null,
    at: t.at,
  };
}

export function toTeamType(team: HubTeam): HubTeamType {
  return {
    __typename: 'HubTeam',
    id: toGlobalId('HubTeam', team.id),
    dbId: team.id,
    name: team.name,
    acceptsCrossOrgTasks: team.acceptsCrossOrgTasks,
  };
}

export function toTraceTaskType(t: PatientTraceTask): PatientTraceTaskType {
  return {
    __typename: 'PatientTraceTask',
    id: toGlobalId('PatientTraceTask', t.id),
    dbId: t.id,
    patientId: t.patient.id,
    requestedById: t.requestedBy.id,
    referralDbId: t.referralId,
    nhsNumber: t.nhsNumber,
    state: t.state,
    outcomeReason: t.outcomeReason ?? null,
    completedBy: t.completedBy ?? null,
    completedAt: t.completedAt ?? null,
    createdAt: t.createdAt,
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
