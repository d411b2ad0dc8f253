import { Arg, Authorized, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PluginScope } from '../../platform/auth/plugin-scope.js';
import type { AuthenticatedContext } from '../../platform/context.js';
import { Errors } from '../../platform/errors.js';
import { expectGlobalId, pageSize, toConnection, toGlobalId } from '../../platform/graphql/relay.js';
import type { InboundMessage, InboundState } from './inbound-message.entity.js';
import { inboundCursor, MessagingService } from './messaging.service.js';
import {
  InboundMessageConnection,
  InboundMessageType,
  InboundStateEnum,
  RecordInboundMessageInput,
  RecordInboundMessagePayload,
  SettleInboundMessageInput,
  SettleInboundMessagePayload,
} from './messaging.types.js';
import { ROLES } from '../../platform/auth/roles.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

const service = (ctx: AuthenticatedContext) => new MessagingService(ctx);

export function toInboundType(m: InboundMessage): InboundMessageType {
  return {
    __typename: 'InboundMessage',
    id: toGlobalId('InboundMessage', m.id),
    transport: m.transport,
    mailboxId: m.mailboxId,
    messageId: m.messageId,
    workflowId: m.workflowId ?? null,
    messageType: m.messageType,
    senderMailboxId: m.senderMailboxId ?? null,
    localId: m.localId ?? null,
    headers: Object.entries(m.headers).map(([name, value]) => ({ name, value })),
    bodyBytes: m.bodyBytes,
    state: m.state,
    failure: m.failure ?? null,
    onlineConsultationId: m.onlineConsultationId ? toGlobalId('OnlineConsultation', m.onlineConsultationId) : null,
    receivedAt: m.receivedAt,
    processedAt: m.processedAt ?? null,
    body: m.body,
  };
}

/** A page of inbound messages after the cursor `after`: `read` fetches up to one more than the page size. */
async function inboundConnection(
  first: number | null,
  after: string | null,
  read: (size: number, after: string | null) => Promise<InboundMessage[]>,
) {
  const size = pageSize(first);
  return toConnection(await read(size, after ?? null), size, Boolean(after), toInboundType, inboundCursor);
}

@Resolver(() => InboundMessageType)
export class InboundMessageResolver {
  @Authorized(...ROLES.hubAdministration)
  @Query(() => InboundMessageConnection, {
    description:
      "Messages received on the hub's mailbox, newest first; `state: PARSE_FAILED` lists those kept for inspection. Audited.",
  })
  async inboundMessages(
    @Arg('state', () => InboundStateEnum, { nullable: true, description: 'Only this state.' })
    state: InboundState | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 200).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last edge seen.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return inboundConnection(first, after, (size, cursor) => service(ctx).page(state ?? null, size, cursor));
  }

  @Authorized('INTEGRATION')
  @PluginScope('messages:write')
  @Query(() => InboundMessageConnection, {
    description:
      "The hub's stored messages not yet settled (RECEIVED), oldest first: the plugin that records them finishes these after a restart. Audited.",
  })
  async inboundMessagesToSettle(
    @Arg('mailboxId', () => String, { nullable: true, description: 'Only this mailbox.' }) mailboxId: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 200).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last edge seen.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return inboundConnection(first, after, (size, cursor) => service(ctx).toSettle(mailboxId ?? null, size, cursor));
  }

  @Authorized('INTEGRATION')
  @PluginScope('messages:write')
  @Mutation(() => RecordInboundMessagePayload, {
    description:
      'Stores a downloaded transport message before the plugin acknowledges it to the transport. A repeat returns the stored one. Audited.',
  })
  async recordInboundMessage(
    @Arg('input', () => RecordInboundMessageInput, { description: 'What to change: see RecordInboundMessageInput.' })
    input: RecordInboundMessageInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<RecordInboundMessagePayload> {
    const { message, alreadyRecorded } = await service(ctx).record(input);
    return { message: toInboundType(message), alreadyRecorded };
  }

  @Authorized('INTEGRATION')
  @PluginScope('messages:write')
  @Mutation(() => SettleInboundMessagePayload, {
    description: 'Records the outcome of parsing a stored message. Audited.',
  })
  async settleInboundMessage(
    @Arg('input', () => SettleInboundMessageInput, { description: 'What to change: see SettleInboundMessageInput.' })
    input: SettleInboundMessageInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<SettleInboundMessagePayload> {
    if (input.outcome === 'RECEIVED') throw Errors.badInput('input.outcome', 'outcome is PARSED or PARSE_FAILED');
    const message = await service(ctx).settle({
      id: expectGlobalId(input.messageId, 'InboundMessage', 'input.messageId'),
      outcome: input.outcome,
      failure: input.failure ?? null,
      onlineConsultationId: input.onlineConsultationId
        ? expectGlobalId(input.onlineConsultationId, 'OnlineConsultation', 'input.onlineConsultationId')
        : null,
    });
    return { message: toInboundType(message) };
  }

  @FieldResolver(() => String, { description: 'The raw body, base64 (hub admins, for inspection).' })
  bodyBase64(@Root() m: InboundMessageType): string {
    return m.body;
  }
}
