import { Field, ObjectType } from 'type-graphql';
import type { Role } from '../../platform/auth/roles.js';
import { Node } from '../../platform/graphql/relay.js';
import { RoleEnum } from '../organisations/index.js';
import {
  DAYS_OF_WEEK,
  HUB_SERVICE_KINDS,
  REFERRAL_METHODS,
  type DayOfWeek,
  type HubServiceKind,
  type ReferralMethod,
} from './hub-service.entity.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';

export const HubServiceKindEnum = graphqlEnum(HUB_SERVICE_KINDS, {
  name: 'HubServiceKind',
  description: 'What a hub service does.',
  values: {
    MINOR_ILLNESS: 'Minor illness: remote and face-to-face, run by prescribing ANPs.',
    ENHANCED_ACCESS: 'Network DES Enhanced Access appointments (evenings and Saturdays).',
    FCP_PHYSIO: 'First-contact physiotherapy.',
    MENTAL_HEALTH: 'Mental health practitioner service.',
    CARE_HOME: 'Care-home support (nurses, HCAs, ward rounds).',
    PHARMACY: 'Clinical pharmacists and pharmacy technicians.',
    SOCIAL_PRESCRIBING: 'Social prescribing link workers.',
    OTHER: 'Any other service.',
  },
});

export const ReferralMethodEnum = graphqlEnum(REFERRAL_METHODS, {
  name: 'ReferralMethod',
  description: 'A way a practice refers a patient into a hub service (docs/domain/workflows.md#referral-methods).',
  values: {
    CROSS_ORGANISATION_BOOKING:
      'The practice books a hub slot across organisations; needs record-access consent and a CROSS_ORG_APPOINTMENTS agreement; unknown patients are traced first.',
    GP_CONNECT_BOOKING:
      "GP Connect-style booking into a GP Connect-bookable book; the patient is registered at the hub automatically; the practice must be in the hub's organisation group.",
    INBOX_SIGNPOST: 'An online consultation signposted by hub triage to the service becomes a referral.',
    CROSS_ORGANISATION_TASK:
      'The practice sends a task to a hub team that accepts tasks; needs a CROSS_ORG_TASKS agreement; the hub accepts or rejects it.',
    DOCUMENT_SEND: "A referral letter (metadata) sent to the service's queue.",
  },
});

export const DayOfWeekEnum = graphqlEnum(DAYS_OF_WEEK, {
  name: 'DayOfWeek',
  description: 'A day of the week.',
  values: {
    MONDAY: 'Monday.',
    TUESDAY: 'Tuesday.',
    WEDNESDAY: 'Wednesday.',
    THURSDAY: 'Thursday.',
    FRIDAY: 'Friday.',
    SATURDAY: 'Saturday.',
    SUNDAY: 'Sunday.',
  },
});

@ObjectType('HubService', {
  implements: Node,
  description: 'A service the hub runs; triage can signpost consultations to its queue.',
})
export class HubServiceType extends Node {
  readonly __typename = 'HubService' as const;
  dbId!: string;
  hubId!: string;

  @Field(() => HubServiceKindEnum, { description: 'What the service does.' })
  kind!: HubServiceKind;

  @Field(() => String, { description: 'Name shown to staff.' })
  name!: string;

  @Field(() => Boolean, { description: 'False when the service no longer takes work.' })
  active!: boolean;

  @Field(() => String, { nullable: true, description: 'Who the service is for (free text for referrers).' })
  inclusionCriteria!: string | null;

  @Field(() => String, { nullable: true, description: 'Who the service is not for (free text for referrers).' })
  exclusionCriteria!: string | null;

  @Field(() => [DayOfWeekEnum], { description: 'Days the service runs, Monday first.' })
  daysOfOperation!: DayOfWeek[];

  @Field(() => [RoleEnum], { description: "Platform roles a session holder needs to run the service's clinics." })
  requiredRoles!: Role[];

  @Field(() => [ReferralMethodEnum], {
    description: 'The referral methods the service accepts; a referral by any other is refused.',
  })
  referralMethods!: ReferralMethod[];
}

@ObjectType('HubServicePayload', { description: 'Result of setHubServiceDetails and setHubServiceReferralMethods.' })
export class HubServicePayload {
  @Field(() => HubServiceType, { description: 'The service after the change.' })
  service!: HubServiceType;
}
