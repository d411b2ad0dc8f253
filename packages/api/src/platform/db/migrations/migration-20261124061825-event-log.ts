import { Migration } from '@mikro-orm/migrations';

export class Migration20261124061825_event_log extends Migration {
  override name = 'Migration20261124061825_event_log';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "event_log" ("id" bigserial primary key, "stream" varchar(100) not null, "seq" bigint not null, "type" varchar(60) not null, "subject_type" varchar(50) not null, "subject_id" varchar(100) not null, "actor_id" varchar(100) null, "payload" jsonb not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`alter table "event_log" add constraint "event_log_stream_seq_unique" unique ("stream", "seq");`);

    this.addSql(
      `create table "stream_head" ("stream" varchar(100) not null, "seq" bigint not null, primary key ("stream"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "event_log" cascade;`);
    this.addSql(`drop table if exists "stream_head" cascade;`);
  }
}
