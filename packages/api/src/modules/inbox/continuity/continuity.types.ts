import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { OdsCodeScalar } from '@pcn-hub/schema';
import { Node } from '../../../platform/graphql/relay.js';
import { DateTime } from '../../../platform/graphql/scalars.js';
import type { HubClosureKind } from '../inbox.codes.js';
import { ConsultationStateEnum, HubClosureKindEnum } from '../inbox.enums.js';
import { OnlineConsultationType } from '../inbox.types.js';
import type { ConsultationState } from '../online-consultation.state.js';

@ObjectType('HubClosure', {
  implements: Node,
  description:
    'Business continuity: a period in which the hub is closed or works at reduced capacity, planned (a window) or declared from now (until reopened).',
})
export class HubClosureType extends Node {
  readonly __typename = 'HubClosure' as const;
  @Field(() => HubClosureKindEnum, { description: 'Closed, or reduced capacity.' })
  kind!: HubClosureKind;
  @Field(() => DateTime, { description: 'When it starts (or started).' })
  startsAt!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When its window ends; null: until reopened.' })
  endsAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'REDUCED_CAPACITY: the share of every capacity plan in force, 1-99.',
  })
  capacityPercent!: number | null;
  @Field(() => String, { description: 'Why, as the hub manager gave it.' })
  reason!: string;
  @Field(() => String, { description: 'Who declared it.' })
  declaredBy!: string;
  @Field(() => DateTime, { description: 'When it was declared.' })
  declaredAt!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When reopenHub ended (or, before its start, withdrew) it.' })
  endedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who reopened.' })
  endedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was reopened.' })
  endReason!: string | null;
  @Field(() => Boolean, { description: 'In force now.' })
  inForce!: boolean;
}

@InputType('DeclareHubClosureInput', {
  description: 'Closes the hub or reduces its capacity, now or for a planned window.',
})
export class DeclareHubClosureInput {
  @Field(() => HubClosureKindEnum, { description: 'Closed, or reduced capacity.' })
  kind!: HubClosureKind;
  @Field(() => String, { description: 'Why, 1-2000 characters (no patient data).' })
  reason!: string;
  @Field(() => DateTime, {
    nullable: true,
    description: 'Start of a planned window; now when omitted. Not in the past.',
  })
  startsAt?: Date | null;
  @Field(() => DateTime, {
    nullable: true,
    description: 'End of the window, after startsAt; omitted: until reopenHub.',
  })
  endsAt?: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'REDUCED_CAPACITY only (and required): 1-99, the share of every capacity plan in force.',
  })
  capacityPercent?: number | null;
}

@ObjectType('DeclareHubClosurePayload', { description: 'Result of declareHubClosure.' })
export class DeclareHubClosurePayload {
  @Field(() => HubClosureType, { description: 'The period declared.' })
  closure!: HubClosureType;
}

@InputType('ReopenHubInput', { description: 'Ends the period in force, or withdraws a planned one.' })
export class ReopenHubInput {
  @Field(() => ID, { nullable: true, description: 'Global id of the period; omitted: the one in force now.' })
  closureId?: string | null;
  @Field(() => String, { description: 'Why, 1-2000 characters (no patient data).' })
  reason!: string;
}

@ObjectType('ReopenHubPayload', { description: 'Result of reopenHub.' })
export class ReopenHubPayload {
  @Field(() => HubClosureType, { description: 'The period, now ended.' })
  closure!: HubClosureType;
}

@InputType('HandBackHubConsultationsInput', {
  description:
    "Passes the hub's open consultations back to their practices in bulk: each one a normal pass-back with its history, audit row and events.",
})
export class HandBackHubConsultationsInput {
  @Field(() => String, { description: 'Why, 1-2000 characters; recorded on every pass-back.' })
  reason!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Triage notes for the practices, up to 5000 characters; omitted: each keeps its own.',
  })
  triageNotes?: string | null;
  @Field(() => [ConsultationStateEnum], {
    nullable: true,
    description:
      'Only these states (each one of AWAITING_TRIAGE, IN_TRIAGE, HUB_SERVICE_QUEUE, ADMIN_QUEUE, URGENT_ESCALATION, IN_PROGRESS); omitted: all of them.',
  })
  states?: ConsultationState[] | null;
  @Field(() => OdsCodeScalar, { nullable: true, description: 'Only consultations submitted to this practice.' })
  originatingPracticeOdsCode?: string | null;
}

@ObjectType('HandBackSkipped', { description: 'A consultation the hand-back left with the hub.' })
export class HandBackSkippedType {
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
  @Field(() => String, { description: 'Why, as an error reason code (LOCKED_BY_OTHER when someone is working on it).' })
  reason!: string;
}

@ObjectType('HandBackHubConsultationsPayload', { description: 'Result of handBackHubConsultations.' })
export class HandBackHubConsultationsPayload {
  @Field(() => [OnlineConsultationType], {
    description: 'The consultations passed back, now owned by their practices.',
  })
  consultations!: OnlineConsultationType[];
  @Field(() => [HandBackSkippedType], {
    description: 'Those left with the hub (someone else holds a live lock, or it changed meanwhile).',
  })
  skipped!: HandBackSkippedType[];
  @Field(() => Int, { description: 'Open consultations the hub still owns afterwards.' })
  remaining!: number;
}
