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
    __typename: 'Plugin',
    id: toGlobalId('Plugin', p.id),
    dbId: p.id,
    name: p.name,
    displayName: p.displayName,
    vendor: p.vendor,
    state: p.state,
    approvedVersion: p.approvedVersion,
    scopes: [...p.scopes],
    events: [...p.events],
    webhookUrl: p.webhookUrl ?? null,
    registeredBy: p.registeredBy,
    createdAt: p.createdAt,
  };
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function toManifestVersionType(v: PluginManifestVersion): PluginManifestVersionType {
  const m = v.manifest;
  return {
    number: v.number,
    state: v.state,
    version: String(m.version),
    sdkContractVersion: String(m.sdkContractVersion),
    description: String(m.description),
    scopes: list(m.scopes),
    producesCodes: list(m.producesCodes),
    producesEntryKinds: list(m.producesEntryKinds),
    webhookUrl: typeof m.webhookUrl === 'string' ? m.webhookUrl : null,
    events: list(m.events),
    submittedBy: v.submittedBy,
    submittedAt: v.submittedAt,
    decidedBy: v.decidedBy ?? null,
    decidedAt: v.decidedAt ?? null,
    reason: v.reason ?? null,
  };
}

export function keyStatus(k: PluginApiKey, now = Date.now()): string {
  if (k.revokedAt) return 'REVOKED';
  if (k.expiresAt) return k.expiresAt.getTime() <= now ? 'EXPIRED' : 'ROTATING';
  return 'ACTIVE';
}

export function toApiKeyType(k: PluginApiKey): PluginApiKeyType {
  return {
    id: k.id,
    label: k.label,
    status: keyStatus(k),
    createdAt: k.createdAt,
    createdBy: k.createdBy,
    expiresAt: k.expiresAt ?? null,
    revokedAt: k.revokedAt ?? null,
    rotatedTo: k.rotatedTo ?? null,
  };
}

export function toDeliveryType(d: PluginWebhookDelivery): PluginWebhookDeliveryType {
  return {
    __typename: 'PluginWebhookDelivery',
    id: toGlobalId('PluginWebhookDelivery', d.id),
    webhookId: d.id,
    eventType: d.eventType,
    state: d.state,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastStatus: d.lastStatus ?? null,
    lastError: d.lastError ?? null,
    deliveredAt: d.deliveredAt ?? null,
    createdAt: d.createdAt,
  };
}
