import { defineEntity, p } from '@mikro-orm/core';
import type { PluginScope } from '@pcn-hub/schema';
import { Organisation } from '../organisations/index.js';
import { MANIFEST_STATES, PLUGIN_STATES } from './plugins.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * A third-party (or first-party) producer registered in a PCN. Its `name` is the source product
 * its consultation entries carry. What it may do comes from its latest APPROVED manifest version,
 * copied here on approval so authentication reads one row.
 */
const PluginSchema = hubEntity('Plugin', 'plugin', {
  pcn: () => p.manyToOne(Organisation).ref().index(),
  name: p.string().length(64).unique(),
  displayName: p.string().length(100),
  vendor: p.string().length(100),
  state: p.enum(PLUGIN_STATES),
  approvedVersion: p.integer(),
  scopes: p.json<PluginScope[]>(),
  events: p.json<string[]>(),
  webhookUrl: p.string().length(2000).nullable(),
  registeredBy: p.string().length(100),
  revision: p.integer().version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export class Plugin extends PluginSchema.class {}
PluginSchema.setClass(Plugin);

/** Every manifest a plugin has submitted, in order; the approved one governs. */
const PluginManifestVersionSchema = hubEntity(
  'PluginManifestVersion',
  'plugin_manifest_version',
  {
    plugin: () => p.manyToOne(Plugin).ref().index(),
    number: p.integer(),
    manifest: p.json<Record<string, unknown>>(),
    state: p.enum(MANIFEST_STATES),
    submittedBy: p.string().length(100),
    submittedAt: createdAt(),
    decidedBy: p.string().length(100).nullable(),
    decidedAt: p.datetime().nullable(),
    reason: p.string().length(500).nullable(),
  },
  { uniques: [{ properties: ['plugin', 'number'] }] },
);
export class PluginManifestVersion extends PluginManifestVersionSchema.class {}
PluginManifestVersionSchema.setClass(PluginManifestVersion);

/** An organisation's admin let the plugin act for it (and see its events). */
const PluginEnablementSchema = hubEntity(
  'PluginEnablement',
  'plugin_enablement',
  {
    plugin: () => p.manyToOne(Plugin).ref(),
    organisation: () => p.manyToOne(Organisation).ref().index(),
    enabled: p.boolean(),
    changedBy: p.string().length(100),
    changedAt: createdAt(),
  },
  { uniques: [{ properties: ['plugin', 'organisation'] }] },
);
export class PluginEnablement extends PluginEnablementSchema.class {}
PluginEnablementSchema.setClass(PluginEnablement);

/** An API key: only the SHA-256 of its secret is kept. Rotation sets the old key's `expiresAt`. */
const PluginApiKeySchema = defineEntity({
  name: 'PluginApiKey',
  tableName: 'plugin_api_key',
  properties: {
    id: p.string().length(32).primary(),
    plugin: () => p.manyToOne(Plugin).ref().index(),
    secretHash: p.string().length(64),
    label: p.string().length(100),
    createdBy: p.string().length(100),
    createdAt: createdAt(),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    revokedBy: p.string().length(100).nullable(),
    rotatedTo: p.string().length(32).nullable(),
  },
});
export class PluginApiKey extends PluginApiKeySchema.class {}
PluginApiKeySchema.setClass(PluginApiKey);

/**
 * A webhook signing secret. Kept in clear because the hub must sign with it; during rotation the
 * old one stays valid until `expiresAt` and deliveries carry both signatures.
 */
const PluginWebhookSecretSchema = hubEntity('PluginWebhookSecret', 'plugin_webhook_secret', {
  plugin: () => p.manyToOne(Plugin).ref().index(),
  secret: p.string().length(200),
  createdAt: createdAt(),
  expiresAt: p.datetime().nullable(),
});
export class PluginWebhookSecret extends PluginWebhookSecretSchema.class {}
PluginWebhookSecretSchema.setClass(PluginWebhookSecret);
