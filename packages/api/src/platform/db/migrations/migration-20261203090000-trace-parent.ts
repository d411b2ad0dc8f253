import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

/** W3C trace context of the change that enqueued a write-back delivery, so its attempts join that trace. */
export class Migration20261203090000_trace_parent extends Migration {
  override name = 'Migration20261203090000_trace_parent';

  override up(): void | Promise<void> {
    sql.addStatements(this, [sql.addColumns('write_back_delivery', { trace_parent: 'varchar(55) null' })]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [sql.dropColumns('write_back_delivery', 'trace_parent')]);
  }
}
