import { defineEntity, p } from '@mikro-orm/core';
import { createdAt } from '../db/properties.js';

/**
 * The durable event log: the transactional outbox and the replay source of every live stream.
 * `seq` is per stream, gap-free, and assigned under the stream's head-row lock, so seq order is
 * commit order (see event-log.ts).
 */
const EventLogSchema = defineEntity({
  name: 'EventLog',
  tableName: 'event_log',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    stream: p.string().length(100),
    seq: p.bigint('number'),
    type: p.string().length(60),
    subjectType: p.string().length(50),
    subjectId: p.string().length(100),
    actorId: p.string().length(100).nullable(),
    /** Ids and coded values only, never patient data. */
    payload: p.json<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  uniques: [{ properties: ['stream', 'seq'] }],
});

export class EventLog extends EventLogSchema.class {}
EventLogSchema.setClass(EventLog);

const StreamHeadSchema = defineEntity({
  name: 'StreamHead',
  tableName: 'stream_head',
  properties: {
    stream: p.string().length(100).primary(),
    seq: p.bigint('number'),
  },
});

export class StreamHead extends StreamHeadSchema.class {}
StreamHeadSchema.setClass(StreamHead);
