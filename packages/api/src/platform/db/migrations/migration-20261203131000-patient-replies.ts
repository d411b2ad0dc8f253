import { Migration } from '@mikro-orm/migrations';

/** Replies to patients: the contact channels of an online consultation and the reply outbox. */
export class Migration20261203131000_patient_replies extends Migration {
  override name = 'Migration20261203131000_patient_replies';

  override up(): void | Promise<void> {
    this.addSql(`alter table "online_consultation" add "mobile" varchar(13) null, add "email" varchar(254) null;`);
    this.addSql(
      `create table "patient_reply" ("id" uuid not null, "consultation_id" uuid not null, "owner_id" uuid not null, "template" text not null, "text" text not null, "link" varchar(500) null, "channel" text not null, "status" text not null, "retries" int not null default 0, "error_code" varchar(40) null, "sent_by" varchar(100) not null, "reported_by" varchar(100) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "patient_reply_consultation_id_index" on "patient_reply" ("consultation_id");`);
    this.addSql(
      `alter table "patient_reply" add constraint "patient_reply_template_check" check ("template" in ('ADVICE', 'SELF_CARE', 'BOOKING_INVITATION', 'PHOTO_REQUEST', 'FURTHER_INFORMATION'));`,
    );
    this.addSql(
      `alter table "patient_reply" add constraint "patient_reply_channel_check" check ("channel" in ('SMS', 'EMAIL'));`,
    );
    this.addSql(
      `alter table "patient_reply" add constraint "patient_reply_status_check" check ("status" in ('QUEUED', 'RETRYING', 'SENT', 'DELIVERED', 'FAILED', 'UNDELIVERED'));`,
    );
    this.addSql(
      `alter table "patient_reply" add constraint "patient_reply_consultation_id_foreign" foreign key ("consultation_id") references "online_consultation" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "patient_reply" cascade;`);
    this.addSql(`alter table "online_consultation" drop column "mobile", drop column "email";`);
  }
}
