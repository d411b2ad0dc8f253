import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { ACTIVITY_KINDS, type ActivityKind } from './timeline.query.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';

export const PatientActivityKindEnum = graphqlEnum(ACTIVITY_KINDS, {
  name: 'PatientActivityKind',
  description: "What a row of a patient's hub activity timeline is.",
  values: {
    HUB_CONSULTATION: 'A consultation recorded at the hub or a practice (HubConsultation), at its start.',
    ONLINE_CONSULTATION: 'An online consultation matched to the patient (OnlineConsultation), at its submission.',
    PRESCRIPTION: 'A prescription under the PCN cost centre (Prescription), when raised.',
    REFERRAL: 'A referral into a hub service (Referral), when made.',
  },
});

@ObjectType('PatientActivity', {
  description:
    "One item of a patient's hub activity. Fetch the item itself with node(id: subjectId), under its own rules.",
})
export class PatientActivityType {
  organisationId!: string;

  @Field(() => PatientActivityKindEnum, { description: 'What it is.' })
  kind!: ActivityKind;

  @Field(() => ID, { description: 'Global id of the consultation, online consultation, prescription or referral.' })
  subjectId!: string;

  @Field(() => DateTime, { description: 'When it happened: started, submitted, raised or made.' })
  occurredAt!: Date;

  @Field(() => String, { description: 'Its state now (the state names of its own type).' })
  state!: string;
}

export const { Connection: PatientActivityConnection } = connectionTypes(
  'PatientActivity',
  PatientActivityType,
  "A page of a patient's hub activity, newest first.",
);
