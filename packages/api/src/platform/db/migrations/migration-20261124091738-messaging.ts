import { Migration } from '@mikro-orm/migrations';

export class Migration20261124091738_messaging extends Migration {
  override name = 'Migration20261124091738_messaging';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "inbound_message" ("id" uuid not null, "hub_id" uuid not null, "transport" varchar(20) not null, "mailbox_id" varchar(40) not null, "message_id" varchar(100) not null, "workflow_id" varchar(100) null, "message_type" varchar(20) not null, "sender_mailbox_id" varchar(40) null, "local_id" varchar(200) null, "headers" jsonb not null, "body" text not null, "body_bytes" int not null, "state" text not null, "failure" varchar(500) null, "online_consultation_id" uuid null, "recorded_by" varchar(100) not null, "received_at" timestamptz not null, "processed_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "inbound_message_hub_id_index" on "inbound_message" ("hub_id");`);
    this.addSql(
      `create index "inbound_message_state_received_at_index" on "inbound_message" ("state", "received_at");`,
    );
    this.addSql(
      `alter table "inbound_message" add constraint "inbound_message_transport_mailbox_id_message_id_unique" unique ("transport", "mailbox_id", "message_id");`,
    );

    this.addSql(
      `alter table "inbound_message" add constraint "inbound_message_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "inbound_message" add constraint "inbound_message_state_check" check ("state" in ('RECEIVED', 'PARSED', 'PARSE_FAILED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "inbound_message" cascade;`);
  }
}
