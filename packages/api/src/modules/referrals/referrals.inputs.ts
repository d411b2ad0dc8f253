import { Field, ID, InputType, Int } from 'type-graphql';
import { NHSNumberScalar, OdsCodeScalar } from '@pcn-hub/schema';
import type { Role } from '../../platform/auth/roles.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { DayOfWeekEnum, ReferralMethodEnum, type DayOfWeek, type ReferralMethod } from '../hub-services/index.js';
import { RoleEnum } from '../organisations/index.js';
import type { ReferralState } from './referral.state.js';
import type { AgreementState, AgreementType, TaskCategory } from './referrals.codes.js';
import { AgreementStateEnum, AgreementTypeEnum, ReferralStateEnum, TaskCategoryEnum } from './referrals.enums.js';

@InputType('ReferralTaskInput', { description: 'A task for a hub team (CROSS_ORGANISATION_TASK).' })
export class ReferralTaskInput {
  @Field(() => ID, { description: 'The hub team; it must accept cross-organisation tasks.' })
  teamId!: string;
  @Field(() => String, { description: 'Subject, 1-200 characters, without patient identifiers.' })
  subject!: string;
  @Field(() => TaskCategoryEnum, { description: 'Category.' })
  category!: TaskCategory;
  @Field(() => String, { nullable: true, description: 'Body, up to 5000 characters.' })
  body?: string | null;
}

@InputType('ReferralDocumentInput', { description: 'A referral letter (DOCUMENT_SEND): metadata only.' })
export class ReferralDocumentInput {
  @Field(() => String, { description: 'Title, 1-255 characters.' })
  title!: string;
  @Field(() => String, { description: 'application/pdf, text/plain, image/jpeg, image/png or application/xml.' })
  contentType!: string;
  @Field(() => Int, { description: 'Size in bytes, up to 20 MiB.' })
  sizeBytes!: number;
  @Field(() => String, { description: "Where the letter is held in the sender's document store, 1-500 characters." })
  reference!: string;
}

@InputType('ReferPatientInput', { description: 'A practice refers one of its patients into a hub service.' })
export class ReferPatientInput {
  @Field(() => ReferralMethodEnum, { description: 'How; the service must accept it.' })
  method!: ReferralMethod;
  @Field(() => ID, { description: 'The hub service.' })
  serviceId!: string;
  @Field(() => NHSNumberScalar, { description: "NHS number of a patient registered at the viewer's practice." })
  nhsNumber!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The slot to book (CROSS_ORGANISATION_BOOKING, GP_CONNECT_BOOKING).',
  })
  slotId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'The patient is aware of and consents to the hub accessing their record (mandatory for CROSS_ORGANISATION_BOOKING).',
  })
  consentToRecordAccess?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Why the patient is referred, up to 2000 characters.' })
  reason?: string | null;
  @Field(() => ReferralTaskInput, { nullable: true, description: 'The task (CROSS_ORGANISATION_TASK).' })
  task?: ReferralTaskInput | null;
  @Field(() => ReferralDocumentInput, { nullable: true, description: 'The letter (DOCUMENT_SEND).' })
  document?: ReferralDocumentInput | null;
  @Field(() => String, {
    nullable: true,
    description: 'Repeat-safe key: the same key and input return the first result.',
  })
  idempotencyKey?: string | null;
}

@InputType('ReferFromConsultationInput', {
  description: 'An online consultation signposted to a hub service becomes a referral.',
})
export class ReferFromConsultationInput {
  @Field(() => ID, { description: "The online consultation, in the hub's inbox and signposted to the service." })
  consultationId!: string;
  @Field(() => ID, { description: 'The hub service it was signposted to; it must accept INBOX_SIGNPOST.' })
  serviceId!: string;
}

@InputType('ReferralMoveInput', { description: 'A move of a referral with an optional reason.' })
export class ReferralMoveInput {
  @Field(() => ID, { description: 'The referral.' })
  referralId!: string;
  @Field(() => String, { nullable: true, description: 'Why, up to 500 characters.' })
  reason?: string | null;
}

@InputType('ReferralReasonedMoveInput', { description: 'A move of a referral that must say why.' })
export class ReferralReasonedMoveInput {
  @Field(() => ID, { description: 'The referral.' })
  referralId!: string;
  @Field(() => String, { description: 'Why, 1-500 characters.' })
  reason!: string;
}

@InputType('BookReferralInput', { description: 'The hub books a slot for a REQUESTED referral.' })
export class BookReferralInput {
  @Field(() => ID, { description: 'The referral.' })
  referralId!: string;
  @Field(() => ID, { description: "A free future slot of the referral's service." })
  slotId!: string;
}

@InputType('RecordAttendanceInput', { description: 'Whether the patient attended.' })
export class RecordAttendanceInput {
  @Field(() => ID, { description: 'The referral, READY.' })
  referralId!: string;
  @Field(() => Boolean, { description: 'True: ATTENDED (opens a hub consultation); false: DID_NOT_ATTEND.' })
  attended!: boolean;
  @Field(() => String, { nullable: true, description: 'Note, up to 500 characters.' })
  reason?: string | null;
}

@InputType('CompletePatientTraceInput', { description: 'The result of tracing a patient.' })
export class CompletePatientTraceInput {
  @Field(() => ID, { description: 'The open trace task.' })
  taskId!: string;
  @Field(() => Boolean, { nullable: true, description: 'False when the patient could not be traced (default true).' })
  traced?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Why the trace failed (required then), up to 500 characters.' })
  reason?: string | null;
}

@InputType('ReferralFilter', { description: 'Which referrals to list; all given conditions apply.' })
export class ReferralFilterInput {
  @Field(() => ID, { nullable: true, description: 'Hub service.' })
  serviceId?: string | null;
  @Field(() => OdsCodeScalar, { nullable: true, description: 'Referring practice (hub staff).' })
  practice?: string | null;
  @Field(() => ReferralStateEnum, { nullable: true, description: 'State.' })
  state?: ReferralState | null;
  @Field(() => ReferralMethodEnum, { nullable: true, description: 'Method.' })
  method?: ReferralMethod | null;
  @Field(() => DateTime, { nullable: true, description: 'Made at or after.' })
  from?: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'Made before.' })
  to?: Date | null;
}

@InputType('SetHubServiceReferralMethodsInput', {
  description: 'The referral methods a hub service accepts (replaces the list).',
})
export class SetHubServiceReferralMethodsInput {
  @Field(() => ID, { description: 'The hub service.' })
  serviceId!: string;
  @Field(() => [ReferralMethodEnum], { description: 'Accepted methods; empty = none.' })
  methods!: ReferralMethod[];
}

@InputType('SetHubServiceDetailsInput', {
  description: 'The referral-facing details of a hub service (replaces them).',
})
export class SetHubServiceDetailsInput {
  @Field(() => ID, { description: 'The hub service.' })
  serviceId!: string;
  @Field(() => String, { nullable: true, description: 'Who it is for, up to 4000 characters.' })
  inclusionCriteria?: string | null;
  @Field(() => String, { nullable: true, description: 'Who it is not for, up to 4000 characters.' })
  exclusionCriteria?: string | null;
  @Field(() => [DayOfWeekEnum], { description: 'Days it runs.' })
  daysOfOperation!: DayOfWeek[];
  @Field(() => [RoleEnum], { description: 'Hub roles a session holder needs.' })
  requiredRoles!: Role[];
}

@InputType('SetReferralAgreementInput', { description: 'Sets a practice<->hub referral agreement.' })
export class SetReferralAgreementInput {
  @Field(() => OdsCodeScalar, { description: 'The practice.' })
  practiceOdsCode!: string;
  @Field(() => AgreementTypeEnum, { description: 'Which agreement.' })
  type!: AgreementType;
  @Field(() => AgreementStateEnum, { description: 'New state.' })
  state!: AgreementState;
}

@InputType('SetOrganisationGroupMembershipInput', {
  description: "Adds a practice to, or removes it from, the hub's organisation group.",
})
export class SetOrganisationGroupMembershipInput {
  @Field(() => OdsCodeScalar, { description: 'The practice.' })
  practiceOdsCode!: string;
  @Field(() => Boolean, { description: 'True to add, false to remove.' })
  member!: boolean;
}
