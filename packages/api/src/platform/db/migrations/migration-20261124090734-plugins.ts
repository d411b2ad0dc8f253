import { Migration } from '@mikro-orm/migrations';

export class Migration20261124090734_plugins extends Migration {
  override name = 'Migration20261124090734_plugins';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "plugin" ("id" uuid not null, "pcn_id" uuid not null, "name" varchar(64) not null, "display_name" varchar(100) not null, "vendor" varchar(100) not null, "state" text not null, "approved_version" int not null, "scopes" jsonb not null, "events" jsonb not null, "webhook_url" varchar(2000) null, "registered_by" varchar(100) not null, "revision" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "plugin_pcn_id_index" on "plugin" ("pcn_id");`);
    this.addSql(`alter table "plugin" add constraint "plugin_name_unique" unique ("name");`);

    this.addSql(
      `create table "plugin_api_key" ("id" varchar(32) not null, "plugin_id" uuid not null, "secret_hash" varchar(64) not null, "label" varchar(100) not null, "created_by" varchar(100) not null, "created_at" timestamptz not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by" varchar(100) null, "rotated_to" varchar(32) null, primary key ("id"));`,
    );
    this.addSql(`create index "plugin_api_key_plugin_id_index" on "plugin_api_key" ("plugin_id");`);

    this.addSql(
      `create table "plugin_enablement" ("id" uuid not null, "plugin_id" uuid not null, "organisation_id" uuid not null, "enabled" boolean not null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "plugin_enablement_organisation_id_index" on "plugin_enablement" ("organisation_id");`);
    this.addSql(
      `alter table "plugin_enablement" add constraint "plugin_enablement_plugin_id_organisation_id_unique" unique ("plugin_id", "organisation_id");`,
    );

    this.addSql(
      `create table "plugin_manifest_version" ("id" uuid not null, "plugin_id" uuid not null, "number" int not null, "manifest" jsonb not null, "state" text not null, "submitted_by" varchar(100) not null, "submitted_at" timestamptz not null, "decided_by" varchar(100) null, "decided_at" timestamptz null, "reason" varchar(500) null, primary key ("id"));`,
    );
    this.addSql(`create index "plugin_manifest_version_plugin_id_index" on "plugin_manifest_version" ("plugin_id");`);
    this.addSql(
      `alter table "plugin_manifest_version" add constraint "plugin_manifest_version_plugin_id_number_unique" unique ("plugin_id", "number");`,
    );

    this.addSql(
      `create table "plugin_stream_cursor" ("stream" varchar(100) not null, "seq" bigint not null, primary key ("stream"));`,
    );

    this.addSql(
      `create table "plugin_webhook_delivery" ("id" uuid not null, "plugin_id" uuid not null, "organisation_id" uuid not null, "event_id" bigint not null, "event_type" varchar(80) not null, "state" text not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "lease_until" timestamptz null, "last_error" varchar(500) null, "last_status" int null, "delivered_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "plugin_webhook_delivery_state_next_attempt_at_index" on "plugin_webhook_delivery" ("state", "next_attempt_at");`,
    );
    this.addSql(
      `alter table "plugin_webhook_delivery" add constraint "plugin_webhook_delivery_plugin_id_event_id_unique" unique ("plugin_id", "event_id");`,
    );

    this.addSql(
      `create table "plugin_webhook_secret" ("id" uuid not null, "plugin_id" uuid not null, "secret" varchar(200) not null, "created_at" timestamptz not null, "expires_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "plugin_webhook_secret_plugin_id_index" on "plugin_webhook_secret" ("plugin_id");`);

    this.addSql(`alter table "audit_event" add "on_behalf_of" varchar(100) null;`);

    this.addSql(
      `alter table "plugin" add constraint "plugin_pcn_id_foreign" foreign key ("pcn_id") references "organisation" ("id");`,
    );
    this.addSql(`alter table "plugin" add constraint "plugin_state_check" check ("state" in ('ACTIVE', 'SUSPENDED'));`);

    this.addSql(
      `alter table "plugin_api_key" add constraint "plugin_api_key_plugin_id_foreign" foreign key ("plugin_id") references "plugin" ("id");`,
    );

    this.addSql(
      `alter table "plugin_enablement" add constraint "plugin_enablement_plugin_id_foreign" foreign key ("plugin_id") references "plugin" ("id");`,
    );
    this.addSql(
      `alter table "plugin_enablement" add constraint "plugin_enablement_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id");`,
    );

    this.addSql(
      `alter table "plugin_manifest_version" add constraint "plugin_manifest_version_plugin_id_foreign" foreign key ("plugin_id") references "plugin" ("id");`,
    );
    this.addSql(
      `alter table "plugin_manifest_version" add constraint "plugin_manifest_version_state_check" check ("state" in ('APPROVED', 'PENDING_APPROVAL', 'REJECTED', 'SUPERSEDED'));`,
    );

    this.addSql(
      `alter table "plugin_webhook_delivery" add constraint "plugin_webhook_delivery_plugin_id_foreign" foreign key ("plugin_id") references "plugin" ("id");`,
    );
    this.addSql(
      `alter table "plugin_webhook_delivery" add constraint "plugin_webhook_delivery_state_check" check ("state" in ('PENDING', 'RETRYING', 'DELIVERED', 'DEAD', 'WITHHELD'));`,
    );

    this.addSql(
      `alter table "plugin_webhook_secret" add constraint "plugin_webhook_secret_plugin_id_foreign" foreign key ("plugin_id") references "plugin" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "plugin_api_key" drop constraint "plugin_api_key_plugin_id_foreign";`);
    this.addSql(`alter table "plugin_enablement" drop constraint "plugin_enablement_plugin_id_foreign";`);
    this.addSql(`alter table "plugin_manifest_version" drop constraint "plugin_manifest_version_plugin_id_foreign";`);
    this.addSql(`alter table "plugin_webhook_delivery" drop constraint "plugin_webhook_delivery_plugin_id_foreign";`);
    this.addSql(`alter table "plugin_webhook_secret" drop constraint "plugin_webhook_secret_plugin_id_foreign";`);

    this.addSql(`drop table if exists "plugin" cascade;`);
    this.addSql(`drop table if exists "plugin_api_key" cascade;`);
    this.addSql(`drop table if exists "plugin_enablement" cascade;`);
    this.addSql(`drop table if exists "plugin_manifest_version" cascade;`);
    this.addSql(`drop table if exists "plugin_stream_cursor" cascade;`);
    this.addSql(`drop table if exists "plugin_webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "plugin_webhook_secret" cascade;`);

    this.addSql(`alter table "audit_event" drop column "on_behalf_of";`);
  }
}
