import {
  Arg,
  Authorized,
  createUnionType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { OdsCodeScalar, normaliseOdsCode } from '@pcn-hub/schema';
import { hasAnyRole } from '../../platform/auth/actor.js';
import { forkContext, type AuthenticatedContext, type RequestContext } from '../../platform/context.js';
import { Errors, HubError } from '../../platform/errors.js';
import { streamAuthorizer, subscribeStream, type StreamMessage } from '../../platform/events/index.js';
import { decodeCursor, encodeCursor, toGlobalId } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { staffAccountActive } from '../organisations/index.js';
import { prescribingStream } from './prescribing.events.js';
import { toPrescriptionType } from './prescribing.mappers.js';
import { PRESCRIPTION_READERS, canSeePrescription } from './prescribing.policy.js';
import { PrescriptionType } from './prescribing.types.js';
import { Prescription } from './prescription.entity.js';

const HEARTBEAT_MS = 15_000;

@ObjectType('PrescribingEvent', {
  description: 'A prescription changed: its state, or the status of one of its EPS messages.',
})
export class PrescribingEvent {
  readonly __typename = 'PrescribingEvent' as const;
  scope!: RequestContext;
  prescriptionDbId!: string;
  @Field(() => Int, { description: "Position in this organisation's prescribing stream: gap-free, increasing by one." })
  seq!: number;
  @Field(() => String, { description: 'Resume point: pass as `after` to receive the events after this one.' })
  cursor!: string;
  @Field(() => String, {
    description: 'Event type: PRESCRIPTION_<state reached>, or EPS_STATUS_CHANGED (see Prescription.epsMessages).',
  })
  type!: string;
  @Field(() => DateTime, { description: 'When it was recorded.' })
  at!: Date;
  @Field(() => String, { nullable: true, description: 'Actor id of who did it.' })
  actorId!: string | null;
  @Field(() => ID, { description: 'Global id of the prescription.' })
  prescriptionId!: string;
}

@ObjectType('PrescribingStreamHeartbeat', { description: 'Nothing happened for a while; the stream is alive.' })
export class PrescribingStreamHeartbeat {
  readonly __typename = 'PrescribingStreamHeartbeat' as const;
  @Field(() => Int, { description: 'The latest seq of the stream.' })
  latestSeq!: number;
  @Field(() => DateTime, { description: 'When.' })
  at!: Date;
}

@ObjectType('PrescribingStreamResyncRequired', {
  description:
    'The events after your cursor are no longer retained: reload prescriptions, then expect the events after latestSeq.',
})
export class PrescribingStreamResyncRequired {
  readonly __typename = 'PrescribingStreamResyncRequired' as const;
  @Field(() => Int, { description: 'The stream position the events that follow continue from.' })
  latestSeq!: number;
  @Field(() => String, { description: 'Why.' })
  reason!: string;
}

export const PrescribingStreamMessage = createUnionType({
  name: 'PrescribingStreamMessage',
  description: 'One message of a prescribing live stream.',
  types: () => [PrescribingEvent, PrescribingStreamHeartbeat, PrescribingStreamResyncRequired] as const,
  resolveType: (value: { __typename: string }) => value.__typename,
});

function streamCursor(after: string | null | undefined): number | null {
  if (after === null || after === undefined) return null;
  const [seq] = decodeCursor(after, ['int'], 'after');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)
    throw Errors.badInput('after', 'after is not a valid cursor');
  return seq;
}

@Resolver(() => PrescribingEvent)
export class PrescribingSubscriptionResolver {
  @Authorized(...PRESCRIPTION_READERS)
  @Subscription(() => PrescribingStreamMessage, {
    description:
      "Live prescribing events of the viewer's own organisation (the hub: its prescriptions; a practice: its patients'), gap-free and resumable like inboxEvents: state changes, and on the hub's stream the EPS status of each message. Another organisation's stream is refused.",
    subscribe: ({ args, context }) => {
      const ctx = context as AuthenticatedContext;
      const { organisation, after } = args as { organisation: string; after?: string | null };
      if (normaliseOdsCode(organisation) !== ctx.actor.organisationOds) {
        throw new HubError('NOT_FOUND', 'Prescribing stream not found', { field: 'organisation' });
      }
      return subscribeStream({
        stream: prescribingStream(ctx.actor.organisationId),
        afterSeq: streamCursor(after),
        bus: ctx.events,
        orm: ctx.orm,
        authorize: streamAuthorizer({
          actor: ctx.actor,
          allowed: () => hasAnyRole(ctx.actor, PRESCRIPTION_READERS),
          accountActive: staffAccountActive(ctx.orm),
        }),
        heartbeatMs: HEARTBEAT_MS,
        logger: ctx.logger,
      });
    },
  })
  prescribingEvents(
    @Root() message: StreamMessage,
    @Arg('organisation', () => OdsCodeScalar, { description: "ODS code of the viewer's own organisation." })
    _organisation: string,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last event received; omit to start live.',
    })
    _after: string | null,
    @Ctx() ctx: RequestContext,
  ): PrescribingEvent | PrescribingStreamHeartbeat | PrescribingStreamResyncRequired {
    switch (message.kind) {
      case 'EVENT': {
        const { event } = message;
        return {
          __typename: 'PrescribingEvent',
          scope: forkContext(ctx),
          prescriptionDbId: event.subjectId,
          seq: event.seq,
          cursor: encodeCursor([event.seq]),
          type: event.type,
          at: event.createdAt,
          actorId: event.actorId,
          prescriptionId: toGlobalId('Prescription', event.subjectId),
        };
      }
      case 'HEARTBEAT':
        return { __typename: 'PrescribingStreamHeartbeat', latestSeq: message.latestSeq, at: message.at };
      case 'RESYNC_REQUIRED':
        return {
          __typename: 'PrescribingStreamResyncRequired',
          latestSeq: message.latestSeq,
          reason: 'CURSOR_OUTSIDE_RETENTION',
        };
      default: {
        const never: never = message;
        return never;
      }
    }
  }

  @FieldResolver(() => PrescriptionType, {
    nullable: true,
    description: 'The prescription as it is now, when visible. Audited.',
  })
  async prescription(@Root() event: PrescribingEvent): Promise<PrescriptionType | null> {
    const scope = event.scope;
    const p = await scope.em.findOne(Prescription, { id: event.prescriptionDbId });
    if (
      !scope.actor ||
      !p ||
      !canSeePrescription(scope.actor, { hubId: p.hub.id, registeredPracticeId: p.registeredPractice.id })
    )
      return null;
    await scope.audit.recordNow(scope.em, [
      { action: 'readPrescription', subjectType: 'Prescription', subjectId: p.id, patientId: p.patient.id },
    ]);
    const type = toPrescriptionType(p);
    type.scope = scope;
    return type;
  }
}
