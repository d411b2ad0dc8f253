export { appendEvent, readStream, streamBounds, type EventInput, type StoredEvent } from './event-log.js';
export { InProcessEventBus, type EventBus, type StreamHint } from './event-bus.js';
export { EventLog, StreamHead } from './event-log.entity.js';
