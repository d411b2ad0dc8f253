import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

export class Migration20261124061619_initial extends Migration {
  override name = 'Migration20261124061619_initial';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "audit_event" ("id" uuid not null, "at" timestamptz not null, "actor_id" varchar(100) not null, "actor_type" varchar(20) not null, "organisation_ods" varchar(12) null, "action" varchar(100) not null, "subject_type" varchar(50) not null, "subject_id" varchar(100) null, "patient_id" uuid null, "outcome" text not null, "request_id" varchar(64) null, "reason" varchar(500) null, primary key ("id"));`,
      sql.index('audit_event', 'at'),
      sql.index('audit_event', 'actor_id'),
      sql.index('audit_event', 'patient_id'),

      `create table "organisation" ("id" uuid not null, "kind" text not null, "ods_code" varchar(12) not null, "name" varchar(200) not null, "pcn_id" uuid null, "active" boolean not null default true, "created_at" timestamptz not null, primary key ("id"));`,
      sql.unique('organisation', 'ods_code'),
      sql.index('organisation', 'pcn_id'),

      `create table "patient" ("id" uuid not null, "nhs_number" varchar(10) not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "date_of_birth" date not null, "sex" text not null default 'UNKNOWN', "registered_practice_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`,
      sql.unique('patient', 'nhs_number'),
      sql.index('patient', 'registered_practice_id'),
      sql.index('patient', 'family_name', 'given_name'),

      `create table "staff_user" ("id" uuid not null, "username" varchar(100) not null, "display_name" varchar(200) not null, "organisation_id" uuid not null, "roles" text[] not null, "active" boolean not null default true, "created_at" timestamptz not null, primary key ("id"));`,
      sql.unique('staff_user', 'username'),
      sql.index('staff_user', 'organisation_id'),

      sql.check('audit_event', 'outcome', 'SUCCESS DENIED FAILED'),

      sql.constraints('organisation', {
        foreignKeys: { pcn_id: sql.onDeleteSetNull('organisation') },
        checks: { kind: 'PCN HUB PRACTICE' },
      }),

      sql.constraints('patient', {
        foreignKeys: { registered_practice_id: 'organisation' },
        checks: { sex: 'FEMALE MALE OTHER UNKNOWN' },
      }),

      sql.foreignKey('staff_user', 'organisation_id', 'organisation'),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [
      sql.dropForeignKey('organisation', 'pcn_id'),
      sql.dropForeignKey('patient', 'registered_practice_id'),
      sql.dropForeignKey('staff_user', 'organisation_id'),

      sql.dropTables('audit_event', 'organisation', 'patient', 'staff_user'),
    ]);
  }
}
