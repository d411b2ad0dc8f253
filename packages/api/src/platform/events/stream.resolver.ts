import { Args, Authorized, Ctx, FieldResolver, Resolver, Root, Subscription, type ClassType } from 'type-graphql';
import type { AuditEntry } from '../audit/audit.log.js';
import type { Orm } from '../db/orm.js';
import { authenticated } from '../auth/auth-context.js';
import { PluginScope, type PluginAccess } from '../auth/plugin-scope.js';
import type { Role } from '../auth/roles.js';
import { forkContext, type AuthenticatedContext, type RequestContext } from '../context.js';
import type { StoredEvent } from './event-log.js';
import type { StreamMessage } from './stream.subscription.js';
import {
  followStream,
  liveStreamTypes,
  parseStreamCursor,
  streamEventCursor,
  StreamArgs,
  type LiveStreamTypeNames,
  type StreamEvent,
} from './stream.types.js';

/** The stream a subscriber's arguments name, and the rule checked now and before every event. */
export interface StreamToFollow {
  readonly stream: string;
  readonly allowed: () => boolean;
  /** A further per-event check after `allowed` (e.g. a practice still sharing its inbox). */
  readonly stillFollowing?: () => Promise<boolean>;
}

/** A field of the event that reads its subject as it is now, for the viewer; audited. */
export interface StreamSubject<TEvent extends StreamEvent, TValue extends object> {
  /** Schema name of the field, e.g. `referral`. */
  readonly field: string;
  readonly type: () => ClassType<TValue>;
  readonly description: string;
  /**
   * The subject (by `event.subjectDbId`) if the viewer may see it now, with the audit entry of the
   * read; null when it is gone or no longer visible (nothing is audited then).
   */
  readonly read: (scope: AuthenticatedContext, event: TEvent) => Promise<{ value: TValue; audit: AuditEntry } | null>;
}

/** One module's live stream subscription, declared once: see {@link liveStreamResolver}. */
export interface LiveStreamOptions<TEvent extends StreamEvent, TArgs extends StreamArgs, TSubject extends object> {
  /** Schema name of the subscription, e.g. `referralEvents`. */
  readonly field: string;
  readonly description: string;
  /** Who may subscribe (`@Authorized`). */
  readonly roles: readonly Role[];
  /** Opens the subscription to plugins holding this scope. */
  readonly pluginScope?: PluginAccess;
  /** The names and wording of the stream's types ({@link liveStreamTypes}). */
  readonly types: LiveStreamTypeNames<TEvent>;
  /** The arguments' type; {@link StreamArgs} unless the organisation is described otherwise. */
  readonly args?: ClassType<TArgs>;
  /** Whether a staff account is still active (checked again while the stream is followed). */
  readonly accountActive: (orm: Orm) => (actorId: string) => Promise<boolean>;
  /** The stream the arguments name and who may follow it; throws when the viewer may not. */
  readonly follow: (ctx: AuthenticatedContext, args: TArgs) => StreamToFollow | Promise<StreamToFollow>;
  /** The module's own fields of an event (the shared ones, `scope` and `subjectDbId` are filled in). */
  readonly toEvent: (event: StoredEvent, ctx: RequestContext) => Omit<TEvent, keyof StreamEvent | '__typename'>;
  readonly subject?: StreamSubject<TEvent, TSubject>;
}

/** Memoises `make`: per-event work is done once, and only when a selected field asks for it. */
function lazily<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/**
 * The resolver of one module's live stream: the subscription (named `field`, its access rule, its
 * arguments; `after` read with `parseStreamCursor`, the stream followed with `followStream`), the
 * event mapping around the module's own fields, and the audited field that reads the event's
 * subject as it is now. Each event gets its own scope (`forkContext`), made on first use.
 */
export function liveStreamResolver<
  TEvent extends StreamEvent,
  TArgs extends StreamArgs = StreamArgs,
  TSubject extends object = never,
>(options: LiveStreamOptions<TEvent, TArgs, TSubject>): ClassType {
  const { Message, toMessage } = liveStreamTypes(options.types);
  const typename = options.types.event.typename;
  const ArgsType = options.args ?? StreamArgs;
  const noDecorator: MethodDecorator = () => undefined;

  @Resolver(() => options.types.event)
  class LiveStreamResolver {
    @Authorized(...options.roles)
    @(options.pluginScope ? PluginScope(options.pluginScope) : noDecorator)
    @Subscription(() => Message, {
      description: options.description,
      subscribe: async ({ args, context }) => {
        const ctx = authenticated(context as RequestContext);
        const afterSeq = parseStreamCursor((args as TArgs).after);
        const toFollow = await options.follow(ctx, args as TArgs);
        return followStream(ctx, { ...toFollow, afterSeq, accountActive: options.accountActive(ctx.orm) });
      },
    })
    [options.field](@Root() message: StreamMessage, @Args(() => ArgsType) _args: TArgs, @Ctx() ctx: RequestContext) {
      return toMessage(
        message,
        (event) =>
          ({
            ...options.toEvent(event, ctx),
            __typename: typename,
            scope: lazily(() => forkContext(ctx)),
            subjectDbId: event.subjectId,
            seq: event.seq,
            cursor: streamEventCursor(event.seq),
            at: event.createdAt,
            actorId: event.actorId,
          }) as unknown as TEvent,
      );
    }
  }

  const { subject } = options;
  if (subject) {
    // A field resolver of a name given at run time: declared as the decorators would declare it.
    const prototype = LiveStreamResolver.prototype as unknown as Record<string, unknown>;
    prototype[subject.field] = async (event: TEvent): Promise<TSubject | null> => {
      const scope = event.scope();
      if (!scope.actor) return null;
      const seen = await subject.read(scope as AuthenticatedContext, event);
      if (!seen) return null;
      await scope.audit.recordNow(scope.em, [seen.audit]);
      return seen.value;
    };
    Root()(prototype, subject.field, 0);
    FieldResolver(subject.type, { nullable: true, description: subject.description })(
      prototype,
      subject.field,
      Object.getOwnPropertyDescriptor(prototype, subject.field)!,
    );
  }
  Object.defineProperty(LiveStreamResolver, 'name', { value: `${typename}SubscriptionResolver` });
  return LiveStreamResolver;
}
