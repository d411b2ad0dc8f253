import { Migration } from '@mikro-orm/migrations';

/** W3C trace context of the change that enqueued a write-back delivery, so its attempts join that trace. */
export class Migration20261203090000_trace_parent extends Migration {
  override name = 'Migration20261203090000_trace_parent';

  override up(): void | Promise<void> {
    this.addSql(`alter table "write_back_delivery" add "trace_parent" varchar(55) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "write_back_delivery" drop column "trace_parent";`);
  }
}
