import type { Client as WsClient } from 'graphql-ws';
import { HubApiError, HubNetworkError, type HubGraphQLError } from './client.errors.js';
import type { OperationInfo, Variables } from './client.operation.js';
import { retryDelay, type RetryPolicy } from './client.retry.js';

/** The hub said events after the cursor are no longer retained: reload state; later events follow. */
export interface ResyncNotice {
  /** The stream's latest seq: the events that follow come after it. */
  readonly latestSeq: number;
  /** Why, e.g. `CURSOR_OUTSIDE_RETENTION`. */
  readonly reason: string | null;
  /** The cursor the client asked to resume after. */
  readonly after: string | null;
}

/** A reconnection about to happen after the socket dropped. */
export interface ReconnectInfo {
  /** Consecutive failed connections so far (1 for the first reconnection). */
  readonly attempt: number;
  /** The cursor the subscription resumes after (null: it had seen no event yet). */
  readonly after: string | null;
  readonly delayMs: number;
  /** The close event or error that ended the previous connection. */
  readonly cause: unknown;
}

/** Callbacks of a subscription. Only `onEvent` is required. */
export interface SubscriptionHandlers<TMessage> {
  /** Every message in order, exactly once: events, heartbeats and resync notices alike. */
  onEvent(message: TMessage): void;
  /** The subscription ended with an error ({@link HubApiError} or {@link HubNetworkError}); nothing more follows. */
  onError?(error: Error): void;
  /** A RESYNC_REQUIRED message arrived (it is passed to `onEvent` too, just before). */
  onResync?(notice: ResyncNotice): void;
  /** The socket dropped; the client reconnects and resumes after the last cursor it saw. */
  onReconnect?(info: ReconnectInfo): void;
  /** The hub ended the stream normally. */
  onComplete?(): void;
}

/** Stops a subscription: no callback is called after it returns. */
export type Unsubscribe = () => void;

/** WebSocket close codes after which reconnecting cannot help: the hub refused this client. */
const FATAL_CLOSE_CODES: ReadonlyMap<number, HubApiError['code']> = new Map([
  [4400, 'BAD_USER_INPUT'],
  [4401, 'UNAUTHENTICATED'],
  [4403, 'FORBIDDEN'],
  [4406, 'BAD_USER_INPUT'],
  [4409, 'CONFLICT'],
  [4429, 'SERVICE_UNAVAILABLE'],
  [4500, 'INTERNAL_SERVER_ERROR'],
]);

/** A socket-level ending as a HubApiError when it is final, or null when reconnecting may help. */
function fatalError(cause: unknown): HubApiError | null {
  if (Array.isArray(cause)) {
    const error = new HubApiError(cause as HubGraphQLError[]);
    return error.code === 'SERVICE_UNAVAILABLE' ? null : error;
  }
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'number') {
    const code = FATAL_CLOSE_CODES.get(cause.code);
    const reason = 'reason' in cause && typeof cause.reason === 'string' && cause.reason ? cause.reason : 'closed';
    return code ? new HubApiError([{ message: `WebSocket ${cause.code}: ${reason}`, extensions: { code } }]) : null;
  }
  return null;
}

interface StreamFacts {
  readonly typename: string | null;
  readonly cursor: string | null;
  readonly seq: number | null;
  readonly latestSeq: number | null;
  readonly reason: string | null;
}

/** The root field's message: an event carries `cursor` and `seq`; a resync notice is `*ResyncRequired`. */
function factsOf(data: unknown, info: OperationInfo): StreamFacts {
  const field = info.rootFields[0];
  const message =
    field && typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[field.responseName] : null;
  const value = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
  return {
    typename: typeof value.__typename === 'string' ? value.__typename : null,
    cursor: typeof value.cursor === 'string' ? value.cursor : null,
    seq: typeof value.seq === 'number' ? value.seq : null,
    latestSeq: typeof value.latestSeq === 'number' ? value.latestSeq : null,
    reason: typeof value.reason === 'string' ? value.reason : null,
  };
}

/**
 * Follows one subscription across dropped connections. It remembers the cursor of the last event
 * delivered; when the socket drops it reconnects with jittered backoff and subscribes again with
 * `after: <that cursor>`, so the hub replays what was missed. Events are delivered in seq order
 * and at most once (an event at or below the last seq seen is skipped), so with the hub's replay
 * every event arrives exactly once. Resuming needs the document to declare `$after`; without it
 * a dropped connection ends the subscription with an error rather than skip events silently.
 */
export function subscribeResumable<TData>(
  connect: () => WsClient,
  policy: RetryPolicy,
  info: OperationInfo,
  variables: Variables | undefined,
  handlers: SubscriptionHandlers<TData>,
): Unsubscribe {
  if (info.kind !== 'subscription')
    throw new TypeError('subscribe() takes a subscription document; use request() for queries and mutations');
  const resumable = info.variables.has('after');
  let after = typeof variables?.after === 'string' ? variables.after : null;
  let lastSeq: number | null = null;
  let failures = 0;
  let stopped = false;
  let dispose: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const stop = (): void => {
    stopped = true;
    if (timer) clearTimeout(timer);
    dispose?.();
  };
  const finish = (error?: Error): void => {
    if (stopped) return;
    stop();
    if (error) handlers.onError?.(error);
    else handlers.onComplete?.();
  };
  const reconnect = (cause: unknown): void => {
    if (stopped) return;
    failures += 1;
    if (!resumable || failures >= policy.attempts) {
      const why = resumable
        ? `after ${failures} failed connection(s)`
        : 'and the document declares no $after variable to resume from';
      finish(new HubNetworkError(`The subscription's connection dropped ${why}`, { cause, attempts: failures }));
      return;
    }
    const delayMs = retryDelay(policy, failures);
    handlers.onReconnect?.({ attempt: failures, after, delayMs, cause });
    timer = setTimeout(start, delayMs);
  };
  const deliver = (data: TData): void => {
    const facts = factsOf(data, info);
    if (facts.cursor !== null && facts.seq !== null) {
      // A replay overlapping what was already delivered: never hand an event over twice.
      if (lastSeq !== null && facts.seq <= lastSeq) return;
      lastSeq = facts.seq;
      after = facts.cursor;
    }
    handlers.onEvent(data);
    if (facts.typename?.endsWith('ResyncRequired') && facts.latestSeq !== null) {
      handlers.onResync?.({ latestSeq: facts.latestSeq, reason: facts.reason, after });
    }
  };
  function start(): void {
    timer = null;
    if (stopped) return;
    // One connection attempt's callbacks; a late call from an attempt already given up is ignored.
    let ended = false;
    const end = (): boolean => {
      if (stopped || ended) return false;
      ended = true;
      return true;
    };
    dispose = connect().subscribe<TData>(
      {
        query: info.text,
        variables: resumable && after !== null ? { ...variables, after } : { ...variables },
        ...(info.name ? { operationName: info.name } : {}),
      },
      {
        next: (result) => {
          if (stopped || ended) return;
          if (result.errors?.length) {
            if (!end()) return;
            dispose?.();
            const error = new HubApiError(result.errors);
            if (error.code === 'SERVICE_UNAVAILABLE') reconnect(error);
            else finish(error);
            return;
          }
          failures = 0;
          try {
            deliver(result.data as TData);
          } catch (error) {
            // A throwing handler ends the subscription: carrying on would pretend it was handled.
            end();
            finish(error instanceof Error ? error : new Error(String(error)));
          }
        },
        error: (cause) => {
          if (!end()) return;
          const fatal = fatalError(cause);
          if (fatal) finish(fatal);
          else reconnect(cause);
        },
        complete: () => {
          if (end()) finish();
        },
      },
    );
  }
  start();
  return stop;
}
