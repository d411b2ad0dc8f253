import { Migration } from '@mikro-orm/migrations';

export class Migration20261124061619_initial extends Migration {
  override name = 'Migration20261124061619_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "audit_event" ("id" uuid not null, "at" timestamptz not null, "actor_id" varchar(100) not null, "actor_type" varchar(20) not null, "organisation_ods" varchar(12) null, "action" varchar(100) not null, "subject_type" varchar(50) not null, "subject_id" varchar(100) null, "patient_id" uuid null, "outcome" text not null, "request_id" varchar(64) null, "reason" varchar(500) null, primary key ("id"));`,
    );
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(`create index "audit_event_actor_id_index" on "audit_event" ("actor_id");`);
    this.addSql(`create index "audit_event_patient_id_index" on "audit_event" ("patient_id");`);

    this.addSql(
      `create table "organisation" ("id" uuid not null, "kind" text not null, "ods_code" varchar(12) not null, "name" varchar(200) not null, "pcn_id" uuid null, "active" boolean not null default true, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "organisation" add constraint "organisation_ods_code_unique" unique ("ods_code");`);
    this.addSql(`create index "organisation_pcn_id_index" on "organisation" ("pcn_id");`);

    this.addSql(
      `create table "patient" ("id" uuid not null, "nhs_number" varchar(10) not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "date_of_birth" date not null, "sex" text not null default 'UNKNOWN', "registered_practice_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "patient" add constraint "patient_nhs_number_unique" unique ("nhs_number");`);
    this.addSql(`create index "patient_registered_practice_id_index" on "patient" ("registered_practice_id");`);
    this.addSql(`create index "patient_family_name_given_name_index" on "patient" ("family_name", "given_name");`);

    this.addSql(
      `create table "staff_user" ("id" uuid not null, "username" varchar(100) not null, "display_name" varchar(200) not null, "organisation_id" uuid not null, "roles" text[] not null, "active" boolean not null default true, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "staff_user" add constraint "staff_user_username_unique" unique ("username");`);
    this.addSql(`create index "staff_user_organisation_id_index" on "staff_user" ("organisation_id");`);

    this.addSql(
      `alter table "audit_event" add constraint "audit_event_outcome_check" check ("outcome" in ('SUCCESS', 'DENIED', 'FAILED'));`,
    );

    this.addSql(
      `alter table "organisation" add constraint "organisation_pcn_id_foreign" foreign key ("pcn_id") references "organisation" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "organisation" add constraint "organisation_kind_check" check ("kind" in ('PCN', 'HUB', 'PRACTICE'));`,
    );

    this.addSql(
      `alter table "patient" add constraint "patient_registered_practice_id_foreign" foreign key ("registered_practice_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "patient" add constraint "patient_sex_check" check ("sex" in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN'));`,
    );

    this.addSql(
      `alter table "staff_user" add constraint "staff_user_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organisation" drop constraint "organisation_pcn_id_foreign";`);
    this.addSql(`alter table "patient" drop constraint "patient_registered_practice_id_foreign";`);
    this.addSql(`alter table "staff_user" drop constraint "staff_user_organisation_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "organisation" cascade;`);
    this.addSql(`drop table if exists "patient" cascade;`);
    this.addSql(`drop table if exists "staff_user" cascade;`);
  }
}
