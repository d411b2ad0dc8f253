import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DmdCodeScalar, OdsCodeScalar, PrescriptionIdScalar } from '@pcn-hub/schema';
import type { RequestContext } from '../../platform/context.js';
import type { PrescriptionJoined } from './prescriptions/page.query.js';
import { connectionTypes, Node } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import type {
  CourseOfTherapy,
  PrescriberCodeKind,
  PrescriptionAction,
  PrescriptionState,
  Profession,
  SummaryDimension,
} from './prescribing.codes.js';
import {
  CourseOfTherapyEnum,
  PrescriberCodeKindEnum,
  PrescriptionActionEnum,
  PrescriptionStateEnum,
  ProfessionEnum,
  SummaryDimensionEnum,
} from './prescribing.enums.js';

@ObjectType('Prescriber', {
  implements: Node,
  description: 'A hub staff member attached to the prescribing cost centre.',
})
export class PrescriberType extends Node {
  readonly __typename = 'Prescriber' as const;

  @Field(() => String, { description: 'Staff username.' })
  username!: string;

  @Field(() => String, { description: 'Display name of the staff member.' })
  displayName!: string;

  @Field(() => PrescriberCodeKindEnum, { description: 'Kind of prescriber code.' })
  codeKind!: PrescriberCodeKind;

  @Field(() => String, { description: 'DIN, spurious code or professional registration number.' })
  code!: string;

  @Field(() => ProfessionEnum, { description: 'Profession (decides the prescription type).' })
  profession!: Profession;

  @Field(() => String, { description: 'NHSBSA prescription type of their prescriptions, e.g. 0101.' })
  prescriptionType!: string;

  @Field(() => Boolean, { description: 'False once detached from the cost centre.' })
  active!: boolean;
}

@ObjectType('PrescribingCostCentre', {
  implements: Node,
  description: "The PCN's prescribing cost centre (NHSBSA), attached to the hub.",
})
export class PrescribingCostCentreType extends Node {
  readonly __typename = 'PrescribingCostCentre' as const;
  dbId!: string;
  hubId!: string;

  @Field(() => OdsCodeScalar, { description: 'Cost centre code: one letter then five digits.' })
  odsCode!: string;

  @Field(() => String, { description: 'Cost centre name as registered with NHSBSA.' })
  name!: string;

  @Field(() => OdsCodeScalar, {
    nullable: true,
    description: 'Parent commissioner (sub-ICB location) holding the budget.',
  })
  parentCommissionerCode!: string | null;

  @Field(() => Boolean, {
    description: "False once replaced by another code; kept for past prescriptions' attribution.",
  })
  active!: boolean;
}

@ObjectType('PrescriptionItem', { description: 'One line of a prescription (an EPS MedicationRequest).' })
export class PrescriptionItemType {
  @Field(() => Int, { description: 'Line number, 1-4.' })
  lineNo!: number;

  @Field(() => DmdCodeScalar, { description: 'dm+d code of the medicine (VMP or AMP).' })
  dmdCode!: string;

  @Field(() => String, { nullable: true, description: 'Display term of the medicine, when given.' })
  medicineName!: string | null;

  @Field(() => Float, { description: 'Quantity to dispense, in `unit`.' })
  quantity!: number;

  @Field(() => String, { description: 'dm+d unit of measure, e.g. "tablet".' })
  unit!: string;

  @Field(() => String, { description: 'Dosage instructions.' })
  dosageText!: string;

  @Field(() => String, { nullable: true, description: 'Controlled-drug schedule (SCHEDULE_2..5), when controlled.' })
  controlledDrugSchedule!: string | null;
}

@ObjectType('PrescriptionHistoryEntry', { description: 'One state change of a prescription.' })
export class PrescriptionTransitionType {
  @Field(() => PrescriptionActionEnum, { description: 'What happened.' })
  action!: PrescriptionAction;

  @Field(() => PrescriptionStateEnum, { nullable: true, description: 'State before (null when raised).' })
  fromState!: PrescriptionState | null;

  @Field(() => PrescriptionStateEnum, { description: 'State after.' })
  toState!: PrescriptionState;

  @Field(() => String, { description: 'Actor id (staff username or integration client).' })
  actorId!: string;

  @Field(() => String, { nullable: true, description: 'Reason given (cancellation, rejection).' })
  reason!: string | null;

  @Field(() => DateTime, { description: 'When.' })
  at!: Date;
}

@ObjectType('Prescription', { implements: Node, description: 'A prescription raised at the hub.' })
export class PrescriptionType extends Node {
  readonly __typename = 'Prescription' as const;
  /**
   * Set when resolved for one event of a live stream: its nested fields load through this event's
   * own context, not the subscription's (whose loaders would answer from an earlier event).
   */
  scope?: RequestContext;
  /** What the page read joined (`prescriptions.read.ts`); field resolvers fall back to loaders without it. */
  joined?: PrescriptionJoined;
  dbId!: string;
  hubId!: string;
  patientId!: string;
  registeredPracticeId!: string;
  hubServiceId!: string | null;

  @Field(() => PrescriptionStateEnum, { description: 'Current state.' })
  state!: PrescriptionState;

  @Field(() => CourseOfTherapyEnum, { description: 'Acute (issued at the hub) or repeat (issued by the practice).' })
  courseOfTherapy!: CourseOfTherapy;

  @Field(() => PrescriptionIdScalar, { nullable: true, description: 'EPS short-form prescription id, once issued.' })
  shortFormId!: string | null;

  @Field(() => String, { nullable: true, description: 'EPS long-form prescription id (a UUID), once issued.' })
  longFormId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The hub consultation it was raised in.' })
  consultationId!: string | null;

  @Field(() => OdsCodeScalar, { nullable: true, description: "Nominated dispenser's ODS code." })
  nominatedDispenserOds!: string | null;

  @Field(() => OdsCodeScalar, {
    nullable: true,
    description: 'ODS code it was issued under: the hub cost centre, or the practice for a repeat.',
  })
  issuerOds!: string | null;

  @Field(() => PrescriberCodeKindEnum, {
    nullable: true,
    description: 'Kind of prescriber code it was issued under (hub issues).',
  })
  prescriberCodeKind!: PrescriberCodeKind | null;

  @Field(() => String, { nullable: true, description: 'Prescriber code it was issued under (hub issues).' })
  prescriberCode!: string | null;

  @Field(() => String, { nullable: true, description: 'NHSBSA prescription type, e.g. 0101 (hub issues).' })
  prescriptionType!: string | null;

  @Field(() => String, { description: 'Who raised it.' })
  raisedBy!: string;

  @Field(() => DateTime, { description: 'When it was raised.' })
  raisedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who issued it.' })
  issuedBy!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When it was issued.' })
  issuedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Reason of the cancellation or rejection.' })
  statusReason!: string | null;
}

export const { Connection: PrescriptionConnection } = connectionTypes(
  'Prescription',
  PrescriptionType,
  'A page of prescriptions, newest first.',
);

@ObjectType('PrescriptionPayload', { description: 'Result of a prescription mutation.' })
export class PrescriptionPayload {
  @Field(() => PrescriptionType, { description: 'The prescription after the change.' })
  prescription!: PrescriptionType;
}

@ObjectType('PrescribingCostCentrePayload', { description: 'Result of setPrescribingCostCentre.' })
export class PrescribingCostCentrePayload {
  @Field(() => PrescribingCostCentreType, { description: 'The active cost centre.' })
  costCentre!: PrescribingCostCentreType;
}

@ObjectType('PrescriberPayload', { description: 'Result of a prescriber mutation.' })
export class PrescriberPayload {
  @Field(() => PrescriberType, { description: 'The prescriber after the change.' })
  prescriber!: PrescriberType;
}

@ObjectType('PrescribingSummaryRow', {
  description: 'One group of the PCN-level summary. Only grouped dimensions are set. No patient identifiers.',
})
export class PrescribingSummaryRowType {
  @Field(() => OdsCodeScalar, { nullable: true, description: 'Cost centre (COST_CENTRE).' })
  costCentreOds!: string | null;

  @Field(() => String, { nullable: true, description: 'Prescriber code (PRESCRIBER).' })
  prescriberCode!: string | null;

  @Field(() => OdsCodeScalar, { nullable: true, description: 'Registered practice (REGISTERED_PRACTICE).' })
  registeredPracticeOds!: string | null;

  @Field(() => ID, { nullable: true, description: 'Hub service id (HUB_SERVICE); null also means "no service".' })
  hubServiceId!: string | null;

  @Field(() => String, { nullable: true, description: 'Hub service name (HUB_SERVICE).' })
  hubServiceName!: string | null;

  @Field(() => DmdCodeScalar, { nullable: true, description: 'Medicine (MEDICINE).' })
  dmdCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Month of issue, YYYY-MM UTC (MONTH).' })
  month!: string | null;

  @Field(() => Int, { description: 'Prescriptions in the group.' })
  prescriptions!: number;

  @Field(() => Int, { description: 'Items in the group.' })
  items!: number;
}

@ObjectType('PrescribingSummary', {
  description: 'PCN-level prescribing: issued (not cancelled) hub prescriptions in a period.',
})
export class PrescribingSummaryType {
  @Field(() => DateTime, { description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field(() => DateTime, { description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => [SummaryDimensionEnum], { description: 'The dimensions grouped by.' })
  groupBy!: SummaryDimension[];

  @Field(() => [PrescribingSummaryRowType], { description: 'One row per group, in dimension order.' })
  rows!: PrescribingSummaryRowType[];
}
