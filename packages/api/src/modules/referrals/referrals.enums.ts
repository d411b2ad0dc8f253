import { REFERRAL_STATES, type ReferralState } from './referral.state.js';
import {
  AGREEMENT_STATES,
  AGREEMENT_TYPES,
  TASK_CATEGORIES,
  TRACE_TASK_STATES,
  type AgreementState,
  type AgreementType,
  type TaskCategory,
  type TraceTaskState,
} from './referrals.codes.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';

export const ReferralStateEnum = graphqlEnum<ReferralState>(REFERRAL_STATES, {
  name: 'ReferralState',
  description: 'Where a referral is in its lifecycle.',
  values: {
    REQUESTED: 'Sent to the hub service; not yet booked or accepted.',
    BOOKED: 'A hub slot is held for it.',
    AWAITING_TRACE: 'Booked, but hub admin must trace the patient into the hub first.',
    READY: 'The hub can see the patient (booked and known), or accepted the work.',
    ATTENDED: 'The patient was seen; a hub consultation was opened.',
    DID_NOT_ATTEND: 'The patient did not attend.',
    CANCELLED: 'Withdrawn, with a reason.',
    REJECTED: 'Refused by the hub (or the trace failed), with a reason.',
    COMPLETED: 'Done.',
  },
});

export const AgreementTypeEnum = graphqlEnum<AgreementType>(AGREEMENT_TYPES, {
  name: 'ReferralAgreementType',
  description: 'A practice<->hub technical agreement a referral method needs.',
  values: {
    CROSS_ORG_APPOINTMENTS: 'Cross-organisation appointment booking (CROSS_ORGANISATION_BOOKING).',
    CROSS_ORG_TASKS: 'The practice may create tasks for hub teams (CROSS_ORGANISATION_TASK).',
  },
});

export const AgreementStateEnum = graphqlEnum<AgreementState>(AGREEMENT_STATES, {
  name: 'ReferralAgreementState',
  description: 'State of a referral agreement; only ACTIVE lets the method be used.',
  values: {
    REQUESTED: 'Requested; not yet usable.',
    ACTIVE: 'Active: the referral method may be used.',
    SUSPENDED: 'Suspended for a while; not usable.',
    REVOKED: 'Ended; a new agreement may be requested.',
  },
});

export const TraceTaskStateEnum = graphqlEnum<TraceTaskState>(TRACE_TASK_STATES, {
  name: 'PatientTraceTaskState',
  description: 'Whether hub admin has traced the patient.',
  values: {
    OPEN: 'To do.',
    TRACED: 'Traced: the patient is registered at the hub.',
    FAILED: 'Could not be traced; the waiting referrals were rejected.',
  },
});

export const TaskCategoryEnum = graphqlEnum<TaskCategory>(TASK_CATEGORIES, {
  name: 'ReferralTaskCategory',
  description: 'What a cross-organisation task is about.',
  values: {
    CLINICAL_REVIEW: 'A clinical review of the patient.',
    MEDICATION: 'A medication query or change.',
    RESULTS: 'Test results to act on.',
    APPOINTMENT_REQUEST: 'An appointment to arrange.',
    ADMIN: 'Administrative work.',
    OTHER: 'Anything else.',
  },
});
