import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

/**
 * What a save that BLOCKED an entry would have sent (so the entry can be sent when an agreement or
 * the practice-to-practice switch later allows it), when it was blocked, and its re-plan.
 */
export class Migration20261203130000_write_back_backfill extends Migration {
  override name = 'Migration20261203130000_write_back_backfill';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      sql.addColumns('write_back_record', {
        blocked_plan: 'jsonb null',
        blocked_at: 'timestamptz null',
        replanned_at: 'timestamptz null',
        replanned_by: 'varchar(100) null',
        replan_reason: 'text null',
      }),
      sql.partialIndex('write_back_record', {
        name: 'write_back_record_blocked_index',
        columns: ['pcn_id', 'blocked_at'],
        where: `"decision" = 'BLOCKED'`,
      }),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [
      `drop index if exists "write_back_record_blocked_index";`,
      sql.dropColumns(
        'write_back_record',
        'blocked_plan',
        'blocked_at',
        'replanned_at',
        'replanned_by',
        'replan_reason',
      ),
    ]);
  }
}
