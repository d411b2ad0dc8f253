import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

export class Migration20261124065117_prescribing extends Migration {
  override name = 'Migration20261124065117_prescribing';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "prescribing_cost_centre" ("id" uuid not null, "ods_code" varchar(6) not null, "name" varchar(200) not null, "hub_id" uuid not null, "parent_commissioner_code" varchar(6) null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.unique('prescribing_cost_centre', 'ods_code'),
      sql.index('prescribing_cost_centre', 'hub_id'),

      `create table "prescription_sequence" ("ods_code" varchar(6) not null, "last_value" int not null, primary key ("ods_code"));`,
      // The short-form sequence block is 5 hex digits: the counter wraps inside [0, 0xFFFFF].
      `alter table "prescription_sequence" add constraint "prescription_sequence_range_check" check ("last_value" >= 0 and "last_value" <= 1048575);`,

      `create table "prescriber" ("id" uuid not null, "cost_centre_id" uuid not null, "staff_user_id" uuid not null, "code_kind" text not null, "code" varchar(12) not null, "profession" text not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('prescriber', 'staff_user_id'),
      sql.unique('prescriber', 'cost_centre_id', 'staff_user_id'),

      `create table "prescription" ("id" uuid not null, "hub_id" uuid not null, "patient_id" uuid not null, "registered_practice_id" uuid not null, "hub_service_id" uuid null, "consultation_id" uuid null, "course_of_therapy" text not null, "state" text not null, "item_count" smallint not null, "nominated_dispenser_ods" varchar(6) null, "raised_by" varchar(100) not null, "raised_at" timestamptz not null, "cost_centre_id" uuid null, "prescriber_id" uuid null, "issuer_ods" varchar(6) null, "prescriber_code_kind" text null, "prescriber_code" varchar(12) null, "prescription_type" varchar(4) null, "short_form_id" varchar(20) null, "long_form_id" uuid null, "issued_by" varchar(100) null, "issued_at" timestamptz null, "status_reason" text null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('prescription', 'patient_id'),
      sql.index('prescription', 'registered_practice_id'),
      sql.index('prescription', 'consultation_id'),
      sql.unique('prescription', 'short_form_id'),
      sql.unique('prescription', 'long_form_id'),
      sql.index('prescription', 'hub_id', 'issued_at'),
      sql.index('prescription', 'hub_id', 'id'),

      `create table "prescription_transition" ("id" uuid not null, "prescription_id" uuid not null, "action" varchar(30) not null, "from_state" varchar(40) null, "to_state" varchar(40) not null, "actor_id" varchar(100) not null, "actor_organisation_id" uuid not null, "reason" text null, "at" timestamptz not null, primary key ("id"));`,
      sql.index('prescription_transition', 'prescription_id'),

      `create table "prescription_item" ("id" uuid not null, "prescription_id" uuid not null, "line_no" smallint not null, "dmd_code" varchar(18) not null, "medicine_name" varchar(255) null, "quantity" numeric(12,3) not null, "unit" varchar(100) not null, "dosage_text" varchar(1000) not null, "controlled_drug_schedule" varchar(12) null, primary key ("id"));`,
      sql.index('prescription_item', 'dmd_code'),
      sql.unique('prescription_item', 'prescription_id', 'line_no'),

      sql.foreignKey('prescribing_cost_centre', 'hub_id', 'organisation'),

      sql.constraints('prescriber', {
        foreignKeys: { cost_centre_id: 'prescribing_cost_centre', staff_user_id: 'staff_user' },
        checks: {
          code_kind: 'DIN SPURIOUS PROFESSIONAL',
          profession: 'MEDICAL NURSE PHARMACIST PARAMEDIC PHYSIOTHERAPIST',
        },
      }),

      sql.constraints('prescription', {
        foreignKeys: {
          hub_id: 'organisation',
          patient_id: 'patient',
          registered_practice_id: 'organisation',
          hub_service_id: sql.onDeleteSetNull('hub_service'),
          cost_centre_id: sql.onDeleteSetNull('prescribing_cost_centre'),
          prescriber_id: sql.onDeleteSetNull('prescriber'),
        },
        checks: {
          course_of_therapy: 'ACUTE REPEAT',
          state: 'RAISED PENDING_PRACTICE_RECONCILIATION ISSUED REJECTED CANCELLED DISPENSED',
          prescriber_code_kind: 'DIN SPURIOUS PROFESSIONAL',
        },
      }),

      sql.foreignKey('prescription_transition', 'prescription_id', 'prescription'),

      sql.foreignKey('prescription_item', 'prescription_id', 'prescription'),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [
      sql.dropForeignKey('prescriber', 'cost_centre_id'),
      sql.dropForeignKey('prescription', 'cost_centre_id'),
      sql.dropForeignKey('prescription', 'prescriber_id'),
      sql.dropForeignKey('prescription_transition', 'prescription_id'),
      sql.dropForeignKey('prescription_item', 'prescription_id'),

      sql.dropTables(
        'prescribing_cost_centre',
        'prescription_sequence',
        'prescriber',
        'prescription',
        'prescription_transition',
        'prescription_item',
      ),
    ]);
  }
}
