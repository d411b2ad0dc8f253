import { Migration } from '@mikro-orm/migrations';

export class Migration20261124063225_inbox extends Migration {
  override name = 'Migration20261124063225_inbox';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "oc_routing_setting" ("id" uuid not null, "practice_id" uuid not null, "routing" text not null, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "oc_routing_setting" add constraint "oc_routing_setting_practice_id_unique" unique ("practice_id");`,
    );

    this.addSql(
      `create table "hub_service" ("id" uuid not null, "hub_id" uuid not null, "kind" text not null, "name" varchar(200) not null, "active" boolean not null default true, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "hub_service_hub_id_index" on "hub_service" ("hub_id");`);
    this.addSql(`alter table "hub_service" add constraint "hub_service_hub_id_name_unique" unique ("hub_id", "name");`);

    this.addSql(
      `create table "capacity_plan" ("id" uuid not null, "service_id" uuid not null, "date" date not null, "planned_capacity" int not null, "soft_threshold" int not null, "hard_threshold" int not null, "overflow_mode" text not null, "updated_by" varchar(100) not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "capacity_plan" add constraint "capacity_plan_service_id_date_unique" unique ("service_id", "date");`,
    );

    this.addSql(
      `create table "online_consultation" ("id" uuid not null, "supplier" varchar(40) not null, "supplier_reference" varchar(100) not null, "originating_practice_id" uuid not null, "owner_id" uuid not null, "patient_id" uuid null, "nhs_number" varchar(10) not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "date_of_birth" date not null, "type" text not null, "template" varchar(200) not null, "submitted_at" timestamptz not null, "response_expected_by" timestamptz null, "answers" jsonb not null, "red_flags" jsonb not null, "red_flag_count" int not null, "ice" jsonb null, "attachments" jsonb not null, "state" text not null, "urgency" text null, "urgency_rank" smallint not null default 5, "signpost" jsonb null, "signpost_service_id" uuid null, "routing_reason" text not null, "lock_holder" varchar(100) null, "lock_holder_org_id" uuid null, "lock_holder_family" varchar(20) null, "lock_since" timestamptz null, "lock_expires_at" timestamptz null, "triage_notes" text null, "outcome" varchar(200) null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "online_consultation_originating_practice_id_index" on "online_consultation" ("originating_practice_id");`,
    );
    this.addSql(`create index "online_consultation_patient_id_index" on "online_consultation" ("patient_id");`);
    this.addSql(
      `create index "online_consultation_signpost_service_id_index" on "online_consultation" ("signpost_service_id");`,
    );
    this.addSql(
      `create index "online_consultation_owner_id_state_index" on "online_consultation" ("owner_id", "state");`,
    );
    this.addSql(
      `create index "online_consultation_owner_id_submitted_at_index" on "online_consultation" ("owner_id", "submitted_at");`,
    );
    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_supplier_supplier_reference_unique" unique ("supplier", "supplier_reference");`,
    );

    this.addSql(
      `create table "consultation_transition" ("id" uuid not null, "consultation_id" uuid not null, "action" varchar(30) not null, "from_state" varchar(30) not null, "to_state" varchar(30) not null, "actor_id" varchar(100) not null, "reason" text null, "from_owner_id" uuid null, "to_owner_id" uuid not null, "at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "consultation_transition_consultation_id_index" on "consultation_transition" ("consultation_id");`,
    );

    this.addSql(
      `alter table "oc_routing_setting" add constraint "oc_routing_setting_practice_id_foreign" foreign key ("practice_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "oc_routing_setting" add constraint "oc_routing_setting_routing_check" check ("routing" in ('HUB_INBOX', 'PRACTICE_INBOX'));`,
    );

    this.addSql(
      `alter table "hub_service" add constraint "hub_service_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "hub_service" add constraint "hub_service_kind_check" check ("kind" in ('MINOR_ILLNESS', 'ENHANCED_ACCESS', 'FCP_PHYSIO', 'MENTAL_HEALTH', 'CARE_HOME', 'PHARMACY', 'SOCIAL_PRESCRIBING', 'OTHER'));`,
    );

    this.addSql(
      `alter table "capacity_plan" add constraint "capacity_plan_service_id_foreign" foreign key ("service_id") references "hub_service" ("id");`,
    );
    this.addSql(
      `alter table "capacity_plan" add constraint "capacity_plan_overflow_mode_check" check ("overflow_mode" in ('PASS_BACK_DEFAULT', 'SHARED_TRIAGE'));`,
    );

    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_originating_practice_id_foreign" foreign key ("originating_practice_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_owner_id_foreign" foreign key ("owner_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_signpost_service_id_foreign" foreign key ("signpost_service_id") references "hub_service" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_type_check" check ("type" in ('CLINICAL', 'ADMIN'));`,
    );
    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_state_check" check ("state" in ('RECEIVED', 'UNMATCHED', 'AWAITING_TRIAGE', 'IN_TRIAGE', 'PASSED_TO_PRACTICE', 'HUB_SERVICE_QUEUE', 'ADMIN_QUEUE', 'URGENT_ESCALATION', 'IN_PROGRESS', 'SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY', 'COMPLETED', 'CANCELLED'));`,
    );
    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_urgency_check" check ("urgency" in ('SAME_DAY', 'WITHIN_24_HOURS', 'WITHIN_3_DAYS', 'WITHIN_5_DAYS', 'ROUTINE'));`,
    );
    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_routing_reason_check" check ("routing_reason" in ('ROUTED_TO_HUB', 'PRACTICE_SETTING', 'HUB_OVER_CAPACITY', 'PASSED_BACK', 'PULLED_TO_HUB', 'SHARED_TRIAGE'));`,
    );

    this.addSql(
      `alter table "consultation_transition" add constraint "consultation_transition_consultation_id_foreign" foreign key ("consultation_id") references "online_consultation" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "capacity_plan" drop constraint "capacity_plan_service_id_foreign";`);
    this.addSql(`alter table "online_consultation" drop constraint "online_consultation_signpost_service_id_foreign";`);
    this.addSql(
      `alter table "consultation_transition" drop constraint "consultation_transition_consultation_id_foreign";`,
    );

    this.addSql(`drop table if exists "oc_routing_setting" cascade;`);
    this.addSql(`drop table if exists "hub_service" cascade;`);
    this.addSql(`drop table if exists "capacity_plan" cascade;`);
    this.addSql(`drop table if exists "online_consultation" cascade;`);
    this.addSql(`drop table if exists "consultation_transition" cascade;`);
  }
}
