import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

export class Migration20261124064347_write_back extends Migration {
  override name = 'Migration20261124064347_write_back';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "idempotency_key" ("id" uuid not null, "actor_id" varchar(100) not null, "key" varchar(200) not null, "operation" varchar(100) not null, "request_hash" varchar(64) not null, "result_id" varchar(100) not null, "created_at" timestamptz not null, primary key ("id"));`,
      sql.unique('idempotency_key', 'actor_id', 'key'),

      `create table "consultation" ("id" uuid not null, "patient_id" uuid not null, "authoring_organisation_id" uuid not null, "author_id" varchar(100) not null, "location" varchar(200) not null, "started_at" timestamptz not null, "clinically_relevant" boolean not null, "source_product" varchar(64) not null, "inbox_consultation_id" uuid null, "state" text not null, "version" int not null default 0, "revision" int not null default 1, "saved_at" timestamptz null, "saved_by" varchar(100) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('consultation', 'patient_id'),
      sql.index('consultation', 'authoring_organisation_id'),
      sql.index('consultation', 'inbox_consultation_id'),

      `create table "consultation_entry" ("id" uuid not null, "consultation_id" uuid not null, "kind" text not null, "coded_kind" text null, "snomed_code" varchar(18) null, "term" varchar(255) null, "text" text null, "admin_only" boolean not null default false, "dmd_code" varchar(18) null, "medication_name" varchar(255) null, "dose" varchar(500) null, "quantity" varchar(100) null, "document_title" varchar(255) null, "document_content_type" varchar(100) null, "document_size_bytes" int null, "document_reference" varchar(500) null, "removed" boolean not null default false, "revision" int not null default 1, "saved_revision" int not null default 0, "created_by" varchar(100) not null, "updated_by" varchar(100) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('consultation_entry', 'consultation_id'),

      `create table "practice_record_entry" ("id" uuid not null, "message_id" uuid not null, "practice_id" uuid not null, "patient_id" uuid not null, "record_id" uuid not null, "kind" text not null, "version" int not null, "replaces_message_id" uuid null, "superseded_by_message_id" uuid null, "content" jsonb not null, "received_at" timestamptz not null, primary key ("id"));`,
      sql.unique('practice_record_entry', 'message_id'),
      sql.index('practice_record_entry', 'practice_id', 'patient_id'),

      `create table "write_back_agreement" ("id" uuid not null, "pcn_id" uuid not null, "source_id" uuid not null, "target_id" uuid not null, "one_to_one" boolean not null default false, "state" text not null, "requested_by" varchar(100) not null, "source_activated_at" timestamptz null, "source_activated_by" varchar(100) null, "target_activated_at" timestamptz null, "target_activated_by" varchar(100) null, "activated_once_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by" varchar(100) null, "revision" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('write_back_agreement', 'pcn_id'),
      sql.index('write_back_agreement', 'source_id'),
      sql.index('write_back_agreement', 'target_id'),
      sql.partialIndex('write_back_agreement', {
        name: 'write_back_agreement_live_pair_index',
        columns: ['source_id', 'target_id'],
        where: `"state" <> 'REVOKED'`,
        unique: true,
      }),

      `create table "write_back_delivery" ("id" uuid not null, "message_id" uuid not null, "position" bigserial, "record_id" uuid not null, "entry_id" uuid not null, "consultation_id" uuid not null, "patient_id" uuid not null, "pcn_id" uuid not null, "source_org_id" uuid not null, "target_org_id" uuid not null, "ordering_key" varchar(80) not null, "kind" text not null, "version" int not null, "replaces_message_id" uuid null, "payload" jsonb not null, "state" text not null, "attempts" int not null default 0, "total_attempts" int not null default 0, "next_attempt_at" timestamptz not null, "lease_owner" varchar(100) null, "lease_expires_at" timestamptz null, "first_attempt_at" timestamptz null, "last_attempt_at" timestamptz null, "last_error" text null, "delivered_at" timestamptz null, "due_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.unique('write_back_delivery', 'message_id'),
      sql.index('write_back_delivery', 'record_id'),
      sql.partialIndex('write_back_delivery', {
        name: 'write_back_delivery_due_index',
        columns: ['next_attempt_at', 'position'],
        where: `"state" in ('PENDING', 'RETRYING')`,
      }),
      sql.partialIndex('write_back_delivery', {
        name: 'write_back_delivery_waiting_index',
        columns: ['ordering_key', 'position'],
        where: `"state" = 'WAITING'`,
      }),
      sql.partialIndex('write_back_delivery', {
        name: 'write_back_delivery_in_flight_index',
        columns: ['ordering_key'],
        where: `"state" in ('PENDING', 'SENDING', 'RETRYING')`,
      }),
      sql.partialIndex('write_back_delivery', {
        name: 'write_back_delivery_lease_index',
        columns: ['lease_expires_at'],
        where: `"state" = 'SENDING'`,
      }),
      sql.partialIndex('write_back_delivery', {
        name: 'write_back_delivery_dead_index',
        columns: ['pcn_id', 'id'],
        where: `"state" = 'DEAD'`,
      }),

      `create table "write_back_policy" ("id" uuid not null, "pcn_id" uuid not null, "practice_to_practice_write_back" boolean not null default false, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.unique('write_back_policy', 'pcn_id'),

      `create table "write_back_record" ("id" uuid not null, "entry_id" uuid not null, "consultation_id" uuid not null, "patient_id" uuid not null, "pcn_id" uuid not null, "source_org_id" uuid not null, "target_org_id" uuid not null, "decision" text not null, "reason" text not null, "agreement_id" uuid null, "current_delivery_id" uuid null, "decided_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.unique('write_back_record', 'entry_id'),
      sql.index('write_back_record', 'consultation_id'),
      sql.index('write_back_record', 'target_org_id'),

      `create table "write_back_target" ("id" uuid not null, "practice_id" uuid not null, "kind" text not null, "endpoint_url" varchar(2000) null, "signing_secret" varchar(200) null, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.unique('write_back_target', 'practice_id'),

      sql.constraints('consultation', {
        foreignKeys: { patient_id: 'patient', authoring_organisation_id: 'organisation' },
        checks: { state: 'DRAFT SAVED' },
      }),

      sql.constraints('consultation_entry', {
        foreignKeys: { consultation_id: 'consultation' },
        checks: { kind: 'CODED NOTE MEDICATION DOCUMENT', coded_kind: 'FINDING PROCEDURE' },
      }),

      sql.check('practice_record_entry', 'kind', 'ENTRY REMOVAL'),

      sql.constraints('write_back_agreement', {
        foreignKeys: { pcn_id: 'organisation', source_id: 'organisation', target_id: 'organisation' },
        checks: { state: 'REQUESTED ACTIVE SUSPENDED REVOKED' },
      }),

      sql.constraints('write_back_delivery', {
        checks: {
          kind: 'ENTRY REMOVAL',
          state: 'WAITING PENDING SENDING DELIVERED RETRYING DEAD SUPERSEDED DISCARDED',
        },
      }),

      sql.foreignKey('write_back_policy', 'pcn_id', 'organisation'),

      sql.check('write_back_record', 'decision', 'WRITE_BACK BLOCKED NOT_REQUIRED'),

      sql.constraints('write_back_target', {
        foreignKeys: { practice_id: 'organisation' },
        checks: { kind: 'IN_HUB HTTP' },
      }),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [
      sql.dropForeignKey('consultation_entry', 'consultation_id'),

      sql.dropTables(
        'idempotency_key',
        'consultation',
        'consultation_entry',
        'practice_record_entry',
        'write_back_agreement',
        'write_back_delivery',
        'write_back_policy',
        'write_back_record',
        'write_back_target',
      ),
    ]);
  }
}
