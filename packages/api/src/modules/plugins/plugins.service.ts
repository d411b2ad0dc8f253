import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { PluginManifest } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../platform/context.js';
import type { Em } from '../../platform/db/orm.js';
import { Errors } from '../../platform/errors.js';
import { runIdempotent } from '../../platform/idempotency/index.js';
import { uuidv7 } from '../../platform/ids.js';
import { newSigningSecret } from '../../platform/webhooks/standard-webhooks.js';
import { Organisation } from '../organisations/index.js';
import { Plugin, PluginApiKey, PluginEnablement, PluginManifestVersion, PluginWebhookSecret } from './plugin.entity.js';
import type { PluginState } from './plugins.codes.js';
import { mintApiKey } from './credentials.rules.js';
import { PluginErrors } from './plugins.errors.js';
import { addedScopes, checkedManifest, type ManifestInput } from './manifest.validation.js';

const MAX_OVERLAP_MINUTES = 7 * 24 * 60;

function overlapMs(minutes: number | null | undefined, field: string): number {
  const value = minutes ?? 24 * 60;
  if (!Number.isInteger(value) || value < 0 || value > MAX_OVERLAP_MINUTES) throw PluginErrors.badOverlap(field);
  return value * 60_000;
}

function applyManifest(plugin: Plugin, manifest: PluginManifest, number: number): void {
  plugin.displayName = manifest.displayName;
  plugin.vendor = manifest.vendor;
  plugin.scopes = [...manifest.scopes];
  plugin.events = [...manifest.events];
  plugin.webhookUrl = manifest.webhookUrl ?? null;
  plugin.approvedVersion = number;
}

/**
 * Registration, manifests, enablement and credentials. Hub managers of the PCN govern plugins;
 * organisation admins enable them for their own organisation; a plugin may act on its own
 * registration (new manifest, key and secret rotation) with its key. Every change is audited.
 */
export class PluginService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private get actor() {
    return this.ctx.actor;
  }

  /** The plugin if the viewer may see it: staff of its PCN, or the plugin itself. Else NOT_FOUND. */
  async visible(id: string, field = 'input.pluginId', em: Em = this.ctx.em): Promise<Plugin> {
    const plugin = await em.findOne(Plugin, { id });
    if (!plugin || plugin.pcn.id !== this.actor.pcnId) throw PluginErrors.notFound(id, field);
    if (this.actor.plugin && this.actor.plugin.id !== plugin.id) throw PluginErrors.notFound(id, field);
    return plugin;
  }

  /** As {@link visible}, for changes: staff must be hub managers (the resolver has checked roles). */
  private async governed(em: Em, id: string, field = 'input.pluginId'): Promise<Plugin> {
    return this.visible(id, field, em);
  }

  async list(): Promise<Plugin[]> {
    if (this.actor.plugin) return [await this.visible(this.actor.plugin.id)];
    return this.ctx.em.find(Plugin, { pcn: this.actor.pcnId }, { orderBy: { name: 'asc' } });
  }

  async register(input: {
    manifest: ManifestInput;
    idempotencyKey?: string | null;
  }): Promise<{ plugin: Plugin; webhookSecret: string | null }> {
    const manifest = checkedManifest(input.manifest);
    const secret = newSigningSecret();
    try {
      const { result, replayed } = await runIdempotent(
        this.ctx.em,
        { actorId: this.actor.id, key: input.idempotencyKey, operation: 'registerPlugin', input },
        async (em) => {
          const plugin = em.create(Plugin, {
            id: uuidv7(),
            pcn: em.getReference(Organisation, this.actor.pcnId),
            name: manifest.name,
            displayName: manifest.displayName,
            vendor: manifest.vendor,
            state: 'ACTIVE',
            approvedVersion: 1,
            scopes: [...manifest.scopes],
            events: [...manifest.events],
            webhookUrl: manifest.webhookUrl ?? null,
            registeredBy: this.actor.id,
          });
          em.create(PluginManifestVersion, {
            plugin,
            number: 1,
            manifest: { ...manifest },
            state: 'APPROVED',
            submittedBy: this.actor.id,
            decidedBy: this.actor.id,
            decidedAt: new Date(),
          });
          em.create(PluginWebhookSecret, { plugin, secret });
          this.ctx.audit.record(em, { action: 'registerPlugin', subjectType: 'Plugin', subjectId: plugin.id });
          return plugin;
        },
        { resultId: (p) => p.id, replay: (id) => this.ctx.em.fork().findOneOrFail(Plugin, { id }) },
      );
      // The signing secret is shown once: a replay does not show it again.
      return { plugin: result, webhookSecret: replayed ? null : secret };
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw PluginErrors.nameTaken(manifest.name);
      throw error;
    }
  }

  /** A new manifest version: approved at once unless it asks for scopes not granted before. */
  async submitManifest(input: {
    plugin: string;
    manifest: ManifestInput;
    idempotencyKey?: string | null;
  }): Promise<PluginManifestVersion> {
    const manifest = checkedManifest(input.manifest);
    const request = { actorId: this.actor.id, key: input.idempotencyKey, operation: 'submitPluginManifest', input };
    const { result } = await runIdempotent(
      this.ctx.em,
      request,
      async (em) => {
        const plugin = await this.governed(em, input.plugin);
        if (manifest.name !== plugin.name) throw PluginErrors.renamed();
        const versions = await em.find(PluginManifestVersion, { plugin }, { orderBy: { number: 'desc' } });
        if (versions.some((v) => v.manifest.version === manifest.version))
          throw PluginErrors.versionReused(manifest.version);
        const number = (versions[0]?.number ?? 0) + 1;
        const needsApproval = addedScopes(plugin.scopes, manifest.scopes).length > 0;
        for (const v of versions) if (v.state === 'PENDING_APPROVAL') v.state = 'SUPERSEDED';
        const version = em.create(PluginManifestVersion, {
          plugin,
          number,
          manifest: { ...manifest },
          state: needsApproval ? 'PENDING_APPROVAL' : 'APPROVED',
          submittedBy: this.actor.id,
          decidedBy: needsApproval ? null : this.actor.id,
          decidedAt: needsApproval ? null : new Date(),
        });
        if (!needsApproval) applyManifest(plugin, manifest, number);
        this.ctx.audit.record(em, {
          action: 'submitPluginManifest',
          subjectType: 'Plugin',
          subjectId: plugin.id,
          reason: needsApproval
            ? `version ${number} awaits approval: more scopes`
            : `version ${number} approved: no new scopes`,
        });
        return version;
      },
      { resultId: (v) => v.id, replay: (id) => this.ctx.em.fork().findOneOrFail(PluginManifestVersion, { id }) },
    );
    return result;
  }

  async decideManifest(input: {
    plugin: string;
    number: number;
    approve: boolean;
    reason?: string | null;
  }): Promise<PluginManifestVersion> {
    return this.ctx.em.transactional(async (em) => {
      const plugin = await this.governed(em, input.plugin);
      const version = await em.findOne(PluginManifestVersion, { plugin, number: input.number });
      if (!version) throw PluginErrors.manifestNotFound(input.number);
      if (version.state !== 'PENDING_APPROVAL') throw PluginErrors.manifestNotPending(plugin.id, input.number);
      version.state = input.approve ? 'APPROVED' : 'REJECTED';
      version.decidedBy = this.actor.id;
      version.decidedAt = new Date();
      version.reason = input.reason?.slice(0, 500) ?? null;
      if (input.approve) applyManifest(plugin, version.manifest as unknown as PluginManifest, version.number);
      this.ctx.audit.record(em, {
        action: input.approve ? 'approvePluginManifest' : 'rejectPluginManifest',
        subjectType: 'Plugin',
        subjectId: plugin.id,
        reason: `version ${version.number}`,
      });
      return version;
    });
  }

  async setState(input: { plugin: string; state: PluginState }): Promise<Plugin> {
    return this.ctx.em.transactional(async (em) => {
      const plugin = await this.governed(em, input.plugin);
      plugin.state = input.state;
      this.ctx.audit.record(em, {
        action: 'setPluginState',
        subjectType: 'Plugin',
        subjectId: plugin.id,
        reason: input.state,
      });
      return plugin;
    });
  }

  /** Enables or disables the plugin for the viewer's own organisation. */
  async setEnabled(input: { plugin: string; enabled: boolean }): Promise<Plugin> {
    const kind = this.actor.organisationKind;
    if (kind !== 'HUB' && kind !== 'PRACTICE') throw PluginErrors.cannotEnable(kind);
    return this.ctx.em.transactional(async (em) => {
      const plugin = await this.governed(em, input.plugin);
      const row = await em.findOne(PluginEnablement, { plugin, organisation: this.actor.organisationId });
      if (row) {
        row.enabled = input.enabled;
        row.changedBy = this.actor.id;
        row.changedAt = new Date();
      } else {
        em.create(PluginEnablement, {
          plugin,
          organisation: em.getReference(Organisation, this.actor.organisationId),
          enabled: input.enabled,
          changedBy: this.actor.id,
        });
      }
      this.ctx.audit.record(em, {
        action: input.enabled ? 'enablePlugin' : 'disablePlugin',
        subjectType: 'Plugin',
        subjectId: plugin.id,
      });
      return plugin;
    });
  }

  async enabledOrganisationIds(pluginId: string): Promise<string[]> {
    const rows = await this.ctx.em.find(PluginEnablement, { plugin: pluginId, enabled: true });
    return rows.map((row) => row.organisation.id);
  }

  async keys(pluginId: string): Promise<PluginApiKey[]> {
    return this.ctx.em.find(PluginApiKey, { plugin: pluginId }, { orderBy: { createdAt: 'desc' } });
  }

  async createKey(input: { plugin: string; label?: string | null }): Promise<{ apiKey: PluginApiKey; key: string }> {
    const label = input.label?.trim() || 'default';
    if (label.length > 100) throw PluginErrors.badLabel();
    return this.ctx.em.transactional(async (em) => {
      const plugin = await this.governed(em, input.plugin);
      const minted = mintApiKey();
      const apiKey = em.create(PluginApiKey, {
        id: minted.id,
        plugin,
        secretHash: minted.secretHash,
        label,
        createdBy: this.actor.id,
      });
      this.ctx.audit.record(em, { action: 'createPluginApiKey', subjectType: 'PluginApiKey', subjectId: minted.id });
      return { apiKey, key: minted.key };
    });
  }

  /** A new key; the old one keeps working for `overlapMinutes` (default a day), then stops. */
  async rotateKey(input: {
    keyId: string;
    overlapMinutes?: number | null;
  }): Promise<{ apiKey: PluginApiKey; key: string }> {
    const overlap = overlapMs(input.overlapMinutes, 'input.overlapMinutes');
    return this.ctx.em.transactional(async (em) => {
      const old = await this.liveKey(em, input.keyId, true);
      if (old.rotatedTo) {
        // A retry of a rotation whose answer was lost: the unseen replacement is revoked.
        const unseen = await em.findOne(PluginApiKey, { id: old.rotatedTo });
        if (unseen && !unseen.revokedAt) {
          unseen.revokedAt = new Date();
          unseen.revokedBy = this.actor.id;
        }
      }
      const minted = mintApiKey();
      const apiKey = em.create(PluginApiKey, {
        id: minted.id,
        plugin: old.plugin,
        secretHash: minted.secretHash,
        label: old.label,
        createdBy: this.actor.id,
      });
      old.expiresAt ??= new Date(Date.now() + overlap);
      old.rotatedTo = minted.id;
      this.ctx.audit.record(em, {
        action: 'rotatePluginApiKey',
        subjectType: 'PluginApiKey',
        subjectId: old.id,
        reason: `replaced by ${minted.id}`,
      });
      return { apiKey, key: minted.key };
    });
  }

  /** Revocation takes effect on the next call: keys are checked against the database every time. */
  async revokeKey(input: { keyId: string }): Promise<PluginApiKey> {
    return this.ctx.em.transactional(async (em) => {
      const found = await em.findOne(PluginApiKey, { id: input.keyId });
      // Revoking twice is a no-op, so a retried revocation is safe.
      if (found?.revokedAt) {
        await this.governed(em, found.plugin.id, 'input.keyId').catch(() => {
          throw PluginErrors.keyNotFound(input.keyId);
        });
        return found;
      }
      const key = await this.liveKey(em, input.keyId, true);
      key.revokedAt = new Date();
      key.revokedBy = this.actor.id;
      this.ctx.audit.record(em, { action: 'revokePluginApiKey', subjectType: 'PluginApiKey', subjectId: key.id });
      return key;
    });
  }

  private async liveKey(em: Em, id: string, rotatingAllowed = false): Promise<PluginApiKey> {
    const key = await em.findOne(PluginApiKey, { id }, { populate: ['plugin'] });
    if (!key) throw PluginErrors.keyNotFound(id);
    await this.governed(em, key.plugin.id, 'input.keyId').catch(() => {
      throw PluginErrors.keyNotFound(id);
    });
    const expired = key.expiresAt !== null && key.expiresAt !== undefined && key.expiresAt.getTime() <= Date.now();
    if (key.revokedAt || expired || (key.expiresAt && !rotatingAllowed)) throw PluginErrors.keyNotLive(id);
    return key;
  }

  /** A new signing secret; the current ones stay valid (deliveries carry both signatures) for the overlap. */
  async rotateWebhookSecret(input: { plugin: string; overlapMinutes?: number | null }): Promise<string> {
    const overlap = overlapMs(input.overlapMinutes, 'input.overlapMinutes');
    return this.ctx.em.transactional(async (em) => {
      const plugin = await this.governed(em, input.plugin);
      const until = new Date(Date.now() + overlap);
      const current = await em.find(PluginWebhookSecret, {
        plugin,
        $or: [{ expiresAt: null }, { expiresAt: { $gt: until } }],
      });
      for (const row of current) row.expiresAt = until;
      const secret = newSigningSecret();
      em.create(PluginWebhookSecret, { plugin, secret });
      this.ctx.audit.record(em, { action: 'rotatePluginWebhookSecret', subjectType: 'Plugin', subjectId: plugin.id });
      return secret;
    });
  }

  async manifestVersions(pluginId: string): Promise<PluginManifestVersion[]> {
    return this.ctx.em.find(PluginManifestVersion, { plugin: pluginId }, { orderBy: { number: 'desc' } });
  }

  /** The plugin calling, for `viewerPlugin`. */
  async self(): Promise<Plugin> {
    if (!this.actor.plugin) throw Errors.forbidden('Only a plugin has a viewer plugin');
    return this.visible(this.actor.plugin.id);
  }
}
