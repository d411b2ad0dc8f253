import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

/** The EPS outbox: one row per EPS message (order, cancel) of a prescription, with its status. */
export class Migration20261203121000_eps_outbox extends Migration {
  override name = 'Migration20261203121000_eps_outbox';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "eps_message" ("id" uuid not null, "prescription_id" uuid not null, "operation" text not null, "status" text not null, "reason_code" varchar(4) null, "retries" int not null default 0, "error_code" varchar(40) null, "reported_by" varchar(100) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.unique('eps_message', 'prescription_id', 'operation'),
      sql.constraints('eps_message', {
        checks: { operation: 'ORDER CANCEL', status: 'QUEUED RETRYING ACCEPTED REJECTED UNDELIVERED' },
      }),
      sql.foreignKey('eps_message', 'prescription_id', 'prescription'),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [sql.dropTables('eps_message')]);
  }
}
