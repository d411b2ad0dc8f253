import { Arg, Authorized, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { PluginScope } from '../../../platform/auth/plugin-scope.js';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { ACK_KINDS, recordAcknowledgement, type AckKind } from './acks.service.js';
import { WriteBackDeliveryPayload } from '../write-back.inputs.js';
import { toDeliveryType } from '../write-back.mappers.js';
import { AuthCtx } from '../../../platform/auth/auth-context.js';
import { graphqlEnum } from '../../../platform/graphql/enums.js';

const AckKindEnum = graphqlEnum(ACK_KINDS, {
  name: 'WriteBackAcknowledgementKind',
  description: 'Which acknowledgement of the receiving system (ITK3 sends both).',
  values: {
    INFRASTRUCTURE: 'The receiving system accepted the message (ITK3 20013).',
    BUSINESS: 'The message reached the practice workflow (ITK3 30001), or was refused there.',
  },
});

@InputType('RecordWriteBackAcknowledgementInput', {
  description: 'What the receiving practice system said about a delivered write-back message.',
})
export class RecordWriteBackAcknowledgementInput {
  @Field(() => ID, { description: 'The write-back message id (the `webhook-id` it was delivered with).' })
  messageId!: string;
  @Field(() => AckKindEnum, { description: 'INFRASTRUCTURE or BUSINESS.' })
  kind!: AckKind;
  @Field(() => String, { description: "The receiver's code, e.g. 20013, 30001, 30002." })
  code!: string;
  @Field(() => Boolean, { description: 'False ends the delivery as a dead letter with the code.' })
  positive!: boolean;
  @Field(() => String, { nullable: true, description: 'Why, for a negative one (no patient data).' })
  reason?: string | null;
}

@Resolver()
export class WriteBackAcknowledgementResolver {
  @Authorized('INTEGRATION')
  @PluginScope('write-back:acknowledge')
  @Mutation(() => WriteBackDeliveryPayload, {
    description:
      'Records a later acknowledgement from the receiving system, for a plugin that carries write-back for the target practice (e.g. over MESH). Negative: the delivery ends DEAD with the code. Repeating it is harmless. Audited.',
  })
  async recordWriteBackAcknowledgement(
    @Arg('input', () => RecordWriteBackAcknowledgementInput, {
      description: 'What to change: see RecordWriteBackAcknowledgementInput.',
    })
    input: RecordWriteBackAcknowledgementInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<WriteBackDeliveryPayload> {
    return { delivery: toDeliveryType(await recordAcknowledgement(ctx, input)) };
  }
}
