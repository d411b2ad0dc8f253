import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

/**
 * The inbox's OVERDUE folder and order: `due_at`, a stored generated column (the response-expected-by
 * time while open, 9999-12-31 otherwise), and the keyset index of the overdue-first order.
 * Adding a stored generated column rewrites the table once.
 */
export class Migration20261203120000_inbox_overdue extends Migration {
  override name = 'Migration20261203120000_inbox_overdue';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `alter table "online_consultation" add "due_at" timestamptz not null generated always as (case when state in ('UNMATCHED', 'AWAITING_TRIAGE', 'IN_TRIAGE', 'PASSED_TO_PRACTICE', 'HUB_SERVICE_QUEUE', 'ADMIN_QUEUE', 'URGENT_ESCALATION', 'IN_PROGRESS', 'SIGNPOSTED_EXTERNAL', 'CLOSED_REMOTELY') and response_expected_by is not null then response_expected_by else to_timestamp(253402214400) end) stored;`,
      sql.index('online_consultation', 'owner_id', 'due_at', 'submitted_at', 'id'),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [
      `drop index "online_consultation_owner_id_due_at_submitted_at_id_index";`,
      sql.dropColumns('online_consultation', 'due_at'),
    ]);
  }
}
