import type { PluginManifest } from '@pcn-hub/schema';
import type { HubClient, HubClientOptions } from '../client/index.js';
import type { TestHub } from './testing.hub.js';

/** Options of {@link registerTestPlugin}. */
export interface RegisterTestPluginOptions {
  /**
   * Demo admins who enable the plugin for their organisation, e.g. `['hub.manager', 'p1.admin']`
   * (hub: Y99000; `pN.admin`: practice Y9901N). Default: the hub's manager only.
   */
  readonly enableAs?: readonly string[];
}

/** A plugin registered on a test hub, with the credentials a vendor would be given. */
export interface RegisteredTestPlugin {
  /** Global id of the plugin. */
  readonly id: string;
  readonly name: string;
  /** The API key (`pcnhub_...`), as shown once to the hub manager. */
  readonly apiKey: string;
  /** The key's public id (for rotation and revocation). */
  readonly apiKeyId: string;
  /** The webhook signing secret (`whsec_...`). */
  readonly webhookSecret: string;
  /** A client calling as the plugin for `organisation` (an ODS code that enabled it). */
  client(organisation: string, options?: Partial<HubClientOptions>): HubClient;
}

/**
 * Does on a test hub what a hub manager and organisation admins do for a real vendor: registers
 * the plugin (its first manifest approved), enables it for each admin's organisation, and makes
 * an API key. Everything goes through the hub's public GraphQL API.
 */
export async function registerTestPlugin(
  hub: TestHub,
  manifest: PluginManifest,
  options: RegisterTestPluginOptions = {},
): Promise<RegisteredTestPlugin> {
  const manager = hub.client('hub.manager');
  const registered = await manager.mutations.registerPlugin({ input: { manifest } });
  const id = registered.plugin.id;
  for (const admin of options.enableAs ?? ['hub.manager']) {
    await hub
      .client(admin)
      .request('mutation ($input: SetPluginEnabledInput!) { setPluginEnabled(input: $input) { plugin { id } } }', {
        input: { pluginId: id, enabled: true },
      });
  }
  const created = await manager.mutations.createPluginApiKey({ input: { pluginId: id, label: 'test' } });
  return {
    id,
    name: registered.plugin.name,
    apiKey: created.key,
    apiKeyId: created.apiKey.id,
    webhookSecret: registered.webhookSecret ?? '',
    client(organisation, clientOptions = {}) {
      // Made by the hub so that its stop() closes it.
      return hub.client(undefined, { apiKey: created.key, organisation, ...clientOptions });
    },
  };
}
