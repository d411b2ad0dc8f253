import { Field, ID, InputType, Int } from 'type-graphql';
import { NHSNumberScalar, OdsCodeScalar } from '@pcn-hub/schema';
import { DateTime } from '../../platform/graphql/scalars.js';
import { PatientNameInputFields } from '../patients/index.js';
import { SignpostChoiceFields } from './inbox.types.js';
import type { ConsultationType, OcRouting, Urgency } from './inbox.codes.js';
import type { ConsultationState, InboxFolder, SignpostDestination } from './online-consultation.state.js';
import {
  ConsultationStateEnum,
  ConsultationTypeEnum,
  InboxFolderEnum,
  OcRoutingEnum,
  SignpostDestinationEnum,
  UrgencyEnum,
} from './inbox.enums.js';

@InputType('OcPatientInput', { description: 'Patient demographics as the patient entered them.' })
export class OcPatientInput extends PatientNameInputFields {
  @Field(() => NHSNumberScalar, { description: 'NHS number (modulus 11 checked).' })
  nhsNumber!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Mobile number the patient gave for replies (UK, 07xxx or +447xxx); staff can then reply by SMS.',
  })
  mobile?: string | null;
  @Field(() => String, { nullable: true, description: 'E-mail address the patient gave for replies.' })
  email?: string | null;
}

@InputType('OcAnswerInput', { description: 'One answer of the form.' })
export class OcAnswerInput {
  @Field(() => String, { description: "The supplier's question id, 1-100 characters." })
  questionId!: string;
  @Field(() => String, { description: 'The question, 1-1000 characters.' })
  question!: string;
  @Field(() => String, { description: 'The answer, 1-10000 characters.' })
  answer!: string;
}

@InputType('OcRedFlagInput', { description: 'A red-flag answer.' })
export class OcRedFlagInput {
  @Field(() => String, { description: 'Question id of the flagged answer.' })
  questionId!: string;
  @Field(() => String, { description: 'What the flag means, 1-1000 characters.' })
  description!: string;
}

@InputType('OcIceInput', { description: 'Ideas, concerns and expectations; each up to 5000 characters.' })
export class OcIceInput {
  @Field(() => String, { nullable: true, description: 'Ideas.' })
  ideas?: string | null;
  @Field(() => String, { nullable: true, description: 'Concerns.' })
  concerns?: string | null;
  @Field(() => String, { nullable: true, description: 'Expectations.' })
  expectations?: string | null;
}

@InputType('OcAttachmentInput', {
  description:
    "An attachment of the form: its metadata, declared with the consultation; its bytes follow by PUT /attachments/consultations/<consultationId>/<position> (the position in this list, from 0) with the submitter's credentials.",
})
export class OcAttachmentInput {
  @Field(() => String, { description: 'File name, 1-255 characters.' })
  fileName!: string;
  @Field(() => String, { description: 'MIME type, e.g. image/jpeg: one the hub accepts (ATTACHMENT_CONTENT_TYPES).' })
  contentType!: string;
  @Field(() => Int, { description: "Size in bytes, 0 to the hub's limit (ATTACHMENT_MAX_BYTES, at most 100 MB)." })
  sizeBytes!: number;
  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the bytes, 64 hex digits: an upload with other bytes is refused.',
  })
  sha256?: string | null;
}

@InputType('SubmitOnlineConsultationInput', { description: 'An online consultation from an OC supplier.' })
export class SubmitOnlineConsultationInput {
  @Field(() => String, { description: 'Supplier code: ECONSULT, OTHER, or another 2-40 character code (A-Z, 0-9, _).' })
  supplier!: string;
  @Field(() => String, { description: "The supplier's reference; a resubmission with the same one returns the first." })
  supplierReference!: string;
  @Field(() => OdsCodeScalar, { description: 'ODS code of the practice the patient submitted to (a PCN member).' })
  originatingPracticeOdsCode!: string;
  @Field(() => OcPatientInput, { description: 'Patient demographics.' })
  patient!: OcPatientInput;
  @Field(() => ConsultationTypeEnum, { description: 'Clinical or admin.' })
  type!: ConsultationType;
  @Field(() => String, { description: 'Form template name, 1-200 characters.' })
  template!: string;
  @Field(() => DateTime, { description: 'When the patient submitted it; not in the future.' })
  submittedAt!: Date;
  @Field(() => [OcAnswerInput], { description: 'The answers; at least one.' })
  answers!: OcAnswerInput[];
  @Field(() => [OcRedFlagInput], { nullable: true, description: 'Red-flag answers.' })
  redFlags?: OcRedFlagInput[] | null;
  @Field(() => OcIceInput, { nullable: true, description: 'Ideas, concerns and expectations.' })
  ice?: OcIceInput | null;
  @Field(() => [OcAttachmentInput], { nullable: true, description: 'Attachment metadata.' })
  attachments?: OcAttachmentInput[] | null;
  @Field(() => DateTime, {
    nullable: true,
    description: 'When the patient was told to expect a response; must be in the future.',
  })
  responseExpectedBy?: Date | null;
}

@InputType('InboxFilter', { description: 'Narrows an inbox page; all given conditions apply.' })
export class InboxFilter {
  @Field(() => InboxFolderEnum, { nullable: true, description: 'One folder.' })
  folder?: InboxFolder | null;
  @Field(() => [ConsultationStateEnum], { nullable: true, description: 'Any of these states.' })
  states?: ConsultationState[] | null;
  @Field(() => ConsultationTypeEnum, { nullable: true, description: 'Clinical or admin only.' })
  type?: ConsultationType | null;
  @Field(() => [UrgencyEnum], { nullable: true, description: 'Any of these urgency brackets.' })
  urgencies?: Urgency[] | null;
  @Field(() => OdsCodeScalar, { nullable: true, description: 'Submitted to this practice.' })
  originatingPracticeOdsCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True: no matched patient; false: matched.' })
  unmatched?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'True: at least one red flag; false: none.' })
  hasRedFlags?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'True: locked by the viewer.' })
  assignedToMe?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Practice staff: instead of the practice's own inbox, its patients' consultations in the hub queue: every open one while the practice shares its inbox with the hub (setInboxSharing), else those awaiting triage while the hub is in SHARED_TRIAGE overflow, else none. Those awaiting triage may be claimed.",
  })
  sharedFromHub?: boolean | null;
}

@InputType('ConsultationRefInput', { description: 'Names a consultation.' })
export class ConsultationRefInput {
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
}

@InputType('ConsultationReasonInput', { description: 'Names a consultation and gives a reason.' })
export class ConsultationReasonInput {
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
  @Field(() => String, { description: 'Why, 1-2000 characters.' })
  reason!: string;
}

@InputType('PullToHubInput', { description: 'Moves a practice-owned consultation to the hub inbox.' })
export class PullToHubInput {
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
  @Field(() => String, { nullable: true, description: 'Why, up to 2000 characters.' })
  reason?: string | null;
}

@InputType('SignpostConsultationInput', { description: 'The signposting decision of triage.' })
export class SignpostConsultationInput extends SignpostChoiceFields {
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
  @Field(() => ConsultationTypeEnum, {
    nullable: true,
    description: 'Type as triaged; defaults to the submitted type.',
  })
  type?: ConsultationType | null;
  @Field(() => SignpostDestinationEnum, { description: 'Where to send it.' })
  destination!: SignpostDestination;
  @Field(() => ID, {
    nullable: true,
    description: 'Global id of the hub service; required for HUB_SERVICE_QUEUE only.',
  })
  serviceId?: string | null;
  @Field(() => String, { nullable: true, description: 'Note for colleagues, up to 2000 characters.' })
  comment?: string | null;
}

@InputType('PassBackToPracticeInput', { description: 'Passes a hub consultation back to the registered practice.' })
export class PassBackToPracticeInput {
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
  @Field(() => String, { description: 'Why the hub is passing it back, 1-2000 characters.' })
  reason!: string;
  @Field(() => String, { description: 'Triage notes for the practice, 1-5000 characters.' })
  triageNotes!: string;
}

@InputType('CompleteConsultationInput', { description: 'Completes a consultation.' })
export class CompleteConsultationInput {
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
  @Field(() => String, { description: 'Outcome, 1-200 characters (e.g. "advice given", "prescription issued").' })
  outcome!: string;
}

@InputType('MatchConsultationPatientInput', { description: 'Links an unmatched consultation to a registered patient.' })
export class MatchConsultationPatientInput {
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
  @Field(() => NHSNumberScalar, { description: 'NHS number of a patient visible to the viewer.' })
  patientNhsNumber!: string;
}

@InputType('SetOnlineConsultationRoutingInput', { description: "Where a practice's new online consultations go." })
export class SetOnlineConsultationRoutingInput {
  @Field(() => OdsCodeScalar, { description: 'ODS code of the practice.' })
  practiceOdsCode!: string;
  @Field(() => OcRoutingEnum, { description: 'Hub inbox or practice inbox.' })
  routing!: OcRouting;
}
