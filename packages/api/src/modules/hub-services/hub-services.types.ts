import { Field, ObjectType, registerEnumType } from 'type-graphql';
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
import { enumOf } from '../../platform/graphql/enums.js';

export const HubServiceKindEnum = enumOf(HUB_SERVICE_KINDS);
registerEnumType(HubServiceKindEnum, {
  name: 'HubServiceKind',
  description: 'What a hub service does.',
  valuesConfig: {
    MINOR_ILLNESS: { description: 'Minor illness: remote and face-to-face, run by prescribing ANPs.' },
    ENHANCED_ACCESS: { description: 'Network DES Enhanced Access appointments (evenings and Saturdays).' },
    FCP_PHYSIO: { description: 'First-contact physiotherapy.' },
    MENTAL_HEALTH: { description: 'Mental health practitioner service.' },
    CARE_HOME: { description: 'Care-home support (nurses, HCAs, ward rounds).' },
    PHARMACY: { description: 'Clinical pharmacists and pharmacy technicians.' },
    SOCIAL_PRESCRIBING: { description: 'Social prescribing link workers.' },
    OTHER: { description: 'Any other service.' },
  },
});

export const ReferralMethodEnum = enumOf(REFERRAL_METHODS);
registerEnumType(ReferralMethodEnum, {
  name: 'ReferralMethod',
  description: 'A way a practice refers a patient into a hub service (docs/domain/workflows.md#referral-methods).',
  valuesConfig: {
    CROSS_ORGANISATION_BOOKING: {
      description:
        'The practice books a hub slot across organisations; needs record-access consent and a CROSS_ORG_APPOINTMENTS agreement; unknown patients are traced first.',
    },
    GP_CONNECT_BOOKING: {
      description:
        "GP Connect-style booking into a GP Connect-bookable book; the patient is registered at the hub automatically; the practice must be in the hub's organisation group.",
    },
    INBOX_SIGNPOST: {
      description: 'An online consultation signposted by hub triage to the service becomes a referral.',
    },
    CROSS_ORGANISATION_TASK: {
      description:
        'The practice sends a task to a hub team that accepts tasks; needs a CROSS_ORG_TASKS agreement; the hub accepts or rejects it.',
    },
    DOCUMENT_SEND: { description: "A referral letter (metadata) sent to the service's queue." },
  },
});

export const DayOfWeekEnum = enumOf(DAYS_OF_WEEK);
registerEnumType(DayOfWeekEnum, {
  name: 'DayOfWeek',
  description: 'A day of the week.',
  valuesConfig: {
    MONDAY: { description: 'Monday.' },
    TUESDAY: { description: 'Tuesday.' },
    WEDNESDAY: { description: 'Wednesday.' },
    THURSDAY: { description: 'Thursday.' },
    FRIDAY: { description: 'Friday.' },
    SATURDAY: { description: 'Saturday.' },
    SUNDAY: { description: 'Sunday.' },
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
