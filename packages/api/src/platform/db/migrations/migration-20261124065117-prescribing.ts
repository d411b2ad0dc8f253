import { Migration } from '@mikro-orm/migrations';

export class Migration20261124065117_prescribing extends Migration {
  override name = 'Migration20261124065117_prescribing';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "prescribing_cost_centre" ("id" uuid not null, "ods_code" varchar(6) not null, "name" varchar(200) not null, "hub_id" uuid not null, "parent_commissioner_code" varchar(6) null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "prescribing_cost_centre" add constraint "prescribing_cost_centre_ods_code_unique" unique ("ods_code");`,
    );
    this.addSql(`create index "prescribing_cost_centre_hub_id_index" on "prescribing_cost_centre" ("hub_id");`);

    this.addSql(
      `create table "prescription_sequence" ("ods_code" varchar(6) not null, "last_value" int not null, primary key ("ods_code"));`,
    );
    // The short-form sequence block is 5 hex digits: the counter wraps inside [0, 0xFFFFF].
    this.addSql(
      `alter table "prescription_sequence" add constraint "prescription_sequence_range_check" check ("last_value" >= 0 and "last_value" <= 1048575);`,
    );

    this.addSql(
      `create table "prescriber" ("id" uuid not null, "cost_centre_id" uuid not null, "staff_user_id" uuid not null, "code_kind" text not null, "code" varchar(12) not null, "profession" text not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "prescriber_staff_user_id_index" on "prescriber" ("staff_user_id");`);
    this.addSql(
      `alter table "prescriber" add constraint "prescriber_cost_centre_id_staff_user_id_unique" unique ("cost_centre_id", "staff_user_id");`,
    );

    this.addSql(
      `create table "prescription" ("id" uuid not null, "hub_id" uuid not null, "patient_id" uuid not null, "registered_practice_id" uuid not null, "hub_service_id" uuid null, "consultation_id" uuid null, "course_of_therapy" text not null, "state" text not null, "item_count" smallint not null, "nominated_dispenser_ods" varchar(6) null, "raised_by" varchar(100) not null, "raised_at" timestamptz not null, "cost_centre_id" uuid null, "prescriber_id" uuid null, "issuer_ods" varchar(6) null, "prescriber_code_kind" text null, "prescriber_code" varchar(12) null, "prescription_type" varchar(4) null, "short_form_id" varchar(20) null, "long_form_id" uuid null, "issued_by" varchar(100) null, "issued_at" timestamptz null, "status_reason" text null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "prescription_patient_id_index" on "prescription" ("patient_id");`);
    this.addSql(
      `create index "prescription_registered_practice_id_index" on "prescription" ("registered_practice_id");`,
    );
    this.addSql(`create index "prescription_consultation_id_index" on "prescription" ("consultation_id");`);
    this.addSql(
      `alter table "prescription" add constraint "prescription_short_form_id_unique" unique ("short_form_id");`,
    );
    this.addSql(
      `alter table "prescription" add constraint "prescription_long_form_id_unique" unique ("long_form_id");`,
    );
    this.addSql(`create index "prescription_hub_id_issued_at_index" on "prescription" ("hub_id", "issued_at");`);
    this.addSql(`create index "prescription_hub_id_id_index" on "prescription" ("hub_id", "id");`);

    this.addSql(
      `create table "prescription_transition" ("id" uuid not null, "prescription_id" uuid not null, "action" varchar(30) not null, "from_state" varchar(40) null, "to_state" varchar(40) not null, "actor_id" varchar(100) not null, "actor_organisation_id" uuid not null, "reason" text null, "at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "prescription_transition_prescription_id_index" on "prescription_transition" ("prescription_id");`,
    );

    this.addSql(
      `create table "prescription_item" ("id" uuid not null, "prescription_id" uuid not null, "line_no" smallint not null, "dmd_code" varchar(18) not null, "medicine_name" varchar(255) null, "quantity" numeric(12,3) not null, "unit" varchar(100) not null, "dosage_text" varchar(1000) not null, "controlled_drug_schedule" varchar(12) null, primary key ("id"));`,
    );
    this.addSql(`create index "prescription_item_dmd_code_index" on "prescription_item" ("dmd_code");`);
    this.addSql(
      `alter table "prescription_item" add constraint "prescription_item_prescription_id_line_no_unique" unique ("prescription_id", "line_no");`,
    );

    this.addSql(
      `alter table "prescribing_cost_centre" add constraint "prescribing_cost_centre_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );

    this.addSql(
      `alter table "prescriber" add constraint "prescriber_cost_centre_id_foreign" foreign key ("cost_centre_id") references "prescribing_cost_centre" ("id");`,
    );
    this.addSql(
      `alter table "prescriber" add constraint "prescriber_staff_user_id_foreign" foreign key ("staff_user_id") references "staff_user" ("id");`,
    );
    this.addSql(
      `alter table "prescriber" add constraint "prescriber_code_kind_check" check ("code_kind" in ('DIN', 'SPURIOUS', 'PROFESSIONAL'));`,
    );
    this.addSql(
      `alter table "prescriber" add constraint "prescriber_profession_check" check ("profession" in ('MEDICAL', 'NURSE', 'PHARMACIST', 'PARAMEDIC', 'PHYSIOTHERAPIST'));`,
    );

    this.addSql(
      `alter table "prescription" add constraint "prescription_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "prescription" add constraint "prescription_patient_id_foreign" foreign key ("patient_id") references "patient" ("id");`,
    );
    this.addSql(
      `alter table "prescription" add constraint "prescription_registered_practice_id_foreign" foreign key ("registered_practice_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "prescription" add constraint "prescription_hub_service_id_foreign" foreign key ("hub_service_id") references "hub_service" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "prescription" add constraint "prescription_cost_centre_id_foreign" foreign key ("cost_centre_id") references "prescribing_cost_centre" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "prescription" add constraint "prescription_prescriber_id_foreign" foreign key ("prescriber_id") references "prescriber" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "prescription" add constraint "prescription_course_of_therapy_check" check ("course_of_therapy" in ('ACUTE', 'REPEAT'));`,
    );
    this.addSql(
      `alter table "prescription" add constraint "prescription_state_check" check ("state" in ('RAISED', 'PENDING_PRACTICE_RECONCILIATION', 'ISSUED', 'REJECTED', 'CANCELLED', 'DISPENSED'));`,
    );
    this.addSql(
      `alter table "prescription" add constraint "prescription_prescriber_code_kind_check" check ("prescriber_code_kind" in ('DIN', 'SPURIOUS', 'PROFESSIONAL'));`,
    );

    this.addSql(
      `alter table "prescription_transition" add constraint "prescription_transition_prescription_id_foreign" foreign key ("prescription_id") references "prescription" ("id");`,
    );

    this.addSql(
      `alter table "prescription_item" add constraint "prescription_item_prescription_id_foreign" foreign key ("prescription_id") references "prescription" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "prescriber" drop constraint "prescriber_cost_centre_id_foreign";`);
    this.addSql(`alter table "prescription" drop constraint "prescription_cost_centre_id_foreign";`);
    this.addSql(`alter table "prescription" drop constraint "prescription_prescriber_id_foreign";`);
    this.addSql(
      `alter table "prescription_transition" drop constraint "prescription_transition_prescription_id_foreign";`,
    );
    this.addSql(`alter table "prescription_item" drop constraint "prescription_item_prescription_id_foreign";`);

    this.addSql(`drop table if exists "prescribing_cost_centre" cascade;`);
    this.addSql(`drop table if exists "prescription_sequence" cascade;`);
    this.addSql(`drop table if exists "prescriber" cascade;`);
    this.addSql(`drop table if exists "prescription" cascade;`);
    this.addSql(`drop table if exists "prescription_transition" cascade;`);
    this.addSql(`drop table if exists "prescription_item" cascade;`);
  }
}
