import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DmdCodeScalar, NHSNumberScalar, SnomedCodeScalar } from '@pcn-hub/schema';
import { DateTime } from '../../platform/graphql/scalars.js';
import type { CodedKind } from './consultation.codes.js';
import { CodedKindEnum } from './consultations.enums.js';
import { ConsultationEntryType, HubConsultationType } from './consultations.types.js';

@InputType('ConsultationCodedEntryInput', { description: 'A coded finding or procedure.' })
export class CodedEntryInput {
  @Field(() => SnomedCodeScalar, { description: 'SNOMED CT concept id (Verhoeff check digit, concept partition).' })
  snomedCode!: string;
  @Field(() => String, { description: 'Term, 1-255 characters.' })
  term!: string;
  @Field(() => CodedKindEnum, { nullable: true, description: 'FINDING (default) or PROCEDURE.' })
  codedKind?: CodedKind | null;
}

@InputType('ConsultationNoteEntryInput', { description: 'Free text.' })
export class NoteEntryInput {
  @Field(() => String, { description: 'The note, 1-10,000 characters.' })
  text!: string;
  @Field(() => Boolean, { nullable: true, description: 'An administration note (never written back). Default false.' })
  adminOnly?: boolean | null;
}

@InputType('ConsultationMedicationEntryInput', { description: 'A medication.' })
export class MedicationEntryInput {
  @Field(() => DmdCodeScalar, { description: 'dm+d code.' })
  dmdCode!: string;
  @Field(() => String, { description: 'Name, 1-255 characters.' })
  name!: string;
  @Field(() => String, { description: 'Dose instructions, 1-500 characters.' })
  dose!: string;
  @Field(() => String, { description: 'Quantity, 1-100 characters.' })
  quantity!: string;
}

@InputType('ConsultationDocumentEntryInput', { description: 'Metadata of a clinical document.' })
export class DocumentEntryInput {
  @Field(() => String, { description: 'Title, 1-255 characters.' })
  title!: string;
  @Field(() => String, { description: 'MIME type.' })
  contentType!: string;
  @Field(() => Int, { description: 'Size in bytes (up to 100 MiB).' })
  sizeBytes!: number;
  @Field(() => String, { description: 'Document store reference, 1-500 characters.' })
  reference!: string;
}

@InputType('ConsultationEntryInput', { description: 'One entry: set exactly one member.' })
export class ConsultationEntryInput {
  @Field(() => CodedEntryInput, { nullable: true, description: 'A coded finding or procedure.' })
  coded?: CodedEntryInput | null;
  @Field(() => NoteEntryInput, { nullable: true, description: 'Free text.' })
  note?: NoteEntryInput | null;
  @Field(() => MedicationEntryInput, { nullable: true, description: 'A medication.' })
  medication?: MedicationEntryInput | null;
  @Field(() => DocumentEntryInput, { nullable: true, description: 'Document metadata.' })
  document?: DocumentEntryInput | null;
}

@InputType('RecordConsultationInput', { description: 'A new hub consultation (a draft until saved).' })
export class RecordConsultationInput {
  @Field(() => NHSNumberScalar, { description: 'The patient (registered at a practice of the PCN).' })
  nhsNumber!: string;
  @Field(() => String, { nullable: true, description: "Where it takes place; default the viewer's organisation name." })
  location?: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When it started; default now.' })
  startedAt?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'False for admin-only consultations. Default true.' })
  clinicallyRelevant?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description:
      'NATIVE (default for staff) or the plugin id of the product creating it (default for integrations: their client id).',
  })
  sourceProduct?: string | null;
  @Field(() => ID, { nullable: true, description: 'Global id of the inbox item it was opened from.' })
  inboxConsultationId?: string | null;
  @Field(() => [ConsultationEntryInput], { nullable: true, description: 'Initial entries (at most 100).' })
  entries?: ConsultationEntryInput[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'Retry-safe key: a repeat with the same input returns the same consultation.',
  })
  idempotencyKey?: string | null;
}

/**
 * The fields every change to an existing consultation takes, `expectedRevision` and
 * `idempotencyKey`, as an abstract base its input (`input`: that input's name) extends; `repeat`
 * says what a repeat with the same key returns.
 */
function revisionGuarded(input: string, repeat: string) {
  // type-graphql passes fields down from a registered input type only; this one is never
  // referenced, so it stays out of the schema.
  @InputType(`${input}Guard`)
  abstract class RevisionGuarded {
    @Field(() => Int, {
      nullable: true,
      description: 'Fail with CONFLICT unless the consultation is at this revision.',
    })
    expectedRevision?: number | null;
    @Field(() => String, { nullable: true, description: `Retry-safe key: a repeat ${repeat}.` })
    idempotencyKey?: string | null;
  }
  return RevisionGuarded;
}

@InputType('AddConsultationEntryInput', { description: 'An entry added to a consultation.' })
export class AddConsultationEntryInput extends revisionGuarded(
  'AddConsultationEntryInput',
  'with the same input returns the same entry',
) {
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
  @Field(() => ConsultationEntryInput, { description: 'The entry.' })
  entry!: ConsultationEntryInput;
}

@InputType('AmendConsultationEntryInput', { description: 'New content for an entry (same kind).' })
export class AmendConsultationEntryInput extends revisionGuarded(
  'AmendConsultationEntryInput',
  'with the same input returns the first result',
) {
  @Field(() => ID, { description: 'Global id of the entry.' })
  entryId!: string;
  @Field(() => ConsultationEntryInput, { description: 'The new content.' })
  content!: ConsultationEntryInput;
}

@InputType('RemoveConsultationEntryInput', { description: 'An entry to remove.' })
export class RemoveConsultationEntryInput extends revisionGuarded(
  'RemoveConsultationEntryInput',
  'with the same input returns the first result',
) {
  @Field(() => ID, { description: 'Global id of the entry.' })
  entryId!: string;
}

@InputType('SaveConsultationInput', { description: 'Saves the consultation as its next version.' })
export class SaveConsultationInput extends revisionGuarded(
  'SaveConsultationInput',
  'returns the same saved consultation',
) {
  @Field(() => ID, { description: 'Global id of the consultation.' })
  consultationId!: string;
}

@ObjectType('RecordConsultationPayload', { description: 'Result of recordConsultation.' })
export class RecordConsultationPayload {
  @Field(() => HubConsultationType, { description: 'The consultation (a draft).' })
  consultation!: HubConsultationType;
}

@ObjectType('ConsultationEntryPayload', { description: 'Result of addConsultationEntry and amendConsultationEntry.' })
export class ConsultationEntryPayload {
  @Field(() => HubConsultationType, { description: 'The consultation after the change.' })
  consultation!: HubConsultationType;
  @Field(() => ConsultationEntryType, { description: 'The entry after the change.' })
  entry!: ConsultationEntryType;
}

@ObjectType('RemoveConsultationEntryPayload', { description: 'Result of removeConsultationEntry.' })
export class RemoveConsultationEntryPayload {
  @Field(() => HubConsultationType, { description: 'The consultation after the change.' })
  consultation!: HubConsultationType;
  @Field(() => ID, { description: 'Global id of the removed entry.' })
  removedEntryId!: string;
}

@ObjectType('SaveConsultationPayload', { description: 'Result of saveConsultation.' })
export class SaveConsultationPayload {
  @Field(() => HubConsultationType, { description: 'The saved consultation.' })
  consultation!: HubConsultationType;
}
