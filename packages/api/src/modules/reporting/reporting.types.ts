import { Field, Float, Int, ObjectType } from 'type-graphql';
import { OdsCodeScalar } from '@pcn-hub/schema';
import { DateTime } from '../../platform/graphql/scalars.js';
import { ConsultationTypeEnum, type ConsultationType } from '../inbox/index.js';
import type { OcReportDimension } from './reporting.codes.js';
import { OcReportDimensionEnum } from './reporting.enums.js';

@ObjectType('OnlineConsultationOutcomes', { description: 'Where the consultations of a group are now.' })
export class OcOutcomesType {
  @Field(() => Int, { description: 'Completed with an outcome.' })
  completed!: number;

  @Field(() => Int, { description: 'Cancelled.' })
  cancelled!: number;

  @Field(() => Int, { description: 'Neither completed nor cancelled yet.' })
  open!: number;
}

@ObjectType('OnlineConsultationSignposting', {
  description:
    'The signposting mix: where triage last sent the consultations of a group, and how many the hub passed back.',
})
export class OcSignpostingType {
  @Field(() => Int, { description: "To a hub service's queue." })
  hubServiceQueue!: number;

  @Field(() => Int, { description: 'To care co-ordinators and administrators.' })
  adminQueue!: number;

  @Field(() => Int, { description: 'On the red-flag path.' })
  urgentEscalation!: number;

  @Field(() => Int, { description: 'Outside the PCN (community pharmacy, 111, A&E).' })
  signpostedExternal!: number;

  @Field(() => Int, { description: 'Closed remotely with advice or self-care.' })
  closedRemotely!: number;

  @Field(() => Int, { description: 'Passed back from the hub to the practice at least once.' })
  passedBackToPractice!: number;
}

@ObjectType('OnlineConsultationReportRow', {
  description: 'One group of the online consultation report. Only grouped dimensions are set. No patient identifiers.',
})
export class OcReportRowType {
  @Field(() => OdsCodeScalar, { nullable: true, description: 'The practice submitted to (PRACTICE).' })
  practiceOds!: string | null;

  @Field(() => String, { nullable: true, description: 'Its name (PRACTICE).' })
  practiceName!: string | null;

  @Field(() => String, { nullable: true, description: 'Month of submission, YYYY-MM, Europe/London (MONTH).' })
  month!: string | null;

  @Field(() => ConsultationTypeEnum, { nullable: true, description: 'Clinical or admin (TYPE).' })
  type!: ConsultationType | null;

  @Field(() => Int, { description: 'Online consultations submitted in the period.' })
  consultations!: number;

  @Field(() => Int, { description: "Those now owned by the PCN's hub (not passed back or kept by the practice)." })
  handledAtHub!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'handledAtHub / consultations (0-1); null without consultations.',
  })
  hubShare!: number | null;

  @Field(() => Int, { description: 'Those with a triage decision (signposted or passed back).' })
  triaged!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median minutes from submission to the first triage decision; null when none was triaged.',
  })
  medianMinutesToFirstTriage!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of the same; null when none was triaged.' })
  p90MinutesToFirstTriage!: number | null;

  @Field(() => Int, {
    description: 'Those with a response-expected-by time that has passed or that were answered already.',
  })
  responseDue!: number;

  @Field(() => Int, {
    description:
      'Those answered (closed remotely, signposted outside the PCN or completed) at or before their response-expected-by time.',
  })
  answeredInTime!: number;

  @Field(() => Float, { nullable: true, description: 'answeredInTime / responseDue (0-1); null when none was due.' })
  answeredInTimeShare!: number | null;

  @Field(() => OcOutcomesType, { description: 'Completed, cancelled and open.' })
  outcomes!: OcOutcomesType;

  @Field(() => OcSignpostingType, { description: 'The signposting mix.' })
  signposting!: OcSignpostingType;
}

@ObjectType('OnlineConsultationReport', {
  description: "The PCN's online consultation service in figures, for a period of submission.",
})
export class OcReportType {
  @Field(() => DateTime, { description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field(() => DateTime, { description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => [OcReportDimensionEnum], { description: 'The dimensions grouped by.' })
  groupBy!: OcReportDimension[];

  @Field(() => DateTime, {
    description: 'When the report was computed: response-expected-by times up to it count as due.',
  })
  asOf!: Date;

  @Field(() => [OcReportRowType], {
    description: 'One row per group, by practice ODS code, then month, then type (alphabetical).',
  })
  rows!: OcReportRowType[];
}
