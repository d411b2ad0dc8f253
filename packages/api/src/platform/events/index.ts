export {
  appendEvent,
  appendEvents,
  appendToStreams,
  withAppendedEvents,
  appendedSeqs,
  APPENDED_HEADS,
  readStream,
  streamBounds,
  latestSeq,
  type EventInput,
  type StoredEvent,
} from './event-log.js';
export { InProcessEventBus, RESYNC_ALL_STREAMS, isResyncHint, type EventBus, type StreamHint } from './event-bus.js';
export { PgNotifyEventBus, PG_EVENT_CHANNEL, type PgNotifyEventBusOptions } from './event-bus.pg.js';
export { RedisEventBus, REDIS_EVENT_CHANNEL, type RedisEventBusOptions } from './event-bus.redis.js';
export { createEventBus, type EventBusSettings } from './event-bus.factory.js';
export { subscribeStream, type StreamMessage, type SubscribeStreamOptions } from './stream.subscription.js';
export { pruneEventLog, startEventPruner, type PruneOptions, type EventPrunerOptions } from './event-log.retention.js';
export { EventLog, StreamHead } from './event-log.entity.js';
export { streamAuthorizer, ACCOUNT_RECHECK_MS } from './stream.access.js';
export {
  StreamArgs,
  streamArgs,
  streamEventFields,
  expectOwnOrganisation,
  STREAM_HEARTBEAT_MS,
  type LiveStreamTypeNames,
  type StreamEvent,
} from './stream.types.js';
export {
  liveStreamResolver,
  type LiveStreamOptions,
  type StreamSubject,
  type StreamToFollow,
} from './stream.resolver.js';
