import { defineEntity, p } from '@mikro-orm/core';
import { WEBHOOK_DELIVERY_STATES } from './plugins.codes.js';
import { Plugin } from './plugin.entity.js';
import { createdAt, hubEntity } from '../../platform/db/properties.js';

/**
 * One event for one plugin. Created by the dispatcher from the event log; claimed by the delivery
 * worker under a lease; the `id` is the `webhook-id` on every attempt, so receivers de-duplicate.
 */
const PluginWebhookDeliverySchema = hubEntity(
  'PluginWebhookDelivery',
  'plugin_webhook_delivery',
  {
    plugin: () => p.manyToOne(Plugin).ref(),
    organisationId: p.uuid(),
    eventId: p.bigint('number'),
    eventType: p.string().length(80),
    state: p.enum(WEBHOOK_DELIVERY_STATES),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime(),
    leaseUntil: p.datetime().nullable(),
    lastError: p.string().length(500).nullable(),
    lastStatus: p.integer().nullable(),
    deliveredAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
  { uniques: [{ properties: ['plugin', 'eventId'] }], indexes: [{ properties: ['state', 'nextAttemptAt'] }] },
);
export class PluginWebhookDelivery extends PluginWebhookDeliverySchema.class {}
PluginWebhookDeliverySchema.setClass(PluginWebhookDelivery);

/** How far the dispatcher has read each stream (per-stream seqs are gap-free, so this is exact). */
const PluginStreamCursorSchema = defineEntity({
  name: 'PluginStreamCursor',
  tableName: 'plugin_stream_cursor',
  properties: {
    stream: p.string().length(100).primary(),
    seq: p.bigint('number'),
  },
});
export class PluginStreamCursor extends PluginStreamCursorSchema.class {}
PluginStreamCursorSchema.setClass(PluginStreamCursor);
