import { Field, ID, Int, ObjectType } from 'type-graphql';
import { normaliseOdsCode } from '@pcn-hub/schema';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuthenticatedContext } from '../../platform/context.js';
import { Errors } from '../../platform/errors.js';
import { liveStreamResolver, streamArgs, streamEventFields } from '../../platform/events/index.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import { Organisation, staffAccountActive } from '../organisations/index.js';
import { writeBackStream, type WriteBackEventType, type WriteBackState } from './write-back.codes.js';
import { EventTypeEnum, WriteBackStateEnum } from './write-back.enums.js';
import { CONSULTATION_NODE, ENTRY_NODE } from './write-back.mappers.js';
import { WRITE_BACK_VIEWERS } from './write-back.resolver.js';

@ObjectType('WriteBackEvent', { description: 'The write-back of an entry to this practice reached a new state.' })
export class WriteBackEvent extends streamEventFields({
  event: 'WriteBackEvent',
  seq: "Position in this practice's write-back stream: gap-free, increasing by one.",
  actorId: 'Actor or worker id.',
}) {
  readonly __typename = 'WriteBackEvent' as const;
  @Field(() => EventTypeEnum, { description: 'What happened.' })
  type!: WriteBackEventType;
  @Field(() => WriteBackStateEnum, { description: 'The state reached.' })
  state!: WriteBackState;
  @Field(() => ID, { description: 'Global id of the hub consultation entry.' })
  entryId!: string;
  @Field(() => ID, { description: 'Global id of the hub consultation.' })
  consultationId!: string;
  @Field(() => ID, { nullable: true, description: 'Global id of the delivery, if any.' })
  deliveryId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Message id of the delivery.' })
  messageId!: string | null;
  @Field(() => Int, { nullable: true, description: 'Document version of the delivery.' })
  version!: number | null;
  @Field(() => Int, { nullable: true, description: 'Attempt number, for SENDING, RETRYING and DEAD.' })
  attempt!: number | null;
}

/** A practice's own staff, and hub staff of the same PCN, may follow a practice's stream. */
function canFollow(actor: Actor, org: { id: string; pcnId: string | null }): boolean {
  if (org.pcnId !== actor.pcnId) return false;
  return actor.organisationKind === 'HUB' || actor.organisationId === org.id;
}

async function streamOrganisation(
  ctx: AuthenticatedContext,
  odsCode: string,
): Promise<{ id: string; pcnId: string | null }> {
  const org = await ctx.em.findOne(Organisation, { odsCode: normaliseOdsCode(odsCode), kind: 'PRACTICE' });
  const scope = org ? { id: org.id, pcnId: org.pcn?.id ?? null } : null;
  if (!scope || !canFollow(ctx.actor, scope)) throw Errors.notFound('Organisation', normaliseOdsCode(odsCode));
  return scope;
}

export const WriteBackSubscriptionResolver = liveStreamResolver({
  field: 'writeBackEvents',
  description:
    'Live write-back state changes of entries going to a practice (its own staff, or hub staff of the PCN), gap-free and resumable: `after` replays from the event log, then continues live. A cursor older than retention yields WriteBackResyncRequired.',
  roles: WRITE_BACK_VIEWERS,
  pluginScope: 'events:read',
  types: {
    event: WriteBackEvent,
    heartbeat: 'WriteBackHeartbeat',
    resync: 'WriteBackResyncRequired',
    reload: 'reload, then',
    union: 'WriteBackStreamMessage',
    of: 'a write-back live stream',
  },
  args: streamArgs('ODS code of the receiving practice.'),
  accountActive: staffAccountActive,
  follow: async (ctx, { organisation }) => {
    const org = await streamOrganisation(ctx, organisation);
    return { stream: writeBackStream(org.id), allowed: () => canFollow(ctx.actor, org) };
  },
  toEvent: (event) => {
    const p = event.payload;
    const id = (key: string): string | null => (typeof p[key] === 'string' ? p[key] : null);
    const num = (key: string): number | null => (typeof p[key] === 'number' ? p[key] : null);
    const deliveryId = id('deliveryId');
    return {
      type: event.type as WriteBackEventType,
      state: p.state as WriteBackState,
      entryId: toGlobalId(ENTRY_NODE, id('entryId') ?? ''),
      consultationId: toGlobalId(CONSULTATION_NODE, id('consultationId') ?? ''),
      deliveryId: deliveryId ? toGlobalId('WriteBackDelivery', deliveryId) : null,
      messageId: id('messageId'),
      version: num('version'),
      attempt: num('attempt'),
    };
  },
});
