import { Migration } from '@mikro-orm/migrations';

export class Migration20261124064347_write_back extends Migration {
  override name = 'Migration20261124064347_write_back';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "idempotency_key" ("id" uuid not null, "actor_id" varchar(100) not null, "key" varchar(200) not null, "operation" varchar(100) not null, "request_hash" varchar(64) not null, "result_id" varchar(100) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "idempotency_key" add constraint "idempotency_key_actor_id_key_unique" unique ("actor_id", "key");`,
    );

    this.addSql(
      `create table "consultation" ("id" uuid not null, "patient_id" uuid not null, "authoring_organisation_id" uuid not null, "author_id" varchar(100) not null, "location" varchar(200) not null, "started_at" timestamptz not null, "clinically_relevant" boolean not null, "source_product" varchar(64) not null, "inbox_consultation_id" uuid null, "state" text not null, "version" int not null default 0, "revision" int not null default 1, "saved_at" timestamptz null, "saved_by" varchar(100) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "consultation_patient_id_index" on "consultation" ("patient_id");`);
    this.addSql(
      `create index "consultation_authoring_organisation_id_index" on "consultation" ("authoring_organisation_id");`,
    );
    this.addSql(`create index "consultation_inbox_consultation_id_index" on "consultation" ("inbox_consultation_id");`);

    this.addSql(
      `create table "consultation_entry" ("id" uuid not null, "consultation_id" uuid not null, "kind" text not null, "coded_kind" text null, "snomed_code" varchar(18) null, "term" varchar(255) null, "text" text null, "admin_only" boolean not null default false, "dmd_code" varchar(18) null, "medication_name" varchar(255) null, "dose" varchar(500) null, "quantity" varchar(100) null, "document_title" varchar(255) null, "document_content_type" varchar(100) null, "document_size_bytes" int null, "document_reference" varchar(500) null, "removed" boolean not null default false, "revision" int not null default 1, "saved_revision" int not null default 0, "created_by" varchar(100) not null, "updated_by" varchar(100) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "consultation_entry_consultation_id_index" on "consultation_entry" ("consultation_id");`);

    this.addSql(
      `create table "practice_record_entry" ("id" uuid not null, "message_id" uuid not null, "practice_id" uuid not null, "patient_id" uuid not null, "record_id" uuid not null, "kind" text not null, "version" int not null, "replaces_message_id" uuid null, "superseded_by_message_id" uuid null, "content" jsonb not null, "received_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "practice_record_entry" add constraint "practice_record_entry_message_id_unique" unique ("message_id");`,
    );
    this.addSql(
      `create index "practice_record_entry_practice_id_patient_id_index" on "practice_record_entry" ("practice_id", "patient_id");`,
    );

    this.addSql(
      `create table "write_back_agreement" ("id" uuid not null, "pcn_id" uuid not null, "source_id" uuid not null, "target_id" uuid not null, "one_to_one" boolean not null default false, "state" text not null, "requested_by" varchar(100) not null, "source_activated_at" timestamptz null, "source_activated_by" varchar(100) null, "target_activated_at" timestamptz null, "target_activated_by" varchar(100) null, "activated_once_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by" varchar(100) null, "revision" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "write_back_agreement_pcn_id_index" on "write_back_agreement" ("pcn_id");`);
    this.addSql(`create index "write_back_agreement_source_id_index" on "write_back_agreement" ("source_id");`);
    this.addSql(`create index "write_back_agreement_target_id_index" on "write_back_agreement" ("target_id");`);
    this.addSql(
      `create unique index "write_back_agreement_live_pair_index" on "write_back_agreement" ("source_id", "target_id") where "state" <> 'REVOKED';`,
    );

    this.addSql(
      `create table "write_back_delivery" ("id" uuid not null, "message_id" uuid not null, "position" bigserial, "record_id" uuid not null, "entry_id" uuid not null, "consultation_id" uuid not null, "patient_id" uuid not null, "pcn_id" uuid not null, "source_org_id" uuid not null, "target_org_id" uuid not null, "ordering_key" varchar(80) not null, "kind" text not null, "version" int not null, "replaces_message_id" uuid null, "payload" jsonb not null, "state" text not null, "attempts" int not null default 0, "total_attempts" int not null default 0, "next_attempt_at" timestamptz not null, "lease_owner" varchar(100) null, "lease_expires_at" timestamptz null, "first_attempt_at" timestamptz null, "last_attempt_at" timestamptz null, "last_error" text null, "delivered_at" timestamptz null, "due_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "write_back_delivery" add constraint "write_back_delivery_message_id_unique" unique ("message_id");`,
    );
    this.addSql(`create index "write_back_delivery_record_id_index" on "write_back_delivery" ("record_id");`);
    this.addSql(
      `create index "write_back_delivery_due_index" on "write_back_delivery" ("next_attempt_at", "position") where "state" in ('PENDING', 'RETRYING');`,
    );
    this.addSql(
      `create index "write_back_delivery_waiting_index" on "write_back_delivery" ("ordering_key", "position") where "state" = 'WAITING';`,
    );
    this.addSql(
      `create index "write_back_delivery_in_flight_index" on "write_back_delivery" ("ordering_key") where "state" in ('PENDING', 'SENDING', 'RETRYING');`,
    );
    this.addSql(
      `create index "write_back_delivery_lease_index" on "write_back_delivery" ("lease_expires_at") where "state" = 'SENDING';`,
    );
    this.addSql(
      `create index "write_back_delivery_dead_index" on "write_back_delivery" ("pcn_id", "id") where "state" = 'DEAD';`,
    );

    this.addSql(
      `create table "write_back_policy" ("id" uuid not null, "pcn_id" uuid not null, "practice_to_practice_write_back" boolean not null default false, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "write_back_policy" add constraint "write_back_policy_pcn_id_unique" unique ("pcn_id");`);

    this.addSql(
      `create table "write_back_record" ("id" uuid not null, "entry_id" uuid not null, "consultation_id" uuid not null, "patient_id" uuid not null, "pcn_id" uuid not null, "source_org_id" uuid not null, "target_org_id" uuid not null, "decision" text not null, "reason" text not null, "agreement_id" uuid null, "current_delivery_id" uuid null, "decided_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "write_back_record" add constraint "write_back_record_entry_id_unique" unique ("entry_id");`,
    );
    this.addSql(`create index "write_back_record_consultation_id_index" on "write_back_record" ("consultation_id");`);
    this.addSql(`create index "write_back_record_target_org_id_index" on "write_back_record" ("target_org_id");`);

    this.addSql(
      `create table "write_back_target" ("id" uuid not null, "practice_id" uuid not null, "kind" text not null, "endpoint_url" varchar(2000) null, "signing_secret" varchar(200) null, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "write_back_target" add constraint "write_back_target_practice_id_unique" unique ("practice_id");`,
    );

    this.addSql(
      `alter table "consultation" add constraint "consultation_patient_id_foreign" foreign key ("patient_id") references "patient" ("id");`,
    );
    this.addSql(
      `alter table "consultation" add constraint "consultation_authoring_organisation_id_foreign" foreign key ("authoring_organisation_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "consultation" add constraint "consultation_state_check" check ("state" in ('DRAFT', 'SAVED'));`,
    );

    this.addSql(
      `alter table "consultation_entry" add constraint "consultation_entry_consultation_id_foreign" foreign key ("consultation_id") references "consultation" ("id");`,
    );
    this.addSql(
      `alter table "consultation_entry" add constraint "consultation_entry_kind_check" check ("kind" in ('CODED', 'NOTE', 'MEDICATION', 'DOCUMENT'));`,
    );
    this.addSql(
      `alter table "consultation_entry" add constraint "consultation_entry_coded_kind_check" check ("coded_kind" in ('FINDING', 'PROCEDURE'));`,
    );

    this.addSql(
      `alter table "practice_record_entry" add constraint "practice_record_entry_kind_check" check ("kind" in ('ENTRY', 'REMOVAL'));`,
    );

    this.addSql(
      `alter table "write_back_agreement" add constraint "write_back_agreement_pcn_id_foreign" foreign key ("pcn_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "write_back_agreement" add constraint "write_back_agreement_source_id_foreign" foreign key ("source_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "write_back_agreement" add constraint "write_back_agreement_target_id_foreign" foreign key ("target_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "write_back_agreement" add constraint "write_back_agreement_state_check" check ("state" in ('REQUESTED', 'ACTIVE', 'SUSPENDED', 'REVOKED'));`,
    );

    this.addSql(
      `alter table "write_back_delivery" add constraint "write_back_delivery_kind_check" check ("kind" in ('ENTRY', 'REMOVAL'));`,
    );
    this.addSql(
      `alter table "write_back_delivery" add constraint "write_back_delivery_state_check" check ("state" in ('WAITING', 'PENDING', 'SENDING', 'DELIVERED', 'RETRYING', 'DEAD', 'SUPERSEDED', 'DISCARDED'));`,
    );

    this.addSql(
      `alter table "write_back_policy" add constraint "write_back_policy_pcn_id_foreign" foreign key ("pcn_id") references "organisation" ("id");`,
    );

    this.addSql(
      `alter table "write_back_record" add constraint "write_back_record_decision_check" check ("decision" in ('WRITE_BACK', 'BLOCKED', 'NOT_REQUIRED'));`,
    );

    this.addSql(
      `alter table "write_back_target" add constraint "write_back_target_practice_id_foreign" foreign key ("practice_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "write_back_target" add constraint "write_back_target_kind_check" check ("kind" in ('IN_HUB', 'HTTP'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consultation_entry" drop constraint "consultation_entry_consultation_id_foreign";`);

    this.addSql(`drop table if exists "idempotency_key" cascade;`);
    this.addSql(`drop table if exists "consultation" cascade;`);
    this.addSql(`drop table if exists "consultation_entry" cascade;`);
    this.addSql(`drop table if exists "practice_record_entry" cascade;`);
    this.addSql(`drop table if exists "write_back_agreement" cascade;`);
    this.addSql(`drop table if exists "write_back_delivery" cascade;`);
    this.addSql(`drop table if exists "write_back_policy" cascade;`);
    this.addSql(`drop table if exists "write_back_record" cascade;`);
    this.addSql(`drop table if exists "write_back_target" cascade;`);
  }
}
