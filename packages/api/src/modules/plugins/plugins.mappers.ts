import { fieldsOf, nodeFields } from '../../platform/graphql/fields.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import type { Plugin, PluginApiKey, PluginManifestVersion } from './plugin.entity.js';
import type { PluginWebhookDelivery } from './plugin-webhook.entity.js';
import type {
  PluginApiKeyType,
  PluginManifestVersionType,
  PluginType,
  PluginWebhookDeliveryType,
} from './plugins.types.js';

export function toPluginType(p: Plugin): PluginType {
  return {
    ...nodeFields('Plugin', p.id),
    ...fieldsOf(p, [
      'name',
      'displayName',
      'vendor',
      'state',
      'approvedVersion',
      'webhookUrl',
      'registeredBy',
      'createdAt',
    ]),
    scopes: [...p.scopes],
    events: [...p.events],
  };
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function toManifestVersionType(v: PluginManifestVersion): PluginManifestVersionType {
  const m = v.manifest;
  return {
    ...fieldsOf(v, ['number', 'state', 'submittedBy', 'submittedAt', 'decidedBy', 'decidedAt', 'reason']),
    version: String(m.version),
    sdkContractVersion: String(m.sdkContractVersion),
    description: String(m.description),
    scopes: list(m.scopes),
    producesCodes: list(m.producesCodes),
    producesEntryKinds: list(m.producesEntryKinds),
    webhookUrl: typeof m.webhookUrl === 'string' ? m.webhookUrl : null,
    events: list(m.events),
  };
}

export function keyStatus(k: PluginApiKey, now = Date.now()): string {
  if (k.revokedAt) return 'REVOKED';
  if (k.expiresAt) return k.expiresAt.getTime() <= now ? 'EXPIRED' : 'ROTATING';
  return 'ACTIVE';
}

export function toApiKeyType(k: PluginApiKey): PluginApiKeyType {
  return {
    ...fieldsOf(k, ['id', 'label', 'createdAt', 'createdBy', 'expiresAt', 'revokedAt', 'rotatedTo']),
    status: keyStatus(k),
  };
}

export function toDeliveryType(d: PluginWebhookDelivery): PluginWebhookDeliveryType {
  return {
    ...fieldsOf(d, [
      'eventType',
      'state',
      'attempts',
      'nextAttemptAt',
      'lastStatus',
      'lastError',
      'deliveredAt',
      'createdAt',
    ]),
    __typename: 'PluginWebhookDelivery',
    id: toGlobalId('PluginWebhookDelivery', d.id),
    webhookId: d.id,
  };
}
