import type { HubModule } from '../../platform/hub-module.js';
import { Plugin, PluginApiKey, PluginEnablement, PluginManifestVersion, PluginWebhookSecret } from './plugin.entity.js';
import { PluginStreamCursor, PluginWebhookDelivery } from './plugin-webhook.entity.js';
import { PluginResolver } from './plugins.resolver.js';
import { WriteBackExplanationPluginResolver } from './explain.resolver.js';
import { pluginNode, pluginWebhookDeliveryNode } from './plugins.node.js';
import { startPluginWebhookWorker } from './webhooks.worker.js';
import type { InProcessPlugins } from './in-process.worker.js';

export { Plugin, PluginApiKey, PluginEnablement, PluginManifestVersion, PluginWebhookSecret } from './plugin.entity.js';
export { PluginStreamCursor, PluginWebhookDelivery } from './plugin-webhook.entity.js';
export { authenticatePluginKey } from './authenticate.service.js';
export { isApiKey } from './credentials.rules.js';
export {
  PluginWebhookWorker,
  startPluginWebhookWorker,
  type GivenUpDelivery,
  type OnGivenUp,
} from './webhooks.worker.js';
export { PluginErrors } from './plugins.errors.js';
export { PluginType } from './plugins.types.js';
export { toPluginType } from './plugins.mappers.js';
export {
  InProcessPlugins,
  inProcessAddress,
  type InProcessPlugin,
  type InProcessPluginEvent,
} from './in-process.worker.js';

/** The plugins module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const pluginsModule: HubModule = {
  name: 'plugins',
  entities: [
    Plugin,
    PluginManifestVersion,
    PluginEnablement,
    PluginApiKey,
    PluginWebhookSecret,
    PluginWebhookDelivery,
    PluginStreamCursor,
  ],
  resolvers: [PluginResolver, WriteBackExplanationPluginResolver],
  nodeFetchers: { Plugin: pluginNode, PluginWebhookDelivery: pluginWebhookDeliveryNode },
  workers: [
    {
      name: 'plugin-webhooks',
      inApi: (config) => config.pluginWebhooks.worker,
      start: (context) =>
        startPluginWebhookWorker({
          orm: context.orm,
          bus: context.bus,
          settings: context.config.pluginWebhooks,
          logger: context.logger,
          firstSweepDelayMs: context.firstSweepDelayMs,
          onGivenUp: context.pluginDeliveryGivenUp,
          // An app started with in-process plugins (`startApp({ inProcessPlugins })`) delivers to them.
          inProcess: (context.startOptions['plugin-webhooks'] as { inProcess?: InProcessPlugins } | undefined)
            ?.inProcess,
        }),
    },
  ],
};
export { pluginSubscribed } from './dispatch.worker.js';
