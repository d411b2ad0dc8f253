import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { fieldsOf } from '../../platform/graphql/fields.js';
import { PluginScope } from '../../platform/auth/plugin-scope.js';
import type { AuthenticatedContext, RequestContext } from '../../platform/context.js';
import { OnlineConsultationType, recordOf, toConsultationType } from '../inbox/index.js';
import type { PatientReply } from './patient-reply.entity.js';
import { REPLY_SENDERS } from './replies.policy.js';
import { ReplyCommands, repliesByConsultation } from './replies.service.js';
import {
  PatientReplyDeliveryType,
  PatientReplyType,
  RecordPatientReplyStatusInput,
  RecordPatientReplyStatusPayload,
  ReplyToPatientInput,
  ReplyToPatientPayload,
} from './replies.types.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const commands = (ctx: AuthenticatedContext) => new ReplyCommands(ctx);

export function toReplyType(r: PatientReply): PatientReplyType {
  return {
    ...fieldsOf(r, [
      'template',
      'text',
      'link',
      'channel',
      'status',
      'retries',
      'errorCode',
      'sentBy',
      'createdAt',
      'updatedAt',
    ]),
    replyId: r.id,
  };
}

/** Replies to patients from online consultations, and the patient-messaging plugin's side of them. */
@Resolver(() => OnlineConsultationType)
export class PatientReplyResolver {
  @Authorized(...REPLY_SENDERS)
  @Mutation(() => ReplyToPatientPayload, {
    description:
      'Sends the patient of an online consultation you can see a message (a template, free text, an optional https link) by the channel they gave; NO_CONTACT_CHANNEL when they gave none. Queued for the patient-messaging plugin; its status follows on OnlineConsultation.replies and the inbox stream. Audited.',
  })
  async replyToPatient(
    @Arg('input', () => ReplyToPatientInput, { description: 'What to send: see ReplyToPatientInput.' })
    input: ReplyToPatientInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<ReplyToPatientPayload> {
    const { reply, consultation } = await commands(ctx).send(input);
    return { reply: toReplyType(reply), consultation: toConsultationType(recordOf(consultation)) };
  }

  @Authorized('INTEGRATION')
  @PluginScope('patient-messages:send')
  @Query(() => PatientReplyDeliveryType, {
    description:
      'A reply to deliver, with the address, for the patient-messaging plugin acting for the inbox that holds it. Others answer NOT_FOUND. Audited.',
  })
  async patientReplyForDelivery(
    @Arg('replyId', () => ID, { description: 'The reply id (`replyId` of the inbox.REPLY_REQUESTED event).' })
    replyId: string,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PatientReplyDeliveryType> {
    const { reply, to } = await commands(ctx).forDelivery(replyId);
    return { reply: toReplyType(reply), to };
  }

  @Authorized('INTEGRATION')
  @PluginScope('patient-messages:send')
  @Mutation(() => RecordPatientReplyStatusPayload, {
    description:
      'The patient-messaging plugin reports what the gateway did with a reply (SENT, DELIVERED, FAILED with its code) or a transient failure (RETRYING: answer the webhook 5xx and the hub redelivers). Repeating a report is harmless. Audited.',
  })
  async recordPatientReplyStatus(
    @Arg('input', () => RecordPatientReplyStatusInput, {
      description: 'What to change: see RecordPatientReplyStatusInput.',
    })
    input: RecordPatientReplyStatusInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<RecordPatientReplyStatusPayload> {
    return { reply: toReplyType(await commands(ctx).recordStatus(input)) };
  }

  @FieldResolver(() => [PatientReplyType], {
    description: 'Messages sent to the patient from it, oldest first, with their delivery status.',
  })
  async replies(@Root() c: OnlineConsultationType, @Ctx() ctx: RequestContext): Promise<PatientReplyType[]> {
    return (await repliesByConsultation(ctx).load(c.dbId)).map(toReplyType);
  }
}
