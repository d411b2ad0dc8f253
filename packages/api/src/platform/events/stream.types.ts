import { ArgsType, createUnionType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from '../context.js';
import { normaliseOdsCode, OdsCodeScalar } from '@pcn-hub/schema';
import { Errors, HubError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../graphql/relay.js';
import { DateTime } from '../graphql/scalars.js';
import type { StoredEvent } from './event-log.js';
import { streamAuthorizer } from './stream.access.js';
import { subscribeStream, type StreamMessage } from './stream.subscription.js';

/** Idle time before a heartbeat, on every live stream. */
export const STREAM_HEARTBEAT_MS = 15_000;

/** The resume point of an event: pass it back as `after`. */
export function streamEventCursor(seq: number): string {
  return encodeCursor([seq]);
}

/** `after` is {@link streamEventCursor}'s; anything else is BAD_USER_INPUT on `after`. */
export function parseStreamCursor(after: string | null | undefined): number | null {
  if (after === null || after === undefined) return null;
  const [seq] = decodeCursor(after, ['int'], 'after');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)
    throw Errors.badInput('after', 'after is not a valid cursor');
  return seq;
}

/**
 * The fields every live stream event type shares (`seq`, `cursor`, `at`, `actorId`), as an
 * abstract base its `@ObjectType` extends (`event`: that type's name, also its static `typename`);
 * `seq` says whose stream it is. Besides them, what the server keeps of an event: its own `scope`
 * and the database id of its subject.
 */
export function streamEventFields(describe: {
  readonly event: string;
  readonly seq: string;
  readonly actorId?: string;
}) {
  // type-graphql passes fields down from a registered object type only; this one is never
  // referenced, so it stays out of the schema.
  @ObjectType(`${describe.event}Fields`)
  abstract class StreamEventFields {
    static readonly typename = describe.event;
    /** This event's own scope (EntityManager fork, audit), made on first use: most selections never need it. */
    scope!: () => RequestContext;
    /** Database id of the event's subject (`StoredEvent.subjectId`). */
    subjectDbId!: string;
    @Field(() => Int, { description: describe.seq })
    seq!: number;
    @Field(() => String, { description: 'Resume point: pass as `after` to receive the events after this one.' })
    cursor!: string;
    @Field(() => DateTime, { description: 'When it was recorded.' })
    at!: Date;
    @Field(() => String, { nullable: true, description: describe.actorId ?? 'Actor id of who did it.' })
    actorId!: string | null;
  }
  return StreamEventFields;
}

/** An event of a live stream as the server holds it: the shared fields of {@link streamEventFields}. */
export type StreamEvent = InstanceType<ReturnType<typeof streamEventFields>>;

/**
 * A stream of the viewer's own organisation only: another organisation's ODS code is NOT_FOUND on
 * `organisation` (`what`: e.g. `Referral stream`), exactly like a stream that does not exist.
 */
export function expectOwnOrganisation(ctx: AuthenticatedContext, odsCode: string, what: string): string {
  if (normaliseOdsCode(odsCode) !== ctx.actor.organisationOds) {
    throw new HubError('NOT_FOUND', `${what} not found`, { field: 'organisation' });
  }
  return ctx.actor.organisationId;
}

/**
 * The arguments of a subscription to one organisation's stream, `organisation` described as
 * `organisation` says (`StreamArgs`: the viewer's own organisation).
 */
export function streamArgs(organisation: string) {
  @ArgsType()
  class OrganisationStreamArgs {
    @Field(() => OdsCodeScalar, { description: organisation })
    organisation!: string;
    @Field(() => String, { nullable: true, description: 'Cursor of the last event received; omit to start live.' })
    after?: string | null;
  }
  return OrganisationStreamArgs;
}

/** The arguments of a subscription to the viewer's own organisation's stream. */
export const StreamArgs = streamArgs("ODS code of the viewer's own organisation.");
export type StreamArgs = InstanceType<typeof StreamArgs>;

/** A heartbeat of a live stream, as GraphQL sees it. */
export interface StreamHeartbeat {
  readonly __typename: string;
  latestSeq: number;
  at: Date;
}

/** A resync notice of a live stream, as GraphQL sees it. */
export interface StreamResyncRequired {
  readonly __typename: string;
  latestSeq: number;
  reason: string;
}

/** The names and wording of one module's live stream types. */
export interface LiveStreamTypeNames<TEvent extends object> {
  /** The module's event object type (an `@ObjectType` class whose instances carry `__typename`). */
  readonly event: ClassType<TEvent> & { readonly typename: string };
  /** GraphQL name of the heartbeat type, e.g. `InboxHeartbeat`. */
  readonly heartbeat: string;
  /** GraphQL name of the resync type, e.g. `InboxResyncRequired`. */
  readonly resync: string;
  /** What the client reloads on a resync, e.g. `reload the inbox, then`. */
  readonly reload: string;
  /** GraphQL name of the union, e.g. `InboxStreamMessage`. */
  readonly union: string;
  /** What one message is, e.g. `an inbox live stream`. */
  readonly of: string;
}

/**
 * One module's live stream types: its event type (declared by the module), a heartbeat type, a
 * resync type and the union of the three; `toMessage` turns a {@link StreamMessage} into one of
 * them with the module's own mapping of an event.
 */
export function liveStreamTypes<TEvent extends object>(names: LiveStreamTypeNames<TEvent>) {
  @ObjectType(names.heartbeat, { description: 'Nothing happened for a while; the stream is alive.' })
  class Heartbeat implements StreamHeartbeat {
    readonly __typename: string = names.heartbeat;
    @Field(() => Int, { description: 'The latest seq of the stream.' })
    latestSeq!: number;
    @Field(() => DateTime, { description: 'When.' })
    at!: Date;
  }

  @ObjectType(names.resync, {
    description: `The events after your cursor are no longer retained: ${names.reload} expect the events after latestSeq.`,
  })
  class ResyncRequired implements StreamResyncRequired {
    readonly __typename: string = names.resync;
    @Field(() => Int, { description: 'The stream position the events that follow continue from.' })
    latestSeq!: number;
    @Field(() => String, { description: 'Why.' })
    reason!: string;
  }

  const Message = createUnionType({
    name: names.union,
    description: `One message of ${names.of}.`,
    types: () => [names.event, Heartbeat, ResyncRequired] as const,
    resolveType: (value) => (value as { __typename: string }).__typename,
  });

  function toMessage(
    message: StreamMessage,
    toEvent: (event: StoredEvent) => TEvent,
  ): TEvent | StreamHeartbeat | StreamResyncRequired {
    switch (message.kind) {
      case 'EVENT':
        return toEvent(message.event);
      case 'HEARTBEAT':
        return { __typename: names.heartbeat, latestSeq: message.latestSeq, at: message.at };
      case 'RESYNC_REQUIRED':
        return { __typename: names.resync, latestSeq: message.latestSeq, reason: 'CURSOR_OUTSIDE_RETENTION' };
      default: {
        const never: never = message;
        return never;
      }
    }
  }

  return { Heartbeat, ResyncRequired, Message, toMessage };
}

/**
 * Follows `stream` for an authenticated subscriber: replay after `afterSeq`, then live, with the
 * per-event check of {@link streamAuthorizer} (the module's `allowed` rule, token expiry, account
 * still active) and, when given, `stillFollowing` after it.
 */
export function followStream(
  ctx: AuthenticatedContext,
  options: {
    readonly stream: string;
    readonly afterSeq: number | null;
    readonly allowed: () => boolean;
    readonly accountActive: (actorId: string) => Promise<boolean>;
    readonly stillFollowing?: () => Promise<boolean>;
  },
): AsyncIterableIterator<StreamMessage> {
  const { stillFollowing } = options;
  const authorize = streamAuthorizer({
    actor: ctx.actor,
    allowed: options.allowed,
    accountActive: options.accountActive,
  });
  return subscribeStream({
    stream: options.stream,
    afterSeq: options.afterSeq,
    bus: ctx.events,
    orm: ctx.orm,
    authorize: stillFollowing ? async () => (await authorize()) && (await stillFollowing()) : authorize,
    heartbeatMs: STREAM_HEARTBEAT_MS,
    logger: ctx.logger,
  });
}
