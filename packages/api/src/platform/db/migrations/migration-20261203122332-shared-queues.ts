import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

/**
 * Shared queues and business continuity: a practice's inbox-sharing setting, the hub's closure and
 * reduced-capacity periods, and HUB_CLOSED as a routing reason.
 */
export class Migration20261203122332_shared_queues extends Migration {
  override name = 'Migration20261203122332_shared_queues';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "hub_closure" ("id" uuid not null, "hub_id" uuid not null, "kind" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "capacity_percent" int null, "reason" varchar(2000) not null, "declared_by" varchar(100) not null, "declared_at" timestamptz not null, "ended_at" timestamptz null, "ended_by" varchar(100) null, "end_reason" varchar(2000) null, primary key ("id"));`,
      sql.index('hub_closure', 'hub_id'),
      sql.addColumns('oc_routing_setting', { inbox_sharing: 'boolean not null default false' }),
      `alter table "online_consultation" drop constraint "online_consultation_routing_reason_check";`,
      sql.check(
        'online_consultation',
        'routing_reason',
        'ROUTED_TO_HUB PRACTICE_SETTING HUB_OVER_CAPACITY PASSED_BACK PULLED_TO_HUB SHARED_TRIAGE HUB_CLOSED',
      ),
      sql.constraints('hub_closure', {
        foreignKeys: { hub_id: 'organisation' },
        checks: { kind: 'CLOSED REDUCED_CAPACITY' },
      }),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [
      sql.dropTables('hub_closure'),
      sql.dropColumns('oc_routing_setting', 'inbox_sharing'),
      `alter table "online_consultation" drop constraint "online_consultation_routing_reason_check";`,
      sql.check(
        'online_consultation',
        'routing_reason',
        'ROUTED_TO_HUB PRACTICE_SETTING HUB_OVER_CAPACITY PASSED_BACK PULLED_TO_HUB SHARED_TRIAGE',
      ),
    ]);
  }
}
