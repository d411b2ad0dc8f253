import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

/** Replies to patients: the contact channels of an online consultation and the reply outbox. */
export class Migration20261203131000_patient_replies extends Migration {
  override name = 'Migration20261203131000_patient_replies';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      sql.addColumns('online_consultation', { mobile: 'varchar(13) null', email: 'varchar(254) null' }),
      `create table "patient_reply" ("id" uuid not null, "consultation_id" uuid not null, "owner_id" uuid not null, "template" text not null, "text" text not null, "link" varchar(500) null, "channel" text not null, "status" text not null, "retries" int not null default 0, "error_code" varchar(40) null, "sent_by" varchar(100) not null, "reported_by" varchar(100) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.index('patient_reply', 'consultation_id'),
      sql.constraints('patient_reply', {
        checks: {
          template: 'ADVICE SELF_CARE BOOKING_INVITATION PHOTO_REQUEST FURTHER_INFORMATION',
          channel: 'SMS EMAIL',
          status: 'QUEUED RETRYING SENT DELIVERED FAILED UNDELIVERED',
        },
      }),
      sql.foreignKey('patient_reply', 'consultation_id', 'online_consultation'),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [
      sql.dropTables('patient_reply'),
      sql.dropColumns('online_consultation', 'mobile', 'email'),
    ]);
  }
}
