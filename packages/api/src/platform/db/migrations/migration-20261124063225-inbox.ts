import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

export class Migration20261124063225_inbox extends Migration {
  override name = 'Migration20261124063225_inbox';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "oc_routing_setting" ("id" uuid not null, "practice_id" uuid not null, "routing" text not null, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.unique('oc_routing_setting', 'practice_id'),

      `create table "hub_service" ("id" uuid not null, "hub_id" uuid not null, "kind" text not null, "name" varchar(200) not null, "active" boolean not null default true, "created_at" timestamptz not null, primary key ("id"));`,
      sql.index('hub_service', 'hub_id'),
      sql.unique('hub_service', 'hub_id', 'name'),

      `create table "capacity_plan" ("id" uuid not null, "service_id" uuid not null, "date" date not null, "planned_capacity" int not null, "soft_threshold" int not null, "hard_threshold" int not null, "overflow_mode" text not null, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.unique('capacity_plan', 'service_id', 'date'),

      `create table "online_consultation" ("id" uuid not null, "supplier" varchar(40) not null, "supplier_reference" varchar(100) not null, "originating_practice_id" uuid not null, "owner_id" uuid not null, "patient_id" uuid null, "nhs_number" varchar(10) not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "date_of_birth" date not null, "type" text not null, "template" varchar(200) not null, "submitted_at" timestamptz not null, "response_expected_by" timestamptz null, "answers" jsonb not null, "red_flags" jsonb not null, "red_flag_count" int not null, "ice" jsonb null, "attachments" jsonb not null, "state" text not null, "urgency" text null, "urgency_rank" smallint not null default 5, "signpost" jsonb null, "signpost_service_id" uuid null, "routing_reason" text not null, "lock_holder" varchar(100) null, "lock_holder_org_id" uuid null, "lock_holder_family" varchar(20) null, "lock_since" timestamptz null, "lock_expires_at" timestamptz null, "triage_notes" text null, "outcome" varchar(200) null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('online_consultation', 'originating_practice_id'),
      sql.index('online_consultation', 'patient_id'),
      sql.index('online_consultation', 'signpost_service_id'),
      sql.index('online_consultation', 'owner_id', 'state'),
      sql.index('online_consultation', 'owner_id', 'submitted_at'),
      sql.unique('online_consultation', 'supplier', 'supplier_reference'),

      `create table "consultation_transition" ("id" uuid not null, "consultation_id" uuid not null, "action" varchar(30) not null, "from_state" varchar(30) not null, "to_state" varchar(30) not null, "actor_id" varchar(100) not null, "reason" text null, "from_owner_id" uuid null, "to_owner_id" uuid not null, "at" timestamptz not null, primary key ("id"));`,
      sql.index('consultation_transition', 'consultation_id'),

      sql.constraints('oc_routing_setting', {
        foreignKeys: { practice_id: 'organisation' },
        checks: { routing: 'HUB_INBOX PRACTICE_INBOX' },
      }),

      sql.constraints('hub_service', {
        foreignKeys: { hub_id: 'organisation' },
        checks: {
          kind: 'MINOR_ILLNESS ENHANCED_ACCESS FCP_PHYSIO MENTAL_HEALTH CARE_HOME PHARMACY SOCIAL_PRESCRIBING OTHER',
        },
      }),

      sql.constraints('capacity_plan', {
        foreignKeys: { service_id: 'hub_service' },
        checks: { overflow_mode: 'PASS_BACK_DEFAULT SHARED_TRIAGE' },
      }),

      sql.constraints('online_consultation', {
        foreignKeys: {
          originating_practice_id: 'organisation',
          owner_id: 'organisation',
          patient_id: sql.onDeleteSetNull('patient'),
          signpost_service_id: sql.onDeleteSetNull('hub_service'),
        },
        checks: {
          type: 'CLINICAL ADMIN',
          state:
            'RECEIVED UNMATCHED AWAITING_TRIAGE IN_TRIAGE PASSED_TO_PRACTICE HUB_SERVICE_QUEUE ADMIN_QUEUE URGENT_ESCALATION IN_PROGRESS SIGNPOSTED_EXTERNAL CLOSED_REMOTELY COMPLETED CANCELLED',
          urgency: 'SAME_DAY WITHIN_24_HOURS WITHIN_3_DAYS WITHIN_5_DAYS ROUTINE',
          routing_reason: 'ROUTED_TO_HUB PRACTICE_SETTING HUB_OVER_CAPACITY PASSED_BACK PULLED_TO_HUB SHARED_TRIAGE',
        },
      }),

      sql.foreignKey('consultation_transition', 'consultation_id', 'online_consultation'),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [
      sql.dropForeignKey('capacity_plan', 'service_id'),
      sql.dropForeignKey('online_consultation', 'signpost_service_id'),
      sql.dropForeignKey('consultation_transition', 'consultation_id'),

      sql.dropTables(
        'oc_routing_setting',
        'hub_service',
        'capacity_plan',
        'online_consultation',
        'consultation_transition',
      ),
    ]);
  }
}
