import { Arg, Authorized, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ROLES, type Role } from '../../platform/auth/roles.js';
import { PluginScope } from '../../platform/auth/plugin-scope.js';
import type { AuthenticatedContext } from '../../platform/context.js';
import { expectGlobalId, pageSize, toConnection } from '../../platform/graphql/relay.js';
import { OrganisationType, organisationById, toOrganisationType } from '../organisations/index.js';
import type { WebhookDeliveryState } from './plugins.codes.js';
import { WebhookDeliveryStateEnum } from './plugins.enums.js';
import {
  CreatePluginApiKeyInput,
  CreatedPluginApiKeyPayload,
  DecidePluginManifestInput,
  PluginManifestVersionPayload,
  PluginPayload,
  PluginWebhookDeliveryPayload,
  RedrivePluginWebhookDeliveryInput,
  RegisterPluginInput,
  RegisterPluginPayload,
  RevokePluginApiKeyInput,
  RevokePluginApiKeyPayload,
  RotatePluginApiKeyInput,
  RotatePluginWebhookSecretInput,
  RotatePluginWebhookSecretPayload,
  SetPluginEnabledInput,
  SetPluginStateInput,
  SubmitPluginManifestInput,
} from './plugins.inputs.js';
import { toApiKeyType, toDeliveryType, toManifestVersionType, toPluginType } from './plugins.mappers.js';
import { PluginDeliveryService, deliveryCursor } from './plugin-deliveries.service.js';
import { PluginService } from './plugins.service.js';
import {
  PluginApiKeyType,
  PluginManifestVersionType,
  PluginType,
  PluginWebhookDeliveryConnection,
} from './plugins.types.js';
import { AuthCtx } from '../../platform/auth/auth-context.js';

/** Staff who see the PCN's plugins (to enable them, or to govern them). */
export const PLUGIN_VIEWERS: readonly Role[] = [...ROLES.hubAdministration, 'PRACTICE_ADMIN'];
/** Staff who enable a plugin for their own organisation. */
export const PLUGIN_ENABLERS: readonly Role[] = PLUGIN_VIEWERS;

const plugins = (ctx: AuthenticatedContext) => new PluginService(ctx);
const deliveries = (ctx: AuthenticatedContext) => new PluginDeliveryService(ctx);
const pluginId = (id: string, field = 'input.pluginId') => expectGlobalId(id, 'Plugin', field);

@Resolver(() => PluginType)
export class PluginResolver {
  @Authorized(...PLUGIN_VIEWERS)
  @PluginScope('SELF')
  @Query(() => [PluginType], { description: "Plugins registered in the viewer's PCN (a plugin sees itself)." })
  async plugins(@AuthCtx() ctx: AuthenticatedContext): Promise<PluginType[]> {
    return (await plugins(ctx).list()).map(toPluginType);
  }

  @Authorized(...PLUGIN_VIEWERS)
  @PluginScope('SELF')
  @Query(() => PluginType, { description: 'One plugin of the PCN; any other answers NOT_FOUND.' })
  async plugin(
    @Arg('id', () => ID, { description: 'Global id.' }) id: string,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PluginType> {
    return toPluginType(await plugins(ctx).visible(pluginId(id, 'id'), 'id'));
  }

  @Authorized('INTEGRATION')
  @PluginScope('SELF')
  @Query(() => PluginType, { description: 'The plugin calling (API keys only): its grants and registration.' })
  async viewerPlugin(@AuthCtx() ctx: AuthenticatedContext): Promise<PluginType> {
    return toPluginType(await plugins(ctx).self());
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => RegisterPluginPayload, {
    description:
      "Registers a plugin in the hub manager's PCN; its first manifest is approved. Returns the webhook signing secret once. Audited.",
  })
  async registerPlugin(
    @Arg('input', () => RegisterPluginInput, { description: 'What to change: see RegisterPluginInput.' })
    input: RegisterPluginInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<RegisterPluginPayload> {
    const { plugin, webhookSecret } = await plugins(ctx).register(input);
    return { plugin: toPluginType(plugin), webhookSecret };
  }

  @Authorized('HUB_MANAGER')
  @PluginScope('SELF')
  @Mutation(() => PluginManifestVersionPayload, {
    description:
      'Submits a new manifest version (hub manager, or the plugin itself). Approved at once unless it asks for scopes not granted before; then it waits for approvePluginManifest. Audited.',
  })
  async submitPluginManifest(
    @Arg('input', () => SubmitPluginManifestInput, { description: 'What to change: see SubmitPluginManifestInput.' })
    input: SubmitPluginManifestInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PluginManifestVersionPayload> {
    const service = plugins(ctx);
    const version = await service.submitManifest({
      manifest: input.manifest,
      idempotencyKey: input.idempotencyKey ?? null,
      plugin: pluginId(input.pluginId),
    });
    return {
      plugin: toPluginType(await service.visible(version.plugin.id)),
      manifestVersion: toManifestVersionType(version),
    };
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => PluginManifestVersionPayload, {
    description: 'Approves a pending manifest version: its scopes take effect at once. Audited.',
  })
  async approvePluginManifest(
    @Arg('input', () => DecidePluginManifestInput, { description: 'What to change: see DecidePluginManifestInput.' })
    input: DecidePluginManifestInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return this.decide(ctx, input, true);
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => PluginManifestVersionPayload, {
    description: 'Rejects a pending manifest version; the approved one keeps governing. Audited.',
  })
  async rejectPluginManifest(
    @Arg('input', () => DecidePluginManifestInput, { description: 'What to change: see DecidePluginManifestInput.' })
    input: DecidePluginManifestInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    return this.decide(ctx, input, false);
  }

  private async decide(
    ctx: AuthenticatedContext,
    input: DecidePluginManifestInput,
    approve: boolean,
  ): Promise<PluginManifestVersionPayload> {
    const service = plugins(ctx);
    const version = await service.decideManifest({
      number: input.number,
      reason: input.reason ?? null,
      plugin: pluginId(input.pluginId),
      approve,
    });
    return {
      plugin: toPluginType(await service.visible(version.plugin.id)),
      manifestVersion: toManifestVersionType(version),
    };
  }

  @Authorized(...PLUGIN_ENABLERS)
  @Mutation(() => PluginPayload, {
    description:
      "Enables or disables a plugin for the viewer's own organisation (hub or practice admins). Disabling stops its keys for the organisation and withholds its undelivered events at once. Audited.",
  })
  async setPluginEnabled(
    @Arg('input', () => SetPluginEnabledInput, { description: 'What to change: see SetPluginEnabledInput.' })
    input: SetPluginEnabledInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PluginPayload> {
    return {
      plugin: toPluginType(await plugins(ctx).setEnabled({ enabled: input.enabled, plugin: pluginId(input.pluginId) })),
    };
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => PluginPayload, {
    description: 'Suspends (every key refused, deliveries withheld) or resumes a plugin. Audited.',
  })
  async setPluginState(
    @Arg('input', () => SetPluginStateInput, { description: 'What to change: see SetPluginStateInput.' })
    input: SetPluginStateInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PluginPayload> {
    return {
      plugin: toPluginType(await plugins(ctx).setState({ state: input.state, plugin: pluginId(input.pluginId) })),
    };
  }

  @Authorized('HUB_MANAGER')
  @Mutation(() => CreatedPluginApiKeyPayload, {
    description: 'Makes an API key; the full key is in this answer only (stored hashed). Audited.',
  })
  async createPluginApiKey(
    @Arg('input', () => CreatePluginApiKeyInput, { description: 'What to change: see CreatePluginApiKeyInput.' })
    input: CreatePluginApiKeyInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<CreatedPluginApiKeyPayload> {
    const { apiKey, key } = await plugins(ctx).createKey({
      label: input.label ?? null,
      plugin: pluginId(input.pluginId),
    });
    return { apiKey: toApiKeyType(apiKey), key };
  }

  @Authorized('HUB_MANAGER')
  @PluginScope('SELF')
  @Mutation(() => CreatedPluginApiKeyPayload, {
    description:
      'Rotates a key (hub manager or the plugin): a new key now, the old one works for the overlap. Audited.',
  })
  async rotatePluginApiKey(
    @Arg('input', () => RotatePluginApiKeyInput, { description: 'What to change: see RotatePluginApiKeyInput.' })
    input: RotatePluginApiKeyInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<CreatedPluginApiKeyPayload> {
    const { apiKey, key } = await plugins(ctx).rotateKey(input);
    return { apiKey: toApiKeyType(apiKey), key };
  }

  @Authorized('HUB_MANAGER')
  @PluginScope('SELF')
  @Mutation(() => RevokePluginApiKeyPayload, {
    description: 'Revokes a key: refused from the next call on. Revoking twice is a no-op. Audited.',
  })
  async revokePluginApiKey(
    @Arg('input', () => RevokePluginApiKeyInput, { description: 'What to change: see RevokePluginApiKeyInput.' })
    input: RevokePluginApiKeyInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<RevokePluginApiKeyPayload> {
    return { apiKey: toApiKeyType(await plugins(ctx).revokeKey(input)) };
  }

  @Authorized('HUB_MANAGER')
  @PluginScope('SELF')
  @Mutation(() => RotatePluginWebhookSecretPayload, {
    description:
      'A new webhook signing secret; deliveries are signed with old and new until the overlap ends. Audited.',
  })
  async rotatePluginWebhookSecret(
    @Arg('input', () => RotatePluginWebhookSecretInput, {
      description: 'What to change: see RotatePluginWebhookSecretInput.',
    })
    input: RotatePluginWebhookSecretInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<RotatePluginWebhookSecretPayload> {
    const service = plugins(ctx);
    const id = pluginId(input.pluginId);
    const webhookSecret = await service.rotateWebhookSecret({
      overlapMinutes: input.overlapMinutes ?? null,
      plugin: id,
    });
    return { plugin: toPluginType(await service.visible(id)), webhookSecret };
  }

  @Authorized('HUB_MANAGER')
  @PluginScope('SELF')
  @Query(() => PluginWebhookDeliveryConnection, {
    description: "A plugin's webhook deliveries, newest first (the dead-letter view with state: DEAD).",
  })
  async pluginWebhookDeliveries(
    @Arg('pluginId', () => ID, { description: 'Global id of the plugin.' }) plugin: string,
    @Arg('state', () => WebhookDeliveryStateEnum, { nullable: true, description: 'Only this state.' })
    state: WebhookDeliveryState | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 200).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last edge seen.' }) after: string | null,
    @AuthCtx() ctx: AuthenticatedContext,
  ) {
    const size = pageSize(first);
    const rows = await deliveries(ctx).page(pluginId(plugin, 'pluginId'), state ?? null, size, after ?? null);
    return toConnection(rows, size, Boolean(after), toDeliveryType, deliveryCursor);
  }

  @Authorized('HUB_MANAGER')
  @PluginScope('SELF')
  @Mutation(() => PluginWebhookDeliveryPayload, {
    description: 'Redrives a DEAD or WITHHELD delivery (access is checked again before sending). Audited.',
  })
  async redrivePluginWebhookDelivery(
    @Arg('input', () => RedrivePluginWebhookDeliveryInput, {
      description: 'What to change: see RedrivePluginWebhookDeliveryInput.',
    })
    input: RedrivePluginWebhookDeliveryInput,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PluginWebhookDeliveryPayload> {
    const id = expectGlobalId(input.deliveryId, 'PluginWebhookDelivery', 'input.deliveryId');
    return { delivery: toDeliveryType(await deliveries(ctx).redrive(id, input.idempotencyKey)) };
  }

  @FieldResolver(() => PluginManifestVersionType, { description: 'The manifest version that governs it.' })
  async manifest(@Root() p: PluginType, @AuthCtx() ctx: AuthenticatedContext): Promise<PluginManifestVersionType> {
    const versions = await plugins(ctx).manifestVersions(p.dbId);
    return toManifestVersionType(versions.find((v) => v.number === p.approvedVersion)!);
  }

  @FieldResolver(() => [PluginManifestVersionType], { description: 'Every submitted version, newest first.' })
  async manifestVersions(
    @Root() p: PluginType,
    @AuthCtx() ctx: AuthenticatedContext,
  ): Promise<PluginManifestVersionType[]> {
    return (await plugins(ctx).manifestVersions(p.dbId)).map(toManifestVersionType);
  }

  @FieldResolver(() => [OrganisationType], { description: 'Organisations that enabled it.' })
  async enabledOrganisations(@Root() p: PluginType, @AuthCtx() ctx: AuthenticatedContext): Promise<OrganisationType[]> {
    const ids = await plugins(ctx).enabledOrganisationIds(p.dbId);
    const orgs = await organisationById(ctx).loadMany(ids);
    return orgs
      .filter((o): o is Exclude<typeof o, Error | null | undefined> => Boolean(o) && !(o instanceof Error))
      .map(toOrganisationType);
  }

  @FieldResolver(() => Boolean, { description: "Whether the viewer's organisation enabled it." })
  async enabledForViewer(@Root() p: PluginType, @AuthCtx() ctx: AuthenticatedContext): Promise<boolean> {
    return (await plugins(ctx).enabledOrganisationIds(p.dbId)).includes(ctx.actor.organisationId);
  }

  @FieldResolver(() => [PluginApiKeyType], {
    nullable: true,
    description: 'Its API keys (never their secrets): for hub managers and the plugin itself; null for anyone else.',
  })
  async apiKeys(@Root() p: PluginType, @AuthCtx() ctx: AuthenticatedContext): Promise<PluginApiKeyType[] | null> {
    const actor = ctx.actor;
    if (!actor.roles.has('HUB_MANAGER') && actor.plugin?.id !== p.dbId) return null;
    return (await plugins(ctx).keys(p.dbId)).map(toApiKeyType);
  }
}
