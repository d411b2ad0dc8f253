import { HubError } from '../../platform/errors.js';
import type { NodeFetcher, OwnRulesNodeFetcher } from '../../platform/graphql/node-fetcher.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { PluginWebhookDelivery } from './plugin-webhook.entity.js';
import { PluginErrors } from './plugins.errors.js';
import { toDeliveryType, toPluginType } from './plugins.mappers.js';
import { PluginService } from './plugins.service.js';

/** `node(id:)` for a Plugin: the same visibility as `plugin(id:)`; invisible answers null. */
export const pluginNode: OwnRulesNodeFetcher = {
  find: async (ctx, id) => {
    const staffMayView = ['HUB_MANAGER', 'HUB_ADMIN', 'PRACTICE_ADMIN'].some((role) =>
      ctx.actor.roles.has(role as never),
    );
    if (!staffMayView) return null;
    try {
      return toPluginType(await new PluginService(ctx).visible(id, 'id'));
    } catch (error) {
      if (error instanceof HubError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  },
};

/**
 * `node(id:)` for a PluginWebhookDelivery: `pluginWebhookDeliveries` (hub managers of the plugin's
 * PCN, or the plugin itself), any state.
 */
export const pluginWebhookDeliveryNode: NodeFetcher = {
  roles: ['HUB_MANAGER'],
  pluginFields: ['pluginWebhookDeliveries', 'redrivePluginWebhookDelivery'],
  fetch: async (ctx, globalId) => {
    const id = expectGlobalId(globalId, 'PluginWebhookDelivery', 'id');
    const delivery = await ctx.em.findOne(PluginWebhookDelivery, { id });
    if (!delivery) throw PluginErrors.deliveryNotFound(id);
    // Another PCN's plugin, or (for a plugin) another plugin: NOT_FOUND, answered null.
    await new PluginService(ctx).visible(delivery.plugin.id, 'id');
    return toDeliveryType(delivery);
  },
};
