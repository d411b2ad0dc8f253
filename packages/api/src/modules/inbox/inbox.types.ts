import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NHSNumberScalar } from '@pcn-hub/schema';
import type { RequestContext } from '../../platform/context.js';
import type { InboxFilterInput } from './queue/inbox.service.js';
import type { PageRow } from './queue/page.query.js';
import { Node, PageInfo } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { PatientNameFields } from '../patients/index.js';
import type {
  ConsultationType,
  ContactMode,
  OcAnswer,
  OcAttachment,
  OcIce,
  OcRedFlag,
  RoutingReason,
  SignpostTeam,
  Urgency,
} from './inbox.codes.js';
import type {
  ConsultationAction,
  ConsultationState,
  InboxFolder,
  SignpostDestination,
} from './online-consultation.state.js';
import {
  ConsultationActionEnum,
  ConsultationStateEnum,
  ConsultationTypeEnum,
  ContactModeEnum,
  InboxFolderEnum,
  RoutingReasonEnum,
  SignpostDestinationEnum,
  SignpostTeamEnum,
  UrgencyEnum,
} from './inbox.enums.js';

@ObjectType('OcAnswer', { description: 'One answer of the submitted form.' })
export class OcAnswerType implements OcAnswer {
  @Field(() => String, { description: "The supplier's question id." })
  questionId!: string;
  @Field(() => String, { description: 'The question as shown to the patient.' })
  question!: string;
  @Field(() => String, { description: "The patient's answer." })
  answer!: string;
}

@ObjectType('OcRedFlag', { description: 'An answer the supplier flagged red (acuity).' })
export class OcRedFlagType implements OcRedFlag {
  @Field(() => String, { description: 'The question id of the flagged answer.' })
  questionId!: string;
  @Field(() => String, { description: 'What the flag means.' })
  description!: string;
}

@ObjectType('OcIce', { description: "The patient's ideas, concerns and expectations." })
export class OcIceType implements OcIce {
  @Field(() => String, { nullable: true, description: 'Ideas.' })
  ideas!: string | null;
  @Field(() => String, { nullable: true, description: 'Concerns.' })
  concerns!: string | null;
  @Field(() => String, { nullable: true, description: 'Expectations.' })
  expectations!: string | null;
}

@ObjectType('OcAttachment', {
  description:
    'An attachment of the form: its declared metadata and, once its bytes arrived, the stored file (status, checksum, a short-lived download link).',
})
export class OcAttachmentType implements OcAttachment {
  /** The consultation's id (uuid) and the declaration's index: the key of the stored file. */
  consultationDbId!: string;
  position!: number;
  /** The SHA-256 the supplier declared, if any (the attachments module serves the field). */
  sha256?: string | null;
  @Field(() => String, { description: 'File name as sent.' })
  fileName!: string;
  @Field(() => String, { description: 'MIME type, e.g. image/jpeg.' })
  contentType!: string;
  @Field(() => Int, { description: 'Size in bytes.' })
  sizeBytes!: number;
}

@ObjectType('SubmittedPatient', { description: 'Demographics exactly as the supplier sent them.' })
export class SubmittedPatientType extends PatientNameFields {
  @Field(() => NHSNumberScalar, { description: 'NHS number.' })
  nhsNumber!: string;
}

@ObjectType('ConsultationLock', { description: 'The one editor of a consultation; others read only.' })
export class ConsultationLockType {
  @Field(() => String, { description: 'Actor id (username) of the holder.' })
  holder!: string;
  @Field(() => DateTime, { description: 'When the lock was taken.' })
  since!: Date;
  @Field(() => DateTime, { description: 'When it lapses unless renewed by claiming again.' })
  expiresAt!: Date;
}

/**
 * Who should see a consultation, how soon and how: the part of a signposting decision triage
 * gives (SignpostConsultationInput) and the decision shows (Signpost). type-graphql passes fields
 * down from a registered type only; this one is never referenced, so it stays out of the schema.
 */
@ObjectType('SignpostChoiceFields')
@InputType('SignpostChoiceInputFields')
export abstract class SignpostChoiceFields {
  @Field(() => SignpostTeamEnum, { description: 'The role best suited.' })
  team!: SignpostTeam;
  @Field(() => UrgencyEnum, { description: 'Response urgency bracket.' })
  urgency!: Urgency;
  @Field(() => ContactModeEnum, { description: 'How the patient will be contacted or seen.' })
  mode!: ContactMode;
}

@ObjectType('Signpost', { description: 'The current signposting decision.' })
export class SignpostType extends SignpostChoiceFields {
  serviceId!: string | null;
  @Field(() => ConsultationTypeEnum, { description: 'Type as triaged (may override the submitted type).' })
  type!: ConsultationType;
  @Field(() => SignpostDestinationEnum, { description: 'Where it was sent.' })
  destination!: SignpostDestination;
  @Field(() => String, { nullable: true, description: 'Note for colleagues.' })
  comment!: string | null;
  @Field(() => String, { description: 'Actor id of who signposted.' })
  signpostedBy!: string;
  @Field(() => DateTime, { description: 'When.' })
  signpostedAt!: Date;
}

@ObjectType('ConsultationTransition', { description: 'One recorded transition of a consultation.' })
export class ConsultationTransitionType {
  @Field(() => ConsultationActionEnum, { description: 'What was done.' })
  action!: ConsultationAction;
  @Field(() => ConsultationStateEnum, { description: 'State before.' })
  from!: ConsultationState;
  @Field(() => ConsultationStateEnum, { description: 'State after.' })
  to!: ConsultationState;
  @Field(() => String, { description: 'Actor id of who did it.' })
  actorId!: string;
  @Field(() => String, { nullable: true, description: 'Reason, outcome or notes given.' })
  reason!: string | null;
  @Field(() => DateTime, { description: 'When.' })
  at!: Date;
}

@ObjectType('OnlineConsultation', { implements: Node, description: 'An online consultation in an inbox.' })
export class OnlineConsultationType extends Node {
  readonly __typename = 'OnlineConsultation' as const;
  dbId!: string;
  /**
   * The context its fields resolve in, when not the operation's own: a subscription resolves each
   * event in a fresh context (own EntityManager and loaders), so nothing is served stale.
   */
  scope?: RequestContext;
  /** Rows a page read in the same statement (patient, organisations), served without another query. */
  joined?: PageRow;
  ownerId!: string;
  originatingPracticeId!: string;
  patientId!: string | null;
  submitted!: SubmittedPatientType;

  @Field(() => String, { description: 'Supplier code, e.g. ECONSULT.' })
  supplier!: string;
  @Field(() => String, { description: "The supplier's reference (unique per supplier)." })
  supplierReference!: string;
  @Field(() => ConsultationTypeEnum, { description: 'Clinical or admin, as submitted.' })
  type!: ConsultationType;
  @Field(() => ConsultationStateEnum, { description: 'Workflow state.' })
  state!: ConsultationState;
  @Field(() => String, { description: 'The form template the patient filled in.' })
  template!: string;
  @Field(() => DateTime, { description: 'When the patient submitted it.' })
  submittedAt!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When the patient was told to expect a response.' })
  responseExpectedBy!: Date | null;
  @Field(() => Int, { description: 'Number of red-flag answers.' })
  redFlagCount!: number;
  @Field(() => UrgencyEnum, { nullable: true, description: 'Urgency bracket once signposted.' })
  urgency!: Urgency | null;
  @Field(() => RoutingReasonEnum, { description: 'Why the current owner owns it (shows the effect of overflow).' })
  routingReason!: RoutingReason;
  @Field(() => [OcAnswerType], { description: 'The structured answers.' })
  answers!: OcAnswerType[];
  @Field(() => [OcRedFlagType], { description: 'The red-flag answers.' })
  redFlags!: OcRedFlagType[];
  @Field(() => OcIceType, { nullable: true, description: 'Ideas, concerns and expectations.' })
  ice!: OcIceType | null;
  @Field(() => [OcAttachmentType], { description: 'Attachment metadata.' })
  attachments!: OcAttachmentType[];
  @Field(() => ConsultationLockType, {
    nullable: true,
    description: 'The current editor; null when unlocked or the lock lapsed.',
  })
  lock!: ConsultationLockType | null;
  @Field(() => SignpostType, { nullable: true, description: 'The current signposting decision.' })
  signpost!: SignpostType | null;
  @Field(() => String, { nullable: true, description: 'Triage notes given when passed back to the practice.' })
  triageNotes!: string | null;
  @Field(() => String, { nullable: true, description: 'Outcome recorded at completion.' })
  outcome!: string | null;
}

@ObjectType('OnlineConsultationEdge', { description: 'An edge in an inbox page.' })
export class InboxEdge {
  @Field(() => String, { description: 'Opaque cursor of this edge.' })
  cursor!: string;
  @Field(() => OnlineConsultationType, { description: 'The consultation.' })
  node!: OnlineConsultationType;
}

@ObjectType('InboxFolderCount', { description: 'How many consultations a folder holds.' })
export class InboxFolderCountType {
  @Field(() => InboxFolderEnum, { description: 'The folder.' })
  folder!: InboxFolder;
  @Field(() => Int, { description: 'Consultations in it.' })
  count!: number;
}

@ObjectType('InboxConnection', { description: "A page of an organisation's inbox, with its folder counts." })
export class InboxConnection {
  organisationId!: string;
  /** The filter of the page, for `totalCount`. */
  filter?: InboxFilterInput | null;
  @Field(() => [InboxEdge], { description: 'The page of edges.' })
  edges!: InboxEdge[];
  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;
}

@ObjectType('ConsultationPayload', { description: 'Result of a triage mutation: the consultation as it now is.' })
export class ConsultationPayload {
  @Field(() => OnlineConsultationType, { description: 'The consultation.' })
  consultation!: OnlineConsultationType;
}

@ObjectType('SubmitOnlineConsultationPayload', { description: 'Result of submitOnlineConsultation.' })
export class SubmitOnlineConsultationPayload {
  ownerId!: string;
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
  @Field(() => Boolean, { description: 'False when this supplier reference was received before: nothing was stored.' })
  created!: boolean;
  @Field(() => ConsultationStateEnum, { description: 'Its state.' })
  state!: ConsultationState;
  @Field(() => RoutingReasonEnum, { description: 'Why its owner owns it.' })
  routingReason!: RoutingReason;
}
