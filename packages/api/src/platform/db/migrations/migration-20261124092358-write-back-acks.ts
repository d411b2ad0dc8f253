import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

export class Migration20261124092358_write_back_acks extends Migration {
  override name = 'Migration20261124092358_write_back_acks';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      sql.addColumns('write_back_delivery', {
        ack_kind: 'varchar(20) null',
        ack_code: 'varchar(20) null',
        ack_at: 'timestamptz null',
      }),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [sql.dropColumns('write_back_delivery', 'ack_kind', 'ack_code', 'ack_at')]);
  }
}
