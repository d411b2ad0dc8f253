import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { PluginState } from './plugins.codes.js';
import { PluginStateEnum } from './plugins.enums.js';
import { PluginApiKeyType, PluginManifestVersionType, PluginType, PluginWebhookDeliveryType } from './plugins.types.js';

@InputType('PluginManifestInput', { description: 'A plugin manifest (see @pcn-hub/sdk definePlugin).' })
export class PluginManifestInput {
  @Field(() => String, { description: 'Stable name, 2-64 of a-z, 0-9, dot, hyphen, underscore.' })
  name!: string;
  @Field(() => String, { description: 'Name shown to admins.' })
  displayName!: string;
  @Field(() => String, { description: 'Who makes it.' })
  vendor!: string;
  @Field(() => String, { description: 'Semantic version, e.g. 1.0.0.' })
  version!: string;
  @Field(() => String, { description: 'Plugin contract version it was written for (currently 1).' })
  sdkContractVersion!: string;
  @Field(() => String, { description: 'What it does, for the admins who enable it.' })
  description!: string;
  @Field(() => [String], {
    description:
      'Scopes it needs: patients:read, consultations:read, consultations:write, entries:write, inbox:submit, write-back:read, events:read, messages:write.',
  })
  scopes!: string[];
  @Field(() => [String], { nullable: true, description: 'SNOMED CT concept ids it codes entries with.' })
  producesCodes?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Entry kinds it produces (CODED, NOTE, MEDICATION, DOCUMENT).',
  })
  producesEntryKinds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'https URL events are POSTed to (http only to loopback).' })
  webhookUrl?: string | null;
  @Field(() => [String], { nullable: true, description: 'Event types or `<family>.*` it wants (needs events:read).' })
  events?: string[] | null;
}

@InputType('RegisterPluginInput', { description: "Registers a plugin in the viewer's PCN." })
export class RegisterPluginInput {
  @Field(() => PluginManifestInput, { description: 'Its manifest; version 1 is approved on registration.' })
  manifest!: PluginManifestInput;
  @Field(() => String, { nullable: true, description: 'Retry-safe key.' })
  idempotencyKey?: string | null;
}

@InputType('SubmitPluginManifestInput', { description: 'A new manifest version.' })
export class SubmitPluginManifestInput {
  @Field(() => ID, { description: 'Global id of the plugin.' })
  pluginId!: string;
  @Field(() => PluginManifestInput, { description: 'The new manifest; same name, new version.' })
  manifest!: PluginManifestInput;
  @Field(() => String, { nullable: true, description: 'Retry-safe key.' })
  idempotencyKey?: string | null;
}

@InputType('DecidePluginManifestInput', { description: 'Approves or rejects a pending manifest version.' })
export class DecidePluginManifestInput {
  @Field(() => ID, { description: 'Global id of the plugin.' })
  pluginId!: string;
  @Field(() => Int, { description: 'Number of the pending version.' })
  number!: number;
  @Field(() => String, { nullable: true, description: 'Reason, kept with the decision.' })
  reason?: string | null;
}

@InputType('SetPluginEnabledInput', { description: "Enables or disables a plugin for the viewer's organisation." })
export class SetPluginEnabledInput {
  @Field(() => ID, { description: 'Global id of the plugin.' })
  pluginId!: string;
  @Field(() => Boolean, { description: 'True to enable.' })
  enabled!: boolean;
}

@InputType('SetPluginStateInput', { description: 'Suspends or resumes a plugin.' })
export class SetPluginStateInput {
  @Field(() => ID, { description: 'Global id of the plugin.' })
  pluginId!: string;
  @Field(() => PluginStateEnum, { description: 'ACTIVE or SUSPENDED.' })
  state!: PluginState;
}

@InputType('CreatePluginApiKeyInput', { description: 'Makes an API key for a plugin.' })
export class CreatePluginApiKeyInput {
  @Field(() => ID, { description: 'Global id of the plugin.' })
  pluginId!: string;
  @Field(() => String, { nullable: true, description: 'A label, e.g. production.' })
  label?: string | null;
}

@InputType('RotatePluginApiKeyInput', {
  description:
    'Replaces a key; the old one works on for the overlap. Retry-safe without an idempotency key: rotating a key that is already rotating revokes the replacement you never received and mints another (a secret cannot be shown twice).',
})
export class RotatePluginApiKeyInput {
  @Field(() => ID, { description: 'Id of the key to replace.' })
  keyId!: string;
  @Field(() => Int, { nullable: true, description: 'Minutes the old key keeps working (default 1440, at most 10080).' })
  overlapMinutes?: number | null;
}

@InputType('RevokePluginApiKeyInput', { description: 'Stops a key at once.' })
export class RevokePluginApiKeyInput {
  @Field(() => ID, { description: 'Id of the key.' })
  keyId!: string;
}

@InputType('RotatePluginWebhookSecretInput', {
  description: 'A new webhook signing secret; the old one stays valid for the overlap.',
})
export class RotatePluginWebhookSecretInput {
  @Field(() => ID, { description: 'Global id of the plugin.' })
  pluginId!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Minutes deliveries carry both signatures (default 1440, at most 10080).',
  })
  overlapMinutes?: number | null;
}

@InputType('RedrivePluginWebhookDeliveryInput', { description: 'Sends a dead delivery again.' })
export class RedrivePluginWebhookDeliveryInput {
  @Field(() => ID, { description: 'Global id of the delivery.' })
  deliveryId!: string;
  @Field(() => String, { nullable: true, description: 'Retry-safe key.' })
  idempotencyKey?: string | null;
}

@ObjectType('RegisterPluginPayload', { description: 'The registered plugin and its webhook signing secret.' })
export class RegisterPluginPayload {
  @Field(() => PluginType, { description: 'The plugin.' })
  plugin!: PluginType;
  @Field(() => String, {
    nullable: true,
    description: 'Webhook signing secret (whsec_...): shown once; null on an idempotent replay.',
  })
  webhookSecret!: string | null;
}

@ObjectType('PluginPayload', { description: 'A plugin after a change.' })
export class PluginPayload {
  @Field(() => PluginType, { description: 'The plugin.' })
  plugin!: PluginType;
}

@ObjectType('PluginManifestVersionPayload', { description: 'A manifest version after a change.' })
export class PluginManifestVersionPayload {
  @Field(() => PluginType, { description: 'The plugin.' })
  plugin!: PluginType;
  @Field(() => PluginManifestVersionType, { description: 'The version.' })
  manifestVersion!: PluginManifestVersionType;
}

@ObjectType('CreatedPluginApiKeyPayload', { description: 'A new key; its full value is shown only here.' })
export class CreatedPluginApiKeyPayload {
  @Field(() => PluginApiKeyType, { description: 'The key.' })
  apiKey!: PluginApiKeyType;
  @Field(() => String, { description: 'The full key (pcnhub_...): store it now, it cannot be shown again.' })
  key!: string;
}

@ObjectType('RevokePluginApiKeyPayload', { description: 'The revoked key.' })
export class RevokePluginApiKeyPayload {
  @Field(() => PluginApiKeyType, { description: 'The key.' })
  apiKey!: PluginApiKeyType;
}

@ObjectType('RotatePluginWebhookSecretPayload', { description: 'The new signing secret.' })
export class RotatePluginWebhookSecretPayload {
  @Field(() => PluginType, { description: 'The plugin.' })
  plugin!: PluginType;
  @Field(() => String, { description: 'The new secret (whsec_...): shown once.' })
  webhookSecret!: string;
}

@ObjectType('PluginWebhookDeliveryPayload', { description: 'A delivery after a change.' })
export class PluginWebhookDeliveryPayload {
  @Field(() => PluginWebhookDeliveryType, { description: 'The delivery.' })
  delivery!: PluginWebhookDeliveryType;
}
