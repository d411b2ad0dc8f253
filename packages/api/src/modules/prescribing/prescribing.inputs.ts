import { Field, Float, ID, InputType } from 'type-graphql';
import { DmdCodeScalar, NHSNumberScalar, OdsCodeScalar } from '@pcn-hub/schema';
import { DateTime } from '../../platform/graphql/scalars.js';
import type { CourseOfTherapy, PrescriberCodeKind, PrescriptionState, Profession } from './prescribing.codes.js';
import {
  CourseOfTherapyEnum,
  PrescriberCodeKindEnum,
  PrescriptionStateEnum,
  ProfessionEnum,
} from './prescribing.enums.js';
import type { EpsCancellationReason } from './eps/eps.codes.js';
import { EpsCancellationReasonEnum } from './eps/eps.enums.js';

@InputType('PrescriptionItemInput', { description: 'One medicine to prescribe.' })
export class PrescriptionItemInput {
  @Field(() => DmdCodeScalar, { description: 'dm+d code (VMP or AMP); Schedule 1 controlled drugs are refused.' })
  dmdCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Display term from the terminology service (optional, up to 255 characters).',
  })
  medicineName?: string | null;

  @Field(() => Float, { description: 'Quantity, greater than 0, up to 3 decimals.' })
  quantity!: number;

  @Field(() => String, { description: 'dm+d unit of measure, e.g. "tablet" (1-100 characters).' })
  unit!: string;

  @Field(() => String, { description: 'Dosage instructions (1-1000 characters).' })
  dosageText!: string;
}

@InputType('RaisePrescriptionInput', { description: 'A prescription raised at the hub.' })
export class RaisePrescriptionInput {
  @Field(() => ID, { nullable: true, description: 'The patient (give this or nhsNumber).' })
  patientId?: string | null;

  @Field(() => NHSNumberScalar, { nullable: true, description: "The patient's NHS number (give this or patientId)." })
  nhsNumber?: string | null;

  @Field(() => [PrescriptionItemInput], { description: '1 to 4 items.' })
  items!: PrescriptionItemInput[];

  @Field(() => CourseOfTherapyEnum, {
    description: 'Shared by all items. ACUTE is issued at the hub; REPEAT goes to the practice.',
  })
  courseOfTherapy!: CourseOfTherapy;

  @Field(() => OdsCodeScalar, { nullable: true, description: 'ODS code of the nominated pharmacy.' })
  nominatedDispenserOds?: string | null;

  @Field(() => ID, { nullable: true, description: 'The hub service it is raised in.' })
  hubServiceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The hub consultation it is raised in (same patient).' })
  consultationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Retry-safe key: a repeat with the same input returns the first result.',
  })
  idempotencyKey?: string | null;
}

@InputType('PrescriptionRefInput', { description: 'A prescription to act on.' })
export class PrescriptionRefInput {
  @Field(() => ID, { description: 'The prescription.' })
  prescriptionId!: string;
}

@InputType('PrescriptionReasonInput', { description: 'A prescription and why (cancel, reject).' })
export class PrescriptionReasonInput {
  @Field(() => ID, { description: 'The prescription.' })
  prescriptionId!: string;

  @Field(() => String, { description: 'Reason, 1-500 characters.' })
  reason!: string;

  @Field(() => EpsCancellationReasonEnum, {
    nullable: true,
    description:
      'cancelPrescription of a prescription issued at the hub: the reason EPS is given (default PRESCRIBING_ERROR). Ignored otherwise.',
  })
  epsCancellationReason?: EpsCancellationReason | null;
}

@InputType('PrescriptionFilter', { description: 'Narrows `prescriptions`.' })
export class PrescriptionFilter {
  @Field(() => [PrescriptionStateEnum], { nullable: true, description: 'Any of these states.' })
  states?: PrescriptionState[] | null;

  @Field(() => CourseOfTherapyEnum, { nullable: true, description: 'Only this course of therapy.' })
  courseOfTherapy?: CourseOfTherapy | null;

  @Field(() => ID, { nullable: true, description: 'Only this patient.' })
  patientId?: string | null;

  @Field(() => OdsCodeScalar, { nullable: true, description: "Only this registered practice's patients." })
  registeredPracticeOdsCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only issued under this prescriber code.' })
  prescriberCode?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Issued at or after.' })
  issuedFrom?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Issued before.' })
  issuedTo?: Date | null;
}

@InputType('PrescribingPeriodInput', { description: 'A half-open period [from, to), at most 731 days.' })
export class PrescribingPeriodInput {
  @Field(() => DateTime, { description: 'Start (inclusive).' })
  from!: Date;

  @Field(() => DateTime, { description: 'End (exclusive).' })
  to!: Date;
}

@InputType('SetPrescribingCostCentreInput', { description: "The hub's prescribing cost centre." })
export class SetPrescribingCostCentreInput {
  @Field(() => OdsCodeScalar, { description: 'Cost centre code: one letter then five digits.' })
  odsCode!: string;

  @Field(() => String, { description: 'Name as registered with NHSBSA (1-200 characters).' })
  name!: string;

  @Field(() => OdsCodeScalar, { nullable: true, description: 'Parent commissioner code, e.g. 12A.' })
  parentCommissionerCode?: string | null;
}

@InputType('AddPrescriberInput', { description: 'Attaches a hub staff member to the cost centre.' })
export class AddPrescriberInput {
  @Field(() => String, { description: 'Username of a hub staff member holding HUB_PRESCRIBER.' })
  username!: string;

  @Field(() => PrescriberCodeKindEnum, { description: 'Kind of code.' })
  codeKind!: PrescriberCodeKind;

  @Field(() => String, { description: 'The code, checked per kind (and per register for PROFESSIONAL).' })
  code!: string;

  @Field(() => ProfessionEnum, { description: 'Profession.' })
  profession!: Profession;
}

@InputType('DeactivatePrescriberInput', { description: 'Detaches a prescriber.' })
export class DeactivatePrescriberInput {
  @Field(() => ID, { description: 'The prescriber.' })
  prescriberId!: string;
}
