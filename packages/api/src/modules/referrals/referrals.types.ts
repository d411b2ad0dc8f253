import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NHSNumberScalar } from '@pcn-hub/schema';
import { connectionTypes, Node } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { ReferralMethodEnum, type ReferralMethod } from '../hub-services/index.js';
import { OrganisationType } from '../organisations/index.js';
import type { ReferralState } from './referral.state.js';
import type { AgreementState, AgreementType, TaskCategory, TraceTaskState } from './referrals.codes.js';
import {
  AgreementStateEnum,
  AgreementTypeEnum,
  ReferralStateEnum,
  TaskCategoryEnum,
  TraceTaskStateEnum,
} from './referrals.enums.js';

@ObjectType('ReferralTask', { description: 'A cross-organisation task sent to a hub team.' })
export class ReferralTaskType {
  @Field(() => String, { description: 'Subject (no patient identifiers).' })
  subject!: string;
  @Field(() => TaskCategoryEnum, { description: 'Category.' })
  category!: TaskCategory;
  @Field(() => String, { nullable: true, description: 'Body.' })
  body!: string | null;
}

@ObjectType('ReferralDocument', { description: "A referral letter's metadata." })
export class ReferralDocumentType {
  @Field(() => String, { description: 'Title.' })
  title!: string;
  @Field(() => String, { description: 'MIME type.' })
  contentType!: string;
  @Field(() => Int, { description: 'Size in bytes.' })
  sizeBytes!: number;
  @Field(() => String, { description: "Where the letter is held in the sender's document store." })
  reference!: string;
}

@ObjectType('ReferralTransition', { description: 'One move of a referral: who, why, when.' })
export class ReferralTransitionType {
  @Field(() => ReferralStateEnum, { nullable: true, description: 'State before; null for the creation.' })
  fromState!: ReferralState | null;
  @Field(() => ReferralStateEnum, { description: 'State after.' })
  toState!: ReferralState;
  @Field(() => String, { description: 'Actor id of who made the move.' })
  actorId!: string;
  @Field(() => String, { nullable: true, description: 'Why.' })
  reason!: string | null;
  @Field(() => DateTime, { description: 'When.' })
  at!: Date;
}

@ObjectType('Referral', {
  implements: Node,
  description: 'A patient referred into a hub service by one referral method.',
})
export class ReferralType extends Node {
  readonly __typename = 'Referral' as const;
  dbId!: string;
  serviceId!: string;
  hubId!: string;
  fromOrganisationId!: string;
  patientId!: string;
  slotId!: string | null;
  teamId!: string | null;

  @Field(() => ReferralMethodEnum, { description: 'How the patient was referred.' })
  method!: ReferralMethod;
  @Field(() => ReferralStateEnum, { description: 'Where the referral is.' })
  state!: ReferralState;
  @Field(() => NHSNumberScalar, {
    description: 'NHS number of the patient: travels with the referral so the hub can trace them.',
  })
  nhsNumber!: string;
  @Field(() => Boolean, {
    description: "True when the referrer recorded the patient's consent to the hub accessing their record.",
  })
  consentToRecordAccess!: boolean;
  @Field(() => DateTime, { nullable: true, description: 'When consent was recorded.' })
  consentRecordedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the patient is referred.' })
  reason!: string | null;
  @Field(() => ReferralTaskType, { nullable: true, description: 'The task, for CROSS_ORGANISATION_TASK.' })
  task!: ReferralTaskType | null;
  @Field(() => ReferralDocumentType, { nullable: true, description: 'The letter, for DOCUMENT_SEND.' })
  document!: ReferralDocumentType | null;
  @Field(() => String, { nullable: true, description: 'Reason of the refusal or cancellation.' })
  outcomeReason!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Global id of the online consultation it came from (INBOX_SIGNPOST).',
  })
  onlineConsultationId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Global id of the hub consultation opened at attendance (HubConsultation).',
  })
  consultationId!: string | null;
  @Field(() => DateTime, { description: 'When it was made.' })
  createdAt!: Date;
  @Field(() => DateTime, { description: 'Last change.' })
  updatedAt!: Date;
}

export const { Connection: ReferralConnection } = connectionTypes(
  'Referral',
  ReferralType,
  'A page of referrals, newest first.',
);

@ObjectType('HubTeam', {
  implements: Node,
  description: 'A hub team that practices can send cross-organisation tasks to.',
})
export class HubTeamType extends Node {
  readonly __typename = 'HubTeam' as const;
  dbId!: string;
  @Field(() => String, { description: 'Name.' })
  name!: string;
  @Field(() => Boolean, { description: 'True when the team accepts cross-organisation tasks.' })
  acceptsCrossOrgTasks!: boolean;
}

@ObjectType('PatientTraceTask', {
  implements: Node,
  description: 'Hub admin work: trace a patient booked in before the hub knew them.',
})
export class PatientTraceTaskType extends Node {
  readonly __typename = 'PatientTraceTask' as const;
  dbId!: string;
  patientId!: string;
  requestedById!: string;
  referralDbId!: string;
  @Field(() => NHSNumberScalar, { description: 'NHS number to trace (travelled with the booking).' })
  nhsNumber!: string;
  @Field(() => TraceTaskStateEnum, { description: 'Whether it is done.' })
  state!: TraceTaskState;
  @Field(() => String, { nullable: true, description: 'Why a trace failed.' })
  outcomeReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Actor id of who completed it.' })
  completedBy!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When it was completed.' })
  completedAt!: Date | null;
  @Field(() => DateTime, { description: 'When it was opened.' })
  createdAt!: Date;
}

export const { Connection: PatientTraceTaskConnection } = connectionTypes(
  'PatientTraceTask',
  PatientTraceTaskType,
  'A page of trace tasks, oldest first.',
);

@ObjectType('ReferralAgreement', { description: 'A practice<->hub agreement a referral method needs.' })
export class ReferralAgreementType {
  practiceId!: string;
  @Field(() => ID, { description: 'Id.' })
  id!: string;
  @Field(() => AgreementTypeEnum, { description: 'What it allows.' })
  type!: AgreementType;
  @Field(() => AgreementStateEnum, { description: 'Only ACTIVE lets the method be used.' })
  state!: AgreementState;
  @Field(() => DateTime, { description: 'Last change.' })
  updatedAt!: Date;
}

@ObjectType('ReferralMethodInfo', { description: 'A referral method and the properties it declares.' })
export class ReferralMethodInfoType {
  @Field(() => ReferralMethodEnum, { description: 'The method.' })
  method!: ReferralMethod;
  @Field(() => Boolean, { description: 'Booking registers the patient at the hub (no trace).' })
  registersPatientAutomatically!: boolean;
  @Field(() => Boolean, { description: 'When a slot is booked, a patient unknown to the hub is traced first.' })
  needsTraceStep!: boolean;
  @Field(() => AgreementTypeEnum, { nullable: true, description: 'Agreement that must be ACTIVE.' })
  requiredAgreement!: AgreementType | null;
  @Field(() => Boolean, { description: 'The referrer books a hub slot.' })
  needsSlot!: boolean;
  @Field(() => Boolean, { description: 'The slot must be in a GP Connect-bookable book.' })
  needsGpConnectBook!: boolean;
  @Field(() => Boolean, { description: "The practice must be in the hub's organisation group." })
  needsOrganisationGroup!: boolean;
  @Field(() => Boolean, { description: 'Record-access consent is mandatory.' })
  needsConsent!: boolean;
  @Field(() => String, { description: 'PRACTICE (referPatient) or HUB (referFromConsultation).' })
  initiator!: string;
}

@ObjectType('CompletePatientTracePayload', { description: 'Result of completePatientTrace.' })
export class CompletePatientTracePayload {
  @Field(() => PatientTraceTaskType, { description: 'The task, now closed.' })
  task!: PatientTraceTaskType;
  @Field(() => [ReferralType], { description: 'The referrals that were waiting on it, after the move.' })
  referrals!: ReferralType[];
}

@ObjectType('ReferralPayload', {
  description:
    'Result of a referral move (referPatient, referFromConsultation, accept, reject, cancel, book, attendance, complete).',
})
export class ReferralPayload {
  @Field(() => ReferralType, { description: 'The referral after the move.' })
  referral!: ReferralType;
}

@ObjectType('ReferralAgreementPayload', { description: 'Result of setReferralAgreement.' })
export class ReferralAgreementPayload {
  @Field(() => ReferralAgreementType, { description: 'The agreement after the change.' })
  agreement!: ReferralAgreementType;
}

@ObjectType('SetOrganisationGroupMembershipPayload', { description: 'Result of setOrganisationGroupMembership.' })
export class SetOrganisationGroupMembershipPayload {
  @Field(() => OrganisationType, { description: 'The practice added or removed.' })
  organisation!: OrganisationType;
  @Field(() => Boolean, { description: "True when the practice is now in the hub's organisation group." })
  member!: boolean;
  @Field(() => [OrganisationType], {
    description: "The hub's organisation group after the change, by ODS code (as the organisationGroup query answers).",
  })
  organisationGroup!: OrganisationType[];
}
