import { Migration } from '@mikro-orm/migrations';

/**
 * What a save that BLOCKED an entry would have sent (so the entry can be sent when an agreement or
 * the practice-to-practice switch later allows it), when it was blocked, and its re-plan.
 */
export class Migration20261203130000_write_back_backfill extends Migration {
  override name = 'Migration20261203130000_write_back_backfill';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "write_back_record" add "blocked_plan" jsonb null, add "blocked_at" timestamptz null, add "replanned_at" timestamptz null, add "replanned_by" varchar(100) null, add "replan_reason" text null;`,
    );
    this.addSql(
      `create index "write_back_record_blocked_index" on "write_back_record" ("pcn_id", "blocked_at") where "decision" = 'BLOCKED';`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "write_back_record_blocked_index";`);
    this.addSql(
      `alter table "write_back_record" drop column "blocked_plan", drop column "blocked_at", drop column "replanned_at", drop column "replanned_by", drop column "replan_reason";`,
    );
  }
}
