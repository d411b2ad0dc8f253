import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

export class Migration20261124090734_plugins extends Migration {
  override name = 'Migration20261124090734_plugins';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "plugin" ("id" uuid not null, "pcn_id" uuid not null, "name" varchar(64) not null, "display_name" varchar(100) not null, "vendor" varchar(100) not null, "state" text not null, "approved_version" int not null, "scopes" jsonb not null, "events" jsonb not null, "webhook_url" varchar(2000) null, "registered_by" varchar(100) not null, "revision" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('plugin', 'pcn_id'),
      sql.unique('plugin', 'name'),

      `create table "plugin_api_key" ("id" varchar(32) not null, "plugin_id" uuid not null, "secret_hash" varchar(64) not null, "label" varchar(100) not null, "created_by" varchar(100) not null, "created_at" timestamptz not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by" varchar(100) null, "rotated_to" varchar(32) null, primary key ("id"));`,
      sql.index('plugin_api_key', 'plugin_id'),

      `create table "plugin_enablement" ("id" uuid not null, "plugin_id" uuid not null, "organisation_id" uuid not null, "enabled" boolean not null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null, primary key ("id"));`,
      sql.index('plugin_enablement', 'organisation_id'),
      sql.unique('plugin_enablement', 'plugin_id', 'organisation_id'),

      `create table "plugin_manifest_version" ("id" uuid not null, "plugin_id" uuid not null, "number" int not null, "manifest" jsonb not null, "state" text not null, "submitted_by" varchar(100) not null, "submitted_at" timestamptz not null, "decided_by" varchar(100) null, "decided_at" timestamptz null, "reason" varchar(500) null, primary key ("id"));`,
      sql.index('plugin_manifest_version', 'plugin_id'),
      sql.unique('plugin_manifest_version', 'plugin_id', 'number'),

      `create table "plugin_stream_cursor" ("stream" varchar(100) not null, "seq" bigint not null, primary key ("stream"));`,

      `create table "plugin_webhook_delivery" ("id" uuid not null, "plugin_id" uuid not null, "organisation_id" uuid not null, "event_id" bigint not null, "event_type" varchar(80) not null, "state" text not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "lease_until" timestamptz null, "last_error" varchar(500) null, "last_status" int null, "delivered_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`,
      sql.index('plugin_webhook_delivery', 'state', 'next_attempt_at'),
      sql.unique('plugin_webhook_delivery', 'plugin_id', 'event_id'),

      `create table "plugin_webhook_secret" ("id" uuid not null, "plugin_id" uuid not null, "secret" varchar(200) not null, "created_at" timestamptz not null, "expires_at" timestamptz null, primary key ("id"));`,
      sql.index('plugin_webhook_secret', 'plugin_id'),

      sql.addColumns('audit_event', { on_behalf_of: 'varchar(100) null' }),

      sql.constraints('plugin', {
        foreignKeys: { pcn_id: 'organisation' },
        checks: { state: 'ACTIVE SUSPENDED' },
      }),

      sql.foreignKey('plugin_api_key', 'plugin_id', 'plugin'),

      sql.constraints('plugin_enablement', {
        foreignKeys: { plugin_id: 'plugin', organisation_id: 'organisation' },
      }),

      sql.constraints('plugin_manifest_version', {
        foreignKeys: { plugin_id: 'plugin' },
        checks: { state: 'APPROVED PENDING_APPROVAL REJECTED SUPERSEDED' },
      }),

      sql.constraints('plugin_webhook_delivery', {
        foreignKeys: { plugin_id: 'plugin' },
        checks: { state: 'PENDING RETRYING DELIVERED DEAD WITHHELD' },
      }),

      sql.foreignKey('plugin_webhook_secret', 'plugin_id', 'plugin'),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [
      sql.dropForeignKey('plugin_api_key', 'plugin_id'),
      sql.dropForeignKey('plugin_enablement', 'plugin_id'),
      sql.dropForeignKey('plugin_manifest_version', 'plugin_id'),
      sql.dropForeignKey('plugin_webhook_delivery', 'plugin_id'),
      sql.dropForeignKey('plugin_webhook_secret', 'plugin_id'),

      sql.dropTables(
        'plugin',
        'plugin_api_key',
        'plugin_enablement',
        'plugin_manifest_version',
        'plugin_stream_cursor',
        'plugin_webhook_delivery',
        'plugin_webhook_secret',
      ),

      sql.dropColumns('audit_event', 'on_behalf_of'),
    ]);
  }
}
