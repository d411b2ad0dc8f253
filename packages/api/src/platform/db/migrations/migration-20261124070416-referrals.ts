import { Migration } from '@mikro-orm/migrations';

export class Migration20261124070416_referrals extends Migration {
  override name = 'Migration20261124070416_referrals';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "hub_team" ("id" uuid not null, "hub_id" uuid not null, "name" varchar(200) not null, "accepts_cross_org_tasks" boolean not null default false, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "hub_team" add constraint "hub_team_hub_id_name_unique" unique ("hub_id", "name");`);

    this.addSql(
      `create table "appointment_book" ("id" uuid not null, "hub_id" uuid not null, "service_id" uuid not null, "name" varchar(200) not null, "gp_connect_bookable" boolean not null default false, "session_holder" varchar(100) null, "active" boolean not null default true, "created_by" varchar(100) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "appointment_book_hub_id_index" on "appointment_book" ("hub_id");`);
    this.addSql(`create index "appointment_book_service_id_index" on "appointment_book" ("service_id");`);
    this.addSql(
      `alter table "appointment_book" add constraint "appointment_book_hub_id_name_unique" unique ("hub_id", "name");`,
    );

    this.addSql(
      `create table "organisation_group_member" ("id" uuid not null, "hub_id" uuid not null, "member_id" uuid not null, "added_by" varchar(100) not null, "added_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "organisation_group_member_member_id_index" on "organisation_group_member" ("member_id");`,
    );
    this.addSql(
      `alter table "organisation_group_member" add constraint "organisation_group_member_hub_id_member_id_unique" unique ("hub_id", "member_id");`,
    );

    this.addSql(
      `create table "hub_registration" ("id" uuid not null, "hub_id" uuid not null, "patient_id" uuid not null, "type" text not null, "updated_by" varchar(100) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "hub_registration_patient_id_index" on "hub_registration" ("patient_id");`);
    this.addSql(
      `alter table "hub_registration" add constraint "hub_registration_hub_id_patient_id_unique" unique ("hub_id", "patient_id");`,
    );

    this.addSql(
      `create table "patient_trace_task" ("id" uuid not null, "hub_id" uuid not null, "patient_id" uuid not null, "nhs_number" varchar(10) not null, "requested_by_id" uuid not null, "referral_id" uuid not null, "state" text not null, "outcome_reason" varchar(500) null, "completed_by" varchar(100) null, "completed_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "patient_trace_task_patient_id_index" on "patient_trace_task" ("patient_id");`);
    this.addSql(`create index "patient_trace_task_requested_by_id_index" on "patient_trace_task" ("requested_by_id");`);
    this.addSql(
      `create index "patient_trace_task_hub_id_state_created_at_index" on "patient_trace_task" ("hub_id", "state", "created_at");`,
    );
    this.addSql(
      `create unique index "patient_trace_task_open_unique" on "patient_trace_task" ("hub_id", "patient_id") where "state" = 'OPEN';`,
    );

    this.addSql(
      `create table "referral_agreement" ("id" uuid not null, "hub_id" uuid not null, "practice_id" uuid not null, "type" text not null, "state" text not null, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "referral_agreement_practice_id_index" on "referral_agreement" ("practice_id");`);
    this.addSql(
      `alter table "referral_agreement" add constraint "referral_agreement_hub_id_practice_id_type_unique" unique ("hub_id", "practice_id", "type");`,
    );

    this.addSql(
      `create table "slot_type" ("id" uuid not null, "hub_id" uuid not null, "service_id" uuid not null, "name" varchar(60) not null, "mode" text not null, "description" varchar(500) null, "created_by" varchar(100) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "slot_type_hub_id_index" on "slot_type" ("hub_id");`);
    this.addSql(`create index "slot_type_service_id_index" on "slot_type" ("service_id");`);
    this.addSql(`alter table "slot_type" add constraint "slot_type_hub_id_name_unique" unique ("hub_id", "name");`);

    this.addSql(
      `create table "appointment_slot" ("id" uuid not null, "hub_id" uuid not null, "service_id" uuid not null, "book_id" uuid not null, "slot_type_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "mode" text not null, "status" text not null default 'FREE', "booked_by_org_id" uuid null, "booked_at" timestamptz null, "blocked_reason" varchar(500) null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "appointment_slot_slot_type_id_index" on "appointment_slot" ("slot_type_id");`);
    this.addSql(
      `create index "appointment_slot_service_id_status_starts_at_index" on "appointment_slot" ("service_id", "status", "starts_at");`,
    );
    this.addSql(
      `create index "appointment_slot_hub_id_status_starts_at_index" on "appointment_slot" ("hub_id", "status", "starts_at");`,
    );
    this.addSql(
      `create index "appointment_slot_book_id_starts_at_index" on "appointment_slot" ("book_id", "starts_at");`,
    );

    this.addSql(
      `create table "referral" ("id" uuid not null, "method" text not null, "hub_id" uuid not null, "service_id" uuid not null, "from_organisation_id" uuid not null, "patient_id" uuid not null, "nhs_number" varchar(10) not null, "state" text not null, "slot_id" uuid null, "consent_to_record_access" boolean not null default false, "consent_recorded_at" timestamptz null, "consent_recorded_by" varchar(100) null, "reason" text null, "team_id" uuid null, "task_subject" varchar(200) null, "task_category" text null, "task_body" text null, "document" jsonb null, "online_consultation_id" uuid null, "consultation_id" uuid null, "outcome_reason" varchar(500) null, "created_by" varchar(100) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "referral_service_id_index" on "referral" ("service_id");`);
    this.addSql(`create index "referral_patient_id_index" on "referral" ("patient_id");`);
    this.addSql(`create index "referral_slot_id_index" on "referral" ("slot_id");`);
    this.addSql(
      `alter table "referral" add constraint "referral_online_consultation_id_unique" unique ("online_consultation_id");`,
    );
    this.addSql(`create index "referral_hub_id_state_index" on "referral" ("hub_id", "state");`);
    this.addSql(`create index "referral_hub_id_created_at_index" on "referral" ("hub_id", "created_at");`);
    this.addSql(
      `create index "referral_from_organisation_id_created_at_index" on "referral" ("from_organisation_id", "created_at");`,
    );

    this.addSql(
      `create table "referral_transition" ("id" uuid not null, "referral_id" uuid not null, "from_state" varchar(30) null, "to_state" varchar(30) not null, "actor_id" varchar(100) not null, "reason" varchar(500) null, "at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "referral_transition_referral_id_index" on "referral_transition" ("referral_id");`);

    this.addSql(
      `alter table "hub_service" add "inclusion_criteria" text null, add "exclusion_criteria" text null, add "days_of_operation" text[] not null default '{}', add "required_roles" text[] not null default '{}', add "referral_methods" text[] not null default '{}';`,
    );

    this.addSql(
      `alter table "hub_team" add constraint "hub_team_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );

    this.addSql(
      `alter table "appointment_book" add constraint "appointment_book_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "appointment_book" add constraint "appointment_book_service_id_foreign" foreign key ("service_id") references "hub_service" ("id");`,
    );

    this.addSql(
      `alter table "organisation_group_member" add constraint "organisation_group_member_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "organisation_group_member" add constraint "organisation_group_member_member_id_foreign" foreign key ("member_id") references "organisation" ("id");`,
    );

    this.addSql(
      `alter table "hub_registration" add constraint "hub_registration_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "hub_registration" add constraint "hub_registration_patient_id_foreign" foreign key ("patient_id") references "patient" ("id");`,
    );
    this.addSql(
      `alter table "hub_registration" add constraint "hub_registration_type_check" check ("type" in ('UNREGISTERED', 'TRACED', 'GP_CONNECT'));`,
    );

    this.addSql(
      `alter table "patient_trace_task" add constraint "patient_trace_task_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "patient_trace_task" add constraint "patient_trace_task_patient_id_foreign" foreign key ("patient_id") references "patient" ("id");`,
    );
    this.addSql(
      `alter table "patient_trace_task" add constraint "patient_trace_task_requested_by_id_foreign" foreign key ("requested_by_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "patient_trace_task" add constraint "patient_trace_task_state_check" check ("state" in ('OPEN', 'TRACED', 'FAILED'));`,
    );

    this.addSql(
      `alter table "referral_agreement" add constraint "referral_agreement_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "referral_agreement" add constraint "referral_agreement_practice_id_foreign" foreign key ("practice_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "referral_agreement" add constraint "referral_agreement_type_check" check ("type" in ('CROSS_ORG_APPOINTMENTS', 'CROSS_ORG_TASKS'));`,
    );
    this.addSql(
      `alter table "referral_agreement" add constraint "referral_agreement_state_check" check ("state" in ('REQUESTED', 'ACTIVE', 'SUSPENDED', 'REVOKED'));`,
    );

    this.addSql(
      `alter table "slot_type" add constraint "slot_type_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "slot_type" add constraint "slot_type_service_id_foreign" foreign key ("service_id") references "hub_service" ("id");`,
    );
    this.addSql(
      `alter table "slot_type" add constraint "slot_type_mode_check" check ("mode" in ('FACE_TO_FACE', 'TELEPHONE', 'VIDEO'));`,
    );

    this.addSql(
      `alter table "appointment_slot" add constraint "appointment_slot_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "appointment_slot" add constraint "appointment_slot_service_id_foreign" foreign key ("service_id") references "hub_service" ("id");`,
    );
    this.addSql(
      `alter table "appointment_slot" add constraint "appointment_slot_book_id_foreign" foreign key ("book_id") references "appointment_book" ("id");`,
    );
    this.addSql(
      `alter table "appointment_slot" add constraint "appointment_slot_slot_type_id_foreign" foreign key ("slot_type_id") references "slot_type" ("id");`,
    );
    this.addSql(
      `alter table "appointment_slot" add constraint "appointment_slot_mode_check" check ("mode" in ('FACE_TO_FACE', 'TELEPHONE', 'VIDEO'));`,
    );
    this.addSql(
      `alter table "appointment_slot" add constraint "appointment_slot_status_check" check ("status" in ('FREE', 'BOOKED', 'BLOCKED'));`,
    );

    this.addSql(
      `alter table "referral" add constraint "referral_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_service_id_foreign" foreign key ("service_id") references "hub_service" ("id");`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_from_organisation_id_foreign" foreign key ("from_organisation_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_patient_id_foreign" foreign key ("patient_id") references "patient" ("id");`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_slot_id_foreign" foreign key ("slot_id") references "appointment_slot" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_team_id_foreign" foreign key ("team_id") references "hub_team" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_method_check" check ("method" in ('CROSS_ORGANISATION_BOOKING', 'GP_CONNECT_BOOKING', 'INBOX_SIGNPOST', 'CROSS_ORGANISATION_TASK', 'DOCUMENT_SEND'));`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_state_check" check ("state" in ('REQUESTED', 'BOOKED', 'AWAITING_TRACE', 'READY', 'ATTENDED', 'DID_NOT_ATTEND', 'CANCELLED', 'REJECTED', 'COMPLETED'));`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_task_category_check" check ("task_category" in ('ADMIN', 'CLINICAL_REVIEW', 'MEDICATION', 'RESULTS', 'APPOINTMENT_REQUEST', 'OTHER'));`,
    );

    this.addSql(
      `alter table "referral_transition" add constraint "referral_transition_referral_id_foreign" foreign key ("referral_id") references "referral" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "referral" drop constraint "referral_team_id_foreign";`);
    this.addSql(`alter table "appointment_slot" drop constraint "appointment_slot_book_id_foreign";`);
    this.addSql(`alter table "appointment_slot" drop constraint "appointment_slot_slot_type_id_foreign";`);
    this.addSql(`alter table "referral" drop constraint "referral_slot_id_foreign";`);
    this.addSql(`alter table "referral_transition" drop constraint "referral_transition_referral_id_foreign";`);

    this.addSql(`drop table if exists "hub_team" cascade;`);
    this.addSql(`drop table if exists "appointment_book" cascade;`);
    this.addSql(`drop table if exists "organisation_group_member" cascade;`);
    this.addSql(`drop table if exists "hub_registration" cascade;`);
    this.addSql(`drop table if exists "patient_trace_task" cascade;`);
    this.addSql(`drop table if exists "referral_agreement" cascade;`);
    this.addSql(`drop table if exists "slot_type" cascade;`);
    this.addSql(`drop table if exists "appointment_slot" cascade;`);
    this.addSql(`drop table if exists "referral" cascade;`);
    this.addSql(`drop table if exists "referral_transition" cascade;`);

    this.addSql(
      `alter table "hub_service" drop column "inclusion_criteria", drop column "exclusion_criteria", drop column "days_of_operation", drop column "required_roles", drop column "referral_methods";`,
    );
  }
}
