import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DmdCodeScalar, SnomedCodeScalar } from '@pcn-hub/schema';
import { connectionTypes, Node } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import type { OrganisationType } from '../organisations/index.js';
import type {
  AgreementState,
  DeliveryKind,
  DeliveryState,
  TargetKind,
  WriteBackDecision,
  WriteBackState,
} from './write-back.codes.js';
import {
  AgreementStateEnum,
  DecisionEnum,
  DeliveryKindEnum,
  DeliveryStateEnum,
  DirectionEnum,
  TargetKindEnum,
  WriteBackStateEnum,
} from './write-back.enums.js';
import type { WriteBackDirection } from './write-back.policy.js';

@ObjectType('WriteBackAgreement', {
  implements: Node,
  description: 'Lets a source organisation write entries back into a practice record.',
})
export class WriteBackAgreementType extends Node {
  readonly __typename = 'WriteBackAgreement' as const;
  dbId!: string;
  sourceId!: string;
  targetId!: string;

  @Field(() => Boolean, {
    description: 'A pairwise practice-to-practice agreement that applies while the PCN switch is off.',
  })
  oneToOne!: boolean;
  @Field(() => AgreementStateEnum, { description: 'ACTIVE only while both sides have activated it.' })
  state!: AgreementState;
  @Field(() => String, { description: 'Actor id of the requester.' })
  requestedBy!: string;
  @Field(() => DateTime, { nullable: true, description: 'When the source side activated (null: not activated).' })
  sourceActivatedAt!: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'When the target side activated (null: not activated).' })
  targetActivatedAt!: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'When it was revoked.' })
  revokedAt!: Date | null;
  @Field(() => DateTime, { description: 'When it was requested.' })
  createdAt!: Date;
  @Field(() => DateTime, { description: 'Last change.' })
  updatedAt!: Date;
}

@ObjectType('WriteBackPolicy', { description: "The PCN's write-back switches." })
export class WriteBackPolicyType {
  @Field(() => Boolean, {
    description:
      'Practice-to-practice write-back with any ACTIVE agreement. Off (default): only ACTIVE one-to-one agreements let a pair through.',
  })
  practiceToPracticeWriteBack!: boolean;
  @Field(() => String, { nullable: true, description: 'Who last changed it.' })
  updatedBy!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When it last changed.' })
  updatedAt!: Date | null;
}

@ObjectType('WriteBackDelivery', {
  implements: Node,
  description: 'One message (one version of one entry) to the registered practice.',
})
export class WriteBackDeliveryType extends Node {
  readonly __typename = 'WriteBackDelivery' as const;
  dbId!: string;
  targetOrgId!: string;

  @Field(() => ID, { description: 'Stable message id, reused on every retry (the Standard Webhooks `webhook-id`).' })
  messageId!: string;
  @Field(() => DeliveryKindEnum, { description: 'The entry, or its removal.' })
  kind!: DeliveryKind;
  @Field(() => Int, { description: 'Document version: 1, then 2 for the first replacement, and so on.' })
  version!: number;
  @Field(() => ID, { nullable: true, description: 'Message id of the earlier version this one replaces.' })
  replacesMessageId!: string | null;
  @Field(() => DeliveryStateEnum, { description: 'Delivery state.' })
  state!: DeliveryState;
  @Field(() => Int, { description: 'Attempts since it was enqueued or last redriven.' })
  attempts!: number;
  @Field(() => Int, { description: 'Attempts ever made.' })
  totalAttempts!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt did not succeed (dead letters: why it was given up).',
  })
  lastError!: string | null;
  @Field(() => DateTime, { description: 'Earliest time of the next attempt.' })
  nextAttemptAt!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When the target acknowledged it.' })
  deliveredAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "The receiver's later acknowledgement, e.g. `BUSINESS 30001` (transports such as MESH/ITK3).",
  })
  acknowledgement!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When that acknowledgement was recorded.' })
  acknowledgedAt!: Date | null;
  @Field(() => DateTime, { description: 'Sending deadline: 3 hours after the save (national rule).' })
  dueAt!: Date;
  @Field(() => Boolean, { description: 'Not delivered and past its deadline: someone should be told.' })
  overdue!: boolean;
  @Field(() => DateTime, { description: 'When it was enqueued (the save commit).' })
  createdAt!: Date;
  @Field(() => ID, { description: 'Global id of the hub consultation entry.' })
  entryId!: string;
  @Field(() => ID, { description: 'Global id of the hub consultation.' })
  consultationId!: string;
}

export const { Connection: WriteBackDeliveryConnection } = connectionTypes(
  'WriteBackDelivery',
  WriteBackDeliveryType,
  'A page of write-back deliveries, oldest first.',
);

@ObjectType('WriteBackStatus', { description: 'The write-back of one entry to the registered practice.' })
export class WriteBackStatusType {
  targetOrgId!: string;
  /** The target practice, when a plain-SQL read joined it (`write-back.read.ts`); else its loader. */
  joinedTargetOrganisation?: OrganisationType;

  @Field(() => WriteBackStateEnum, { description: 'Where it stands.' })
  state!: WriteBackState;
  @Field(() => DecisionEnum, { description: 'What the last save decided.' })
  decision!: WriteBackDecision;
  @Field(() => String, { description: 'Why, in words.' })
  reason!: string;
  @Field(() => DateTime, { description: 'When it was decided (the save).' })
  decidedAt!: Date;
  @Field(() => ID, { nullable: true, description: 'Global id of the agreement that let it through.' })
  agreementId!: string | null;
  @Field(() => WriteBackDeliveryType, { nullable: true, description: 'The current delivery, if any.' })
  delivery!: WriteBackDeliveryType | null;
}

@ObjectType('WriteBackExplanation', { description: 'Whether an entry will be written back, and why.' })
export class WriteBackExplanationType {
  sourceId!: string;
  targetId!: string;
  agreementDbId!: string | null;

  @Field(() => ID, { description: 'Global id of the entry.' })
  entryId!: string;
  @Field(() => Boolean, { description: 'True when the policy lets it through now.' })
  willWriteBack!: boolean;
  @Field(() => DecisionEnum, { description: 'The decision the policy makes now.' })
  decision!: WriteBackDecision;
  @Field(() => WriteBackStateEnum, {
    nullable: true,
    description: 'The recorded state (null until the consultation is saved).',
  })
  state!: WriteBackState | null;
  @Field(() => DirectionEnum, { description: 'From the authoring organisation to the registered practice.' })
  direction!: WriteBackDirection;
  @Field(() => [String], {
    description: 'Every reason, in order: decision, agreement, switch, registration, source product.',
  })
  reasons!: string[];
  @Field(() => Boolean, { description: 'True when an agreement exists for the pair (in any state).' })
  agreementFound!: boolean;
  @Field(() => AgreementStateEnum, { nullable: true, description: 'State of that agreement.' })
  agreementState!: AgreementState | null;
  @Field(() => Boolean, { description: 'The PCN practice-to-practice switch.' })
  practiceToPracticeWriteBack!: boolean;
  @Field(() => Boolean, { description: 'True when the patient is registered at the authoring organisation.' })
  patientRegisteredAtAuthoringOrganisation!: boolean;
  @Field(() => Boolean, { description: 'False for admin-only consultations.' })
  clinicallyRelevant!: boolean;
  @Field(() => String, { description: 'NATIVE or the plugin id of the product that created the entry.' })
  sourceProduct!: string;
  @Field(() => DateTime, {
    nullable: true,
    description: 'When the latest save blocked the entry (kept after it was re-planned).',
  })
  blockedAt!: Date | null;
  @Field(() => DateTime, {
    nullable: true,
    description:
      'When the blocked entry was planned again (its agreement became ACTIVE, the switch turned on, or a hub manager re-sent it).',
  })
  replannedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who caused the re-plan (actor id).' })
  replannedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was planned again, in words.' })
  replanReason!: string | null;
}

@ObjectType('WrittenBackEntry', {
  description: "An entry in the practice's record that came from the hub: an 'Enterprise Consultation'.",
})
export class WrittenBackEntryType {
  sourceOrgId!: string;

  @Field(() => ID, { description: 'Message id it arrived under.' })
  messageId!: string;
  @Field(() => String, { description: 'How the record shows it: "Enterprise Consultation (<authoring location>)".' })
  heading!: string;
  @Field(() => Boolean, { description: 'True: written back from another organisation, not recorded here.' })
  fromHub!: boolean;
  @Field(() => DeliveryKindEnum, { description: 'The entry, or a removal notice.' })
  kind!: DeliveryKind;
  @Field(() => Int, { description: 'Version of the entry.' })
  version!: number;
  @Field(() => Boolean, { description: 'True when a later version (or a removal) replaced it.' })
  archived!: boolean;
  @Field(() => String, { description: 'Where it was recorded.' })
  location!: string;
  @Field(() => DateTime, { description: 'When the consultation started.' })
  consultationStartedAt!: Date;
  @Field(() => String, { description: 'Author (actor id).' })
  authorId!: string;
  @Field(() => String, { description: 'NATIVE or the plugin id of the source product.' })
  sourceProduct!: string;
  @Field(() => String, { nullable: true, description: 'CODED, NOTE, MEDICATION or DOCUMENT.' })
  entryKind!: string | null;
  @Field(() => SnomedCodeScalar, { nullable: true, description: 'SNOMED CT concept (coded entries).' })
  snomedCode!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Term (coded entries), drug name (medications) or title (documents).',
  })
  term!: string | null;
  @Field(() => String, { nullable: true, description: 'Free text (notes).' })
  text!: string | null;
  @Field(() => DmdCodeScalar, { nullable: true, description: 'dm+d code (medications).' })
  dmdCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Dose (medications).' })
  dose!: string | null;
  @Field(() => String, { nullable: true, description: 'Quantity (medications).' })
  quantity!: string | null;
  @Field(() => DateTime, { description: 'When the practice record received it.' })
  receivedAt!: Date;
}

@ObjectType('WriteBackTarget', { description: 'Where a practice receives write-back.' })
export class WriteBackTargetType {
  practiceId!: string;

  @Field(() => TargetKindEnum, { description: 'In-hub record or HTTP endpoint.' })
  kind!: TargetKind;
  @Field(() => String, { nullable: true, description: 'The endpoint (HTTP targets).' })
  endpointUrl!: string | null;
  @Field(() => Boolean, { description: 'True when a signing secret is set (it is never shown again).' })
  hasSigningSecret!: boolean;
  @Field(() => DateTime, { nullable: true, description: 'Last change (null: default in-hub target).' })
  updatedAt!: Date | null;
}
