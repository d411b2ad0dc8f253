import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../platform/graphql/scalars.js';
import { OnlineConsultationType } from '../inbox/index.js';
import {
  REPLY_CHANNELS,
  REPLY_OUTCOMES,
  REPLY_STATUSES,
  REPLY_TEMPLATES,
  type ReplyChannel,
  type ReplyOutcome,
  type ReplyStatus,
  type ReplyTemplate,
} from './replies.codes.js';
import { graphqlEnum } from '../../platform/graphql/enums.js';

export const ReplyTemplateEnum = graphqlEnum(REPLY_TEMPLATES, {
  name: 'ReplyTemplate',
  description: 'The kind of reply; the patient-messaging plugin opens the message with the template and adds the text.',
  values: {
    ADVICE: 'Clinical advice about the request.',
    SELF_CARE: 'Self-care advice, no appointment needed.',
    BOOKING_INVITATION: 'An invitation to book, usually with a booking link.',
    PHOTO_REQUEST: 'A request for a photo, usually with an upload link.',
    FURTHER_INFORMATION: 'A request for more information.',
  },
});

export const ReplyChannelEnum = graphqlEnum(REPLY_CHANNELS, {
  name: 'ReplyChannel',
  description: 'How a reply reaches the patient (the channel the patient gave with the consultation).',
  values: { SMS: 'A text message to the mobile number.', EMAIL: 'An e-mail.' },
});

export const ReplyStatusEnum = graphqlEnum(REPLY_STATUSES, {
  name: 'ReplyStatus',
  description: 'Where a reply to a patient is.',
  values: {
    QUEUED: 'Waiting for the patient-messaging plugin.',
    RETRYING: 'The gateway failed transiently; the hub sends it again with backoff.',
    SENT: 'The gateway took it.',
    DELIVERED: 'The gateway reports it reached the patient.',
    FAILED: 'The gateway refused it; `errorCode` says why.',
    UNDELIVERED: 'The hub gave up reaching the plugin (its webhook delivery is DEAD or WITHHELD).',
  },
});

export const ReplyOutcomeEnum = graphqlEnum(REPLY_OUTCOMES, {
  name: 'ReplyOutcome',
  description: 'What the patient-messaging plugin reports about a reply.',
  values: {
    RETRYING: 'A transient failure: answer the webhook with a 5xx so that the hub redelivers it.',
    SENT: 'The gateway took it.',
    DELIVERED: 'It reached the patient (terminal).',
    FAILED: 'The gateway refused it, with its error code (terminal).',
  },
});

@ObjectType('PatientReply', {
  description: 'A message staff sent the patient of an online consultation, with its delivery status.',
})
export class PatientReplyType {
  @Field(() => ID, { description: 'The reply id (`replyId` of its events).' })
  replyId!: string;
  @Field(() => ReplyTemplateEnum, { description: 'The template.' })
  template!: ReplyTemplate;
  @Field(() => String, { description: 'The free text sent.' })
  text!: string;
  @Field(() => String, { nullable: true, description: 'The booking or upload link sent, if any.' })
  link!: string | null;
  @Field(() => ReplyChannelEnum, { description: 'How it is sent.' })
  channel!: ReplyChannel;
  @Field(() => ReplyStatusEnum, { description: 'Where it is.' })
  status!: ReplyStatus;
  @Field(() => Int, { description: 'Transient failures reported so far.' })
  retries!: number;
  @Field(() => String, { nullable: true, description: "The gateway's last error code." })
  errorCode!: string | null;
  @Field(() => String, { description: 'Who sent it.' })
  sentBy!: string;
  @Field(() => DateTime, { description: 'When it was sent.' })
  createdAt!: Date;
  @Field(() => DateTime, { description: 'When its status last changed.' })
  updatedAt!: Date;
}

@ObjectType('PatientReplyDelivery', {
  description: 'A reply as the patient-messaging plugin delivers it: content and address.',
})
export class PatientReplyDeliveryType {
  @Field(() => PatientReplyType, { description: 'The reply.' })
  reply!: PatientReplyType;
  @Field(() => String, { description: 'Where to send it: the mobile number (+44...) for SMS, the address for EMAIL.' })
  to!: string;
}

@InputType('ReplyToPatientInput', { description: 'A reply to the patient of an online consultation.' })
export class ReplyToPatientInput {
  @Field(() => ID, { description: 'The online consultation.' })
  consultationId!: string;
  @Field(() => ReplyTemplateEnum, { description: 'The template.' })
  template!: ReplyTemplate;
  @Field(() => String, { description: 'The free text: 1-800 characters, the link included.' })
  text!: string;
  @Field(() => String, { nullable: true, description: 'A booking or upload link: https, at most 500 characters.' })
  link?: string | null;
}

@ObjectType('ReplyToPatientPayload', { description: 'Result of replyToPatient.' })
export class ReplyToPatientPayload {
  @Field(() => PatientReplyType, { description: 'The reply, QUEUED.' })
  reply!: PatientReplyType;
  @Field(() => OnlineConsultationType, { description: 'Its consultation.' })
  consultation!: OnlineConsultationType;
}

@InputType('RecordPatientReplyStatusInput', { description: 'What the messaging gateway did with a reply.' })
export class RecordPatientReplyStatusInput {
  @Field(() => ID, { description: 'The reply id (`replyId` of the inbox.REPLY_REQUESTED event).' })
  replyId!: string;
  @Field(() => ReplyOutcomeEnum, { description: 'RETRYING, SENT, DELIVERED or FAILED.' })
  outcome!: ReplyOutcome;
  @Field(() => String, {
    nullable: true,
    description: "The gateway's error code (FAILED needs one): 1-40 of A-Z, a-z, 0-9, _ and -. No patient data.",
  })
  errorCode?: string | null;
}

@ObjectType('RecordPatientReplyStatusPayload', { description: 'Result of recordPatientReplyStatus.' })
export class RecordPatientReplyStatusPayload {
  @Field(() => PatientReplyType, { description: 'The reply after the change.' })
  reply!: PatientReplyType;
}
