import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DmdCodeScalar, SnomedCodeScalar } from '@pcn-hub/schema';
import { Node } from '../../platform/graphql/relay.js';
import type { WriteBackStatusType } from '../write-back/index.js';
import type { HubConsultationJoined } from './consultations.query.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import type { CodedKind, EntryKind, HubConsultationState } from './consultation.codes.js';
import { CodedKindEnum, EntryKindEnum, HubConsultationStateEnum } from './consultations.enums.js';

@ObjectType('ConsultationCodedEntry', { description: 'A SNOMED CT coded finding or procedure.' })
export class CodedEntryType {
  @Field(() => CodedKindEnum, { description: 'Finding or procedure.' })
  codedKind!: CodedKind;
  @Field(() => SnomedCodeScalar, { description: 'SNOMED CT concept id.' })
  snomedCode!: string;
  @Field(() => String, { description: 'The term as recorded.' })
  term!: string;
}

@ObjectType('ConsultationNoteEntry', { description: 'Free text.' })
export class NoteEntryType {
  @Field(() => String, { description: 'The note.' })
  text!: string;
  @Field(() => Boolean, { description: 'An administration note: never written back.' })
  adminOnly!: boolean;
}

@ObjectType('ConsultationMedicationEntry', { description: 'A medication.' })
export class MedicationEntryType {
  @Field(() => DmdCodeScalar, { description: 'dm+d code (VTM, VMP, AMP, VMPP or AMPP).' })
  dmdCode!: string;
  @Field(() => String, { description: 'Name as recorded.' })
  name!: string;
  @Field(() => String, { description: 'Dose instructions.' })
  dose!: string;
  @Field(() => String, { description: 'Quantity, e.g. "28 tablet".' })
  quantity!: string;
}

@ObjectType('ConsultationDocumentEntry', { description: 'Metadata of a clinical document.' })
export class DocumentEntryType {
  @Field(() => String, { description: 'Title.' })
  title!: string;
  @Field(() => String, { description: 'MIME type, e.g. application/pdf.' })
  contentType!: string;
  @Field(() => Int, { description: 'Size in bytes.' })
  sizeBytes!: number;
  @Field(() => String, { description: 'Where the bytes are held (a document store reference).' })
  reference!: string;
}

@ObjectType('HubConsultationEntry', { implements: Node, description: 'One entry of a hub consultation.' })
export class ConsultationEntryType extends Node {
  readonly __typename = 'HubConsultationEntry' as const;
  dbId!: string;
  /** Its write-back as `hubConsultation`'s read joined it (null: none yet); unset: the loader answers. */
  joinedWriteBack?: WriteBackStatusType | null;

  @Field(() => EntryKindEnum, { description: 'What it holds; exactly the matching member below is set.' })
  kind!: EntryKind;
  @Field(() => CodedEntryType, { nullable: true, description: 'Set for CODED entries.' })
  coded!: CodedEntryType | null;
  @Field(() => NoteEntryType, { nullable: true, description: 'Set for NOTE entries.' })
  note!: NoteEntryType | null;
  @Field(() => MedicationEntryType, { nullable: true, description: 'Set for MEDICATION entries.' })
  medication!: MedicationEntryType | null;
  @Field(() => DocumentEntryType, { nullable: true, description: 'Set for DOCUMENT entries.' })
  document!: DocumentEntryType | null;
  @Field(() => Boolean, { description: 'Removed (kept so the removal can be written back).' })
  removed!: boolean;
  @Field(() => Boolean, { description: 'Changed since the last save.' })
  unsaved!: boolean;
  @Field(() => String, { description: 'Actor id of who added it.' })
  createdBy!: string;
  @Field(() => String, { description: 'Actor id of who last changed it.' })
  updatedBy!: string;
  @Field(() => DateTime, { description: 'Last change.' })
  updatedAt!: Date;
}

@ObjectType('HubConsultation', {
  implements: Node,
  description:
    'A consultation recorded at the hub (or a practice), with coded entries that are written back to the registered practice.',
})
export class HubConsultationType extends Node {
  readonly __typename = 'HubConsultation' as const;
  dbId!: string;
  patientId!: string;
  authoringOrgId!: string;
  /** What `hubConsultation`'s read joined (`consultations.read.ts`); field resolvers fall back to loaders without it. */
  joined?: HubConsultationJoined;

  @Field(() => String, { description: 'Actor id of the author.' })
  authorId!: string;
  @Field(() => String, {
    description: 'Where it took place (shown in the practice record as "Enterprise Consultation (<location>)").',
  })
  location!: string;
  @Field(() => DateTime, { description: 'When it started.' })
  startedAt!: Date;
  @Field(() => Boolean, { description: 'False for admin-only consultations (never written back).' })
  clinicallyRelevant!: boolean;
  @Field(() => String, { description: 'NATIVE, or the plugin id of the third-party product that created it.' })
  sourceProduct!: string;
  @Field(() => ID, { nullable: true, description: 'Global id of the inbox item it was opened from.' })
  inboxConsultationId!: string | null;
  @Field(() => HubConsultationStateEnum, { description: 'Draft or saved.' })
  state!: HubConsultationState;
  @Field(() => Int, { description: 'Saved versions so far (each save adds one).' })
  version!: number;
  @Field(() => Int, { description: 'Optimistic concurrency token: pass as expectedRevision to change it.' })
  revision!: number;
  @Field(() => DateTime, { nullable: true, description: 'When it was last saved.' })
  savedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who last saved it.' })
  savedBy!: string | null;
  @Field(() => DateTime, { description: 'When it was recorded.' })
  createdAt!: Date;
}
