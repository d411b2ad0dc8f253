import { Migration } from '@mikro-orm/migrations';

/** The EPS outbox: one row per EPS message (order, cancel) of a prescription, with its status. */
export class Migration20261203121000_eps_outbox extends Migration {
  override name = 'Migration20261203121000_eps_outbox';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "eps_message" ("id" uuid not null, "prescription_id" uuid not null, "operation" text not null, "status" text not null, "reason_code" varchar(4) null, "retries" int not null default 0, "error_code" varchar(40) null, "reported_by" varchar(100) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "eps_message" add constraint "eps_message_prescription_id_operation_unique" unique ("prescription_id", "operation");`,
    );
    this.addSql(
      `alter table "eps_message" add constraint "eps_message_operation_check" check ("operation" in ('ORDER', 'CANCEL'));`,
    );
    this.addSql(
      `alter table "eps_message" add constraint "eps_message_status_check" check ("status" in ('QUEUED', 'RETRYING', 'ACCEPTED', 'REJECTED', 'UNDELIVERED'));`,
    );
    this.addSql(
      `alter table "eps_message" add constraint "eps_message_prescription_id_foreign" foreign key ("prescription_id") references "prescription" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "eps_message" cascade;`);
  }
}
