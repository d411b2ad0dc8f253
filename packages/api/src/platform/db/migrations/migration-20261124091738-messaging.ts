import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

export class Migration20261124091738_messaging extends Migration {
  override name = 'Migration20261124091738_messaging';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "inbound_message" ("id" uuid not null, "hub_id" uuid not null, "transport" varchar(20) not null, "mailbox_id" varchar(40) not null, "message_id" varchar(100) not null, "workflow_id" varchar(100) null, "message_type" varchar(20) not null, "sender_mailbox_id" varchar(40) null, "local_id" varchar(200) null, "headers" jsonb not null, "body" text not null, "body_bytes" int not null, "state" text not null, "failure" varchar(500) null, "online_consultation_id" uuid null, "recorded_by" varchar(100) not null, "received_at" timestamptz not null, "processed_at" timestamptz null, primary key ("id"));`,
      sql.index('inbound_message', 'hub_id'),
      sql.index('inbound_message', 'state', 'received_at'),
      sql.unique('inbound_message', 'transport', 'mailbox_id', 'message_id'),

      sql.constraints('inbound_message', {
        foreignKeys: { hub_id: 'organisation' },
        checks: { state: 'RECEIVED PARSED PARSE_FAILED' },
      }),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [sql.dropTables('inbound_message')]);
  }
}
