import { definePlugin } from '@pcn-hub/sdk/plugin';

/** The plugin's name: the hub records it as the reporter of each EPS outcome. */
export const EPS_PLUGIN_NAME = 'eps';

/**
 * The plugin's manifest: it receives the hub's `eps.*` events (a message to send), reads each
 * message with `eps:send` (the FHIR Bundle carries the patient's identity, as EPS needs) and reports
 * what EPS answered. Enabled by the hub only. The webhook URL is the deployment's:
 * {@link epsManifestWith}.
 */
export const epsManifest = definePlugin({
  name: EPS_PLUGIN_NAME,
  displayName: 'Electronic Prescription Service',
  vendor: 'pcn-hub (first party)',
  version: '0.1.0',
  description:
    "Sends the hub's EPS messages (the prescription-order of an issued prescription, the prescription-order-update " +
    'of its cancellation) to the Electronic Prescription Service and reports what EPS answered to the hub.',
  scopes: ['eps:send', 'events:read'],
  producesCodes: [],
  producesEntryKinds: [],
  events: ['eps.*'],
});

/** The manifest with the deployment's webhook URL (https, or http to a loopback address for development). */
export function epsManifestWith(options: { readonly webhookUrl: string }): typeof epsManifest {
  return definePlugin({ ...epsManifest, webhookUrl: options.webhookUrl });
}
