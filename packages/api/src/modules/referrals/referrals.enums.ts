import { registerEnumType } from 'type-graphql';
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
import { enumOf } from '../../platform/graphql/enums.js';

export const ReferralStateEnum = enumOf<ReferralState>(REFERRAL_STATES);
registerEnumType(ReferralStateEnum, {
  name: 'ReferralState',
  description: 'Where a referral is in its lifecycle.',
  valuesConfig: {
    REQUESTED: { description: 'Sent to the hub service; not yet booked or accepted.' },
    BOOKED: { description: 'A hub slot is held for it.' },
    AWAITING_TRACE: { description: 'Booked, but hub admin must trace the patient into the hub first.' },
    READY: { description: 'The hub can see the patient (booked and known), or accepted the work.' },
    ATTENDED: { description: 'The patient was seen; a hub consultation was opened.' },
    DID_NOT_ATTEND: { description: 'The patient did not attend.' },
    CANCELLED: { description: 'Withdrawn, with a reason.' },
    REJECTED: { description: 'Refused by the hub (or the trace failed), with a reason.' },
    COMPLETED: { description: 'Done.' },
  },
});

export const AgreementTypeEnum = enumOf<AgreementType>(AGREEMENT_TYPES);
registerEnumType(AgreementTypeEnum, {
  name: 'ReferralAgreementType',
  description: 'A practice<->hub technical agreement a referral method needs.',
  valuesConfig: {
    CROSS_ORG_APPOINTMENTS: { description: 'Cross-organisation appointment booking (CROSS_ORGANISATION_BOOKING).' },
    CROSS_ORG_TASKS: { description: 'The practice may create tasks for hub teams (CROSS_ORGANISATION_TASK).' },
  },
});

export const AgreementStateEnum = enumOf<AgreementState>(AGREEMENT_STATES);
registerEnumType(AgreementStateEnum, {
  name: 'ReferralAgreementState',
  description: 'State of a referral agreement; only ACTIVE lets the method be used.',
  valuesConfig: {
    REQUESTED: { description: 'Requested; not yet usable.' },
    ACTIVE: { description: 'Active: the referral method may be used.' },
    SUSPENDED: { description: 'Suspended for a while; not usable.' },
    REVOKED: { description: 'Ended; a new agreement may be requested.' },
  },
});

export const TraceTaskStateEnum = enumOf<TraceTaskState>(TRACE_TASK_STATES);
registerEnumType(TraceTaskStateEnum, {
  name: 'PatientTraceTaskState',
  description: 'Whether hub admin has traced the patient.',
  valuesConfig: {
    OPEN: { description: 'To do.' },
    TRACED: { description: 'Traced: the patient is registered at the hub.' },
    FAILED: { description: 'Could not be traced; the waiting referrals were rejected.' },
  },
});

export const TaskCategoryEnum = enumOf<TaskCategory>(TASK_CATEGORIES);
registerEnumType(TaskCategoryEnum, {
  name: 'ReferralTaskCategory',
  description: 'What a cross-organisation task is about.',
  valuesConfig: {
    CLINICAL_REVIEW: { description: 'A clinical review of the patient.' },
    MEDICATION: { description: 'A medication query or change.' },
    RESULTS: { description: 'Test results to act on.' },
    APPOINTMENT_REQUEST: { description: 'An appointment to arrange.' },
    ADMIN: { description: 'Administrative work.' },
    OTHER: { description: 'Anything else.' },
  },
});
