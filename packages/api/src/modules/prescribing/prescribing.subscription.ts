import {
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { hasAnyRole } from '../../platform/auth/actor.js';
import { authenticated } from '../../platform/auth/auth-context.js';
import { forkContext, type RequestContext } from '../../platform/context.js';
import {
  expectOwnOrganisation,
  followStream,
  liveStreamTypes,
  StreamArgs,
  streamEventFields,
  parseStreamCursor,
  streamEventCursor,
  type StreamHeartbeat,
  type StreamMessage,
  type StreamResyncRequired,
} from '../../platform/events/index.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import { staffAccountActive } from '../organisations/index.js';
import { prescribingStream } from './prescribing.events.js';
import { toPrescriptionType } from './prescribing.mappers.js';
import { PRESCRIPTION_READERS, canSeePrescription } from './prescribing.policy.js';
import { PrescriptionType } from './prescribing.types.js';
import { Prescription } from './prescription.entity.js';

@ObjectType('PrescribingEvent', {
  description: 'A prescription changed: its state, or the status of one of its EPS messages.',
})
export class PrescribingEvent extends streamEventFields({
  event: 'PrescribingEvent',
  seq: "Position in this organisation's prescribing stream: gap-free, increasing by one.",
}) {
  readonly __typename = 'PrescribingEvent' as const;
  scope!: RequestContext;
  prescriptionDbId!: string;
  @Field(() => String, {
    description: 'Event type: PRESCRIPTION_<state reached>, or EPS_STATUS_CHANGED (see Prescription.epsMessages).',
  })
  type!: string;
  @Field(() => ID, { description: 'Global id of the prescription.' })
  prescriptionId!: string;
}

const { Message: PrescribingStreamMessage, toMessage } = liveStreamTypes({
  event: PrescribingEvent,
  heartbeat: 'PrescribingStreamHeartbeat',
  resync: 'PrescribingStreamResyncRequired',
  reload: 'reload prescriptions, then',
  union: 'PrescribingStreamMessage',
  of: 'a prescribing live stream',
});

@Resolver(() => PrescribingEvent)
export class PrescribingSubscriptionResolver {
  @Authorized(...PRESCRIPTION_READERS)
  @Subscription(() => PrescribingStreamMessage, {
    description:
      "Live prescribing events of the viewer's own organisation (the hub: its prescriptions; a practice: its patients'), gap-free and resumable like inboxEvents: state changes, and on the hub's stream the EPS status of each message. Another organisation's stream is refused.",
    subscribe: ({ args, context }) => {
      const ctx = authenticated(context as RequestContext);
      const { organisation, after } = args as StreamArgs;
      return followStream(ctx, {
        stream: prescribingStream(expectOwnOrganisation(ctx, organisation, 'Prescribing stream')),
        afterSeq: parseStreamCursor(after),
        allowed: () => hasAnyRole(ctx.actor, PRESCRIPTION_READERS),
        accountActive: staffAccountActive(ctx.orm),
      });
    },
  })
  prescribingEvents(
    @Root() message: StreamMessage,
    @Args(() => StreamArgs) _args: StreamArgs,
    @Ctx() ctx: RequestContext,
  ): PrescribingEvent | StreamHeartbeat | StreamResyncRequired {
    return toMessage(message, (event) => ({
      __typename: 'PrescribingEvent',
      scope: forkContext(ctx),
      prescriptionDbId: event.subjectId,
      seq: event.seq,
      cursor: streamEventCursor(event.seq),
      type: event.type,
      at: event.createdAt,
      actorId: event.actorId,
      prescriptionId: toGlobalId('Prescription', event.subjectId),
    }));
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
