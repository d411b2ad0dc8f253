import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

export class Migration20261124070416_referrals extends Migration {
  override name = 'Migration20261124070416_referrals';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "hub_team" ("id" uuid not null, "hub_id" uuid not null, "name" varchar(200) not null, "accepts_cross_org_tasks" boolean not null default false, "created_at" timestamptz not null, primary key ("id"));`,
      sql.unique('hub_team', 'hub_id', 'name'),

      `create table "appointment_book" ("id" uuid not null, "hub_id" uuid not null, "service_id" uuid not null, "name" varchar(200) not null, "gp_connect_bookable" boolean not null default false, "session_holder" varchar(100) null, "active" boolean not null default true, "created_by" varchar(100) not null, "created_at" timestamptz not null, primary key ("id"));`,
      sql.index('appointment_book', 'hub_id'),
      sql.index('appointment_book', 'service_id'),
      sql.unique('appointment_book', 'hub_id', 'name'),

      `create table "organisation_group_member" ("id" uuid not null, "hub_id" uuid not null, "member_id" uuid not null, "added_by" varchar(100) not null, "added_at" timestamptz not null, primary key ("id"));`,
      sql.index('organisation_group_member', 'member_id'),
      sql.unique('organisation_group_member', 'hub_id', 'member_id'),

      `create table "hub_registration" ("id" uuid not null, "hub_id" uuid not null, "patient_id" uuid not null, "type" text not null, "updated_by" varchar(100) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('hub_registration', 'patient_id'),
      sql.unique('hub_registration', 'hub_id', 'patient_id'),

      `create table "patient_trace_task" ("id" uuid not null, "hub_id" uuid not null, "patient_id" uuid not null, "nhs_number" varchar(10) not null, "requested_by_id" uuid not null, "referral_id" uuid not null, "state" text not null, "outcome_reason" varchar(500) null, "completed_by" varchar(100) null, "completed_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`,
      sql.index('patient_trace_task', 'patient_id'),
      sql.index('patient_trace_task', 'requested_by_id'),
      sql.index('patient_trace_task', 'hub_id', 'state', 'created_at'),
      sql.partialIndex('patient_trace_task', {
        name: 'patient_trace_task_open_unique',
        columns: ['hub_id', 'patient_id'],
        where: `"state" = 'OPEN'`,
        unique: true,
      }),

      `create table "referral_agreement" ("id" uuid not null, "hub_id" uuid not null, "practice_id" uuid not null, "type" text not null, "state" text not null, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('referral_agreement', 'practice_id'),
      sql.unique('referral_agreement', 'hub_id', 'practice_id', 'type'),

      `create table "slot_type" ("id" uuid not null, "hub_id" uuid not null, "service_id" uuid not null, "name" varchar(60) not null, "mode" text not null, "description" varchar(500) null, "created_by" varchar(100) not null, "created_at" timestamptz not null, primary key ("id"));`,
      sql.index('slot_type', 'hub_id'),
      sql.index('slot_type', 'service_id'),
      sql.unique('slot_type', 'hub_id', 'name'),

      `create table "appointment_slot" ("id" uuid not null, "hub_id" uuid not null, "service_id" uuid not null, "book_id" uuid not null, "slot_type_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "mode" text not null, "status" text not null default 'FREE', "booked_by_org_id" uuid null, "booked_at" timestamptz null, "blocked_reason" varchar(500) null, "created_at" timestamptz not null, primary key ("id"));`,
      sql.index('appointment_slot', 'slot_type_id'),
      sql.index('appointment_slot', 'service_id', 'status', 'starts_at'),
      sql.index('appointment_slot', 'hub_id', 'status', 'starts_at'),
      sql.index('appointment_slot', 'book_id', 'starts_at'),

      `create table "referral" ("id" uuid not null, "method" text not null, "hub_id" uuid not null, "service_id" uuid not null, "from_organisation_id" uuid not null, "patient_id" uuid not null, "nhs_number" varchar(10) not null, "state" text not null, "slot_id" uuid null, "consent_to_record_access" boolean not null default false, "consent_recorded_at" timestamptz null, "consent_recorded_by" varchar(100) null, "reason" text null, "team_id" uuid null, "task_subject" varchar(200) null, "task_category" text null, "task_body" text null, "document" jsonb null, "online_consultation_id" uuid null, "consultation_id" uuid null, "outcome_reason" varchar(500) null, "created_by" varchar(100) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('referral', 'service_id'),
      sql.index('referral', 'patient_id'),
      sql.index('referral', 'slot_id'),
      sql.unique('referral', 'online_consultation_id'),
      sql.index('referral', 'hub_id', 'state'),
      sql.index('referral', 'hub_id', 'created_at'),
      sql.index('referral', 'from_organisation_id', 'created_at'),

      `create table "referral_transition" ("id" uuid not null, "referral_id" uuid not null, "from_state" varchar(30) null, "to_state" varchar(30) not null, "actor_id" varchar(100) not null, "reason" varchar(500) null, "at" timestamptz not null, primary key ("id"));`,
      sql.index('referral_transition', 'referral_id'),

      sql.addColumns('hub_service', {
        inclusion_criteria: 'text null',
        exclusion_criteria: 'text null',
        days_of_operation: `text[] not null default '{}'`,
        required_roles: `text[] not null default '{}'`,
        referral_methods: `text[] not null default '{}'`,
      }),

      sql.foreignKey('hub_team', 'hub_id', 'organisation'),

      sql.constraints('appointment_book', {
        foreignKeys: { hub_id: 'organisation', service_id: 'hub_service' },
      }),

      sql.constraints('organisation_group_member', {
        foreignKeys: { hub_id: 'organisation', member_id: 'organisation' },
      }),

      sql.constraints('hub_registration', {
        foreignKeys: { hub_id: 'organisation', patient_id: 'patient' },
        checks: { type: 'UNREGISTERED TRACED GP_CONNECT' },
      }),

      sql.constraints('patient_trace_task', {
        foreignKeys: { hub_id: 'organisation', patient_id: 'patient', requested_by_id: 'organisation' },
        checks: { state: 'OPEN TRACED FAILED' },
      }),

      sql.constraints('referral_agreement', {
        foreignKeys: { hub_id: 'organisation', practice_id: 'organisation' },
        checks: { type: 'CROSS_ORG_APPOINTMENTS CROSS_ORG_TASKS', state: 'REQUESTED ACTIVE SUSPENDED REVOKED' },
      }),

      sql.constraints('slot_type', {
        foreignKeys: { hub_id: 'organisation', service_id: 'hub_service' },
        checks: { mode: 'FACE_TO_FACE TELEPHONE VIDEO' },
      }),

      sql.constraints('appointment_slot', {
        foreignKeys: {
          hub_id: 'organisation',
          service_id: 'hub_service',
          book_id: 'appointment_book',
          slot_type_id: 'slot_type',
        },
        checks: { mode: 'FACE_TO_FACE TELEPHONE VIDEO', status: 'FREE BOOKED BLOCKED' },
      }),

      sql.constraints('referral', {
        foreignKeys: {
          hub_id: 'organisation',
          service_id: 'hub_service',
          from_organisation_id: 'organisation',
          patient_id: 'patient',
          slot_id: sql.onDeleteSetNull('appointment_slot'),
          team_id: sql.onDeleteSetNull('hub_team'),
        },
        checks: {
          method: 'CROSS_ORGANISATION_BOOKING GP_CONNECT_BOOKING INBOX_SIGNPOST CROSS_ORGANISATION_TASK DOCUMENT_SEND',
          state: 'REQUESTED BOOKED AWAITING_TRACE READY ATTENDED DID_NOT_ATTEND CANCELLED REJECTED COMPLETED',
          task_category: 'ADMIN CLINICAL_REVIEW MEDICATION RESULTS APPOINTMENT_REQUEST OTHER',
        },
      }),

      sql.foreignKey('referral_transition', 'referral_id', 'referral'),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [
      sql.dropForeignKey('referral', 'team_id'),
      sql.dropForeignKey('appointment_slot', 'book_id'),
      sql.dropForeignKey('appointment_slot', 'slot_type_id'),
      sql.dropForeignKey('referral', 'slot_id'),
      sql.dropForeignKey('referral_transition', 'referral_id'),

      sql.dropTables(
        'hub_team',
        'appointment_book',
        'organisation_group_member',
        'hub_registration',
        'patient_trace_task',
        'referral_agreement',
        'slot_type',
        'appointment_slot',
        'referral',
        'referral_transition',
      ),

      sql.dropColumns(
        'hub_service',
        'inclusion_criteria',
        'exclusion_criteria',
        'days_of_operation',
        'required_roles',
        'referral_methods',
      ),
    ]);
  }
}
