import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

export class Migration20261124061825_event_log extends Migration {
  override name = 'Migration20261124061825_event_log';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "event_log" ("id" bigserial primary key, "stream" varchar(100) not null, "seq" bigint not null, "type" varchar(60) not null, "subject_type" varchar(50) not null, "subject_id" varchar(100) not null, "actor_id" varchar(100) null, "payload" jsonb not null, "created_at" timestamptz not null);`,
      sql.unique('event_log', 'stream', 'seq'),

      `create table "stream_head" ("stream" varchar(100) not null, "seq" bigint not null, primary key ("stream"));`,
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [sql.dropTables('event_log', 'stream_head')]);
  }
}
