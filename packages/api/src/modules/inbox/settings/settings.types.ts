import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { OdsCodeScalar } from '@pcn-hub/schema';
import { DateTime, LocalDate } from '../../../platform/graphql/scalars.js';
import { OrganisationType } from '../../organisations/index.js';
import { HubServiceType } from '../../hub-services/index.js';
import type { CapacityState, OcRouting, OverflowMode } from '../inbox.codes.js';
import { CapacityStateEnum, OcRoutingEnum, OverflowModeEnum } from '../inbox.enums.js';
import { HubClosureType } from '../continuity/continuity.types.js';

@ObjectType('PracticeOnlineConsultationRouting', { description: "Where a practice's new online consultations go." })
export class PracticeRoutingType {
  @Field(() => OrganisationType, { description: 'The practice.' })
  practice!: OrganisationType;
  @Field(() => OcRoutingEnum, { description: 'Hub inbox or practice inbox (HUB_INBOX when never set).' })
  routing!: OcRouting;
  @Field(() => Boolean, {
    description:
      "Shared queues: hub staff may list and pull from the practice's inbox, and the practice sees the hub's queue of its own patients (false when never set).",
  })
  inboxSharing!: boolean;
  @Field(() => String, { nullable: true, description: 'Who last changed it; null when never set.' })
  updatedBy!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When it was last changed.' })
  updatedAt!: Date | null;
}

@ObjectType('SetOnlineConsultationRoutingPayload', { description: 'Result of setOnlineConsultationRouting.' })
export class SetRoutingPayload {
  @Field(() => PracticeRoutingType, { description: 'The routing now in force.' })
  routing!: PracticeRoutingType;
}

@InputType('SetInboxSharingInput', { description: 'Turns shared queues on or off for a practice.' })
export class SetInboxSharingInput {
  @Field(() => OdsCodeScalar, { description: 'ODS code of the practice.' })
  practiceOdsCode!: string;
  @Field(() => Boolean, { description: 'True: share the inbox with the hub (both ways); false: as before sharing.' })
  shared!: boolean;
}

@ObjectType('SetInboxSharingPayload', { description: 'Result of setInboxSharing.' })
export class SetInboxSharingPayload {
  @Field(() => PracticeRoutingType, { description: "The practice's settings now in force." })
  routing!: PracticeRoutingType;
}

@ObjectType('CapacityPlan', { description: "One hub service's planned capacity on one day." })
export class CapacityPlanType {
  @Field(() => ID, { description: 'Global id of the hub service.' })
  serviceId!: string;
  @Field(() => LocalDate, { description: 'The day (Europe/London).' })
  date!: string;
  @Field(() => Int, { description: 'Consultations the service plans to handle.' })
  plannedCapacity!: number;
  @Field(() => Int, { description: 'Load at which the service is at its soft limit.' })
  softThreshold!: number;
  @Field(() => Int, { description: 'Load at which the service is at its hard limit.' })
  hardThreshold!: number;
  @Field(() => OverflowModeEnum, { description: 'What happens when the hub is over capacity.' })
  overflowMode!: OverflowMode;
  @Field(() => String, { description: 'Who set it.' })
  updatedBy!: string;
  @Field(() => DateTime, { description: 'When.' })
  updatedAt!: Date;
}

@ObjectType('ServiceCapacity', { description: 'One service: its queue load against its plan.' })
export class ServiceCapacityType {
  @Field(() => HubServiceType, { description: 'The service.' })
  service!: HubServiceType;
  @Field(() => CapacityPlanType, { nullable: true, description: "The day's plan; null when none (unlimited)." })
  plan!: CapacityPlanType | null;
  @Field(() => Int, { description: "Open consultations in the service's queue or in progress." })
  load!: number;
  @Field(() => CapacityStateEnum, { description: 'Load against the thresholds.' })
  state!: CapacityState;
}

@ObjectType('HubCapacity', {
  description:
    "The hub's capacity on a day. Hub-wide load is every open consultation the hub owns, against the sums of the day's plans; routing and pullToHub use the hub-wide state.",
})
export class HubCapacityType {
  @Field(() => LocalDate, { description: 'The day (Europe/London).' })
  date!: string;
  @Field(() => Int, { description: 'Open consultations owned by the hub (now).' })
  load!: number;
  @Field(() => Int, { description: 'Sum of planned capacity.' })
  plannedCapacity!: number;
  @Field(() => Int, { description: 'Sum of soft thresholds.' })
  softThreshold!: number;
  @Field(() => Int, { description: 'Sum of hard thresholds.' })
  hardThreshold!: number;
  @Field(() => CapacityStateEnum, { description: 'Hub-wide state; NORMAL on a day without plans.' })
  state!: CapacityState;
  @Field(() => OverflowModeEnum, {
    nullable: true,
    description: 'Overflow mode in force: PASS_BACK_DEFAULT if any plan asks for it.',
  })
  overflowMode!: OverflowMode | null;
  @Field(() => Boolean, {
    description: 'A CLOSED period applies: new arrivals route to the practices and nothing is pulled to the hub.',
  })
  closed!: boolean;
  @Field(() => Int, {
    description:
      "The share of the plans in force: 100, or a REDUCED_CAPACITY period's percentage (the sums above are scaled by it).",
  })
  capacityPercent!: number;
  @Field(() => HubClosureType, {
    nullable: true,
    description:
      'The business continuity period applied: in force now (today), or the most restrictive overlapping the day (other days).',
  })
  closure!: HubClosureType | null;
  @Field(() => [ServiceCapacityType], { description: 'Per active service.' })
  services!: ServiceCapacityType[];
}

@InputType('SetCapacityPlanInput', { description: "A hub service's plan for one day (replaces any earlier one)." })
export class SetCapacityPlanInput {
  @Field(() => ID, { description: 'Global id of the hub service.' })
  serviceId!: string;
  @Field(() => LocalDate, { description: 'The day (Europe/London); today or later.' })
  date!: string;
  @Field(() => Int, { description: 'Consultations the service plans to handle, 0-100000.' })
  plannedCapacity!: number;
  @Field(() => Int, { description: 'Soft threshold, 0-100000, not above the hard one.' })
  softThreshold!: number;
  @Field(() => Int, { description: 'Hard threshold, 0-100000.' })
  hardThreshold!: number;
  @Field(() => OverflowModeEnum, { description: 'What happens when the hub is over capacity.' })
  overflowMode!: OverflowMode;
}

@ObjectType('SetCapacityPlanPayload', { description: 'Result of setCapacityPlan.' })
export class SetCapacityPlanPayload {
  @Field(() => CapacityPlanType, { description: 'The plan now in force.' })
  plan!: CapacityPlanType;
}
