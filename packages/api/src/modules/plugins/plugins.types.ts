import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes, Node } from '../../platform/graphql/relay.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import type { ManifestState, PluginState, WebhookDeliveryState } from './plugins.codes.js';
import { ManifestStateEnum, PluginStateEnum, WebhookDeliveryStateEnum } from './plugins.enums.js';

@ObjectType('PluginManifestVersion', { description: 'One submitted manifest of a plugin.' })
export class PluginManifestVersionType {
  @Field(() => Int, { description: 'Submission number, from 1.' })
  number!: number;
  @Field(() => ManifestStateEnum, { description: 'Review state.' })
  state!: ManifestState;
  @Field(() => String, { description: "The plugin's semantic version." })
  version!: string;
  @Field(() => String, { description: 'Plugin contract version it was written for.' })
  sdkContractVersion!: string;
  @Field(() => String, { description: 'What the plugin does.' })
  description!: string;
  @Field(() => [String], { description: 'Scopes it asks for.' })
  scopes!: string[];
  @Field(() => [String], { description: 'SNOMED CT concept ids it codes entries with.' })
  producesCodes!: string[];
  @Field(() => [String], { description: 'Entry kinds it produces.' })
  producesEntryKinds!: string[];
  @Field(() => String, { nullable: true, description: 'Where its events are POSTed.' })
  webhookUrl!: string | null;
  @Field(() => [String], { description: 'Event types (or `<family>.*`) it wants.' })
  events!: string[];
  @Field(() => String, { description: 'Who submitted it.' })
  submittedBy!: string;
  @Field(() => DateTime, { description: 'When.' })
  submittedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Who approved or rejected it.' })
  decidedBy!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When it was decided.' })
  decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Reason given with the decision.' })
  reason!: string | null;
}

@ObjectType('Plugin', {
  implements: Node,
  description: 'A registered producer of consultation entries (vendor product or first-party).',
})
export class PluginType extends Node {
  readonly __typename = 'Plugin' as const;
  dbId!: string;

  @Field(() => String, { description: 'Stable name; its entries carry it as their source product.' })
  name!: string;
  @Field(() => String, { description: 'Name shown to admins.' })
  displayName!: string;
  @Field(() => String, { description: 'Who makes it.' })
  vendor!: string;
  @Field(() => PluginStateEnum, { description: 'ACTIVE or SUSPENDED.' })
  state!: PluginState;
  @Field(() => Int, { description: 'Number of the manifest version that governs it.' })
  approvedVersion!: number;
  @Field(() => [String], { description: 'Granted scopes (from the approved manifest).' })
  scopes!: string[];
  @Field(() => [String], { description: 'Event types it receives.' })
  events!: string[];
  @Field(() => String, { nullable: true, description: 'Where its events are POSTed.' })
  webhookUrl!: string | null;
  @Field(() => String, { description: 'Who registered it.' })
  registeredBy!: string;
  @Field(() => DateTime, { description: 'When it was registered.' })
  createdAt!: Date;
}

@ObjectType('PluginApiKey', { description: 'An API key of a plugin. The secret is shown once, when the key is made.' })
export class PluginApiKeyType {
  @Field(() => ID, { description: 'Public key id (the part after `pcnhub_`); names the key in rotate and revoke.' })
  id!: string;
  @Field(() => String, { description: 'Label given when it was made.' })
  label!: string;
  @Field(() => String, { description: 'ACTIVE, ROTATING (works until expiresAt), EXPIRED or REVOKED.' })
  status!: string;
  @Field(() => DateTime, { description: 'When it was made.' })
  createdAt!: Date;
  @Field(() => String, { description: 'Who made it.' })
  createdBy!: string;
  @Field(() => DateTime, { nullable: true, description: 'When a rotated key stops working.' })
  expiresAt!: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'When it was revoked.' })
  revokedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Id of the key that replaced it.' })
  rotatedTo!: string | null;
}

@ObjectType('PluginWebhookDelivery', {
  implements: Node,
  description: 'One event sent (or to be sent) to a plugin by webhook.',
})
export class PluginWebhookDeliveryType extends Node {
  readonly __typename = 'PluginWebhookDelivery' as const;
  @Field(() => String, { description: 'The `webhook-id` header: the same on every attempt.' })
  webhookId!: string;
  @Field(() => String, { description: 'Event type, e.g. write-back.WRITE_BACK_DELIVERED.' })
  eventType!: string;
  @Field(() => WebhookDeliveryStateEnum, { description: 'Where it stands.' })
  state!: WebhookDeliveryState;
  @Field(() => Int, { description: 'Attempts made.' })
  attempts!: number;
  @Field(() => DateTime, { description: 'When the next attempt is due (for PENDING and RETRYING).' })
  nextAttemptAt!: Date;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt.' })
  lastStatus!: number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed or why it was withheld.' })
  lastError!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the plugin acknowledged it.' })
  deliveredAt!: Date | null;
  @Field(() => DateTime, { description: 'When it was queued.' })
  createdAt!: Date;
}

export const { Connection: PluginWebhookDeliveryConnection } = connectionTypes(
  'PluginWebhookDelivery',
  PluginWebhookDeliveryType,
  'A page of webhook deliveries, newest first.',
);
