import { Migration } from '@mikro-orm/migrations';

/**
 * Shared queues and business continuity: a practice's inbox-sharing setting, the hub's closure and
 * reduced-capacity periods, and HUB_CLOSED as a routing reason.
 */
export class Migration20261203122332_shared_queues extends Migration {
  override name = 'Migration20261203122332_shared_queues';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "hub_closure" ("id" uuid not null, "hub_id" uuid not null, "kind" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "capacity_percent" int null, "reason" varchar(2000) not null, "declared_by" varchar(100) not null, "declared_at" timestamptz not null, "ended_at" timestamptz null, "ended_by" varchar(100) null, "end_reason" varchar(2000) null, primary key ("id"));`,
    );
    this.addSql(`create index "hub_closure_hub_id_index" on "hub_closure" ("hub_id");`);
    this.addSql(`alter table "oc_routing_setting" add "inbox_sharing" boolean not null default false;`);
    this.addSql(`alter table "online_consultation" drop constraint "online_consultation_routing_reason_check";`);
    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_routing_reason_check" check ("routing_reason" in ('ROUTED_TO_HUB', 'PRACTICE_SETTING', 'HUB_OVER_CAPACITY', 'PASSED_BACK', 'PULLED_TO_HUB', 'SHARED_TRIAGE', 'HUB_CLOSED'));`,
    );
    this.addSql(
      `alter table "hub_closure" add constraint "hub_closure_hub_id_foreign" foreign key ("hub_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "hub_closure" add constraint "hub_closure_kind_check" check ("kind" in ('CLOSED', 'REDUCED_CAPACITY'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "hub_closure" cascade;`);
    this.addSql(`alter table "oc_routing_setting" drop column "inbox_sharing";`);
    this.addSql(`alter table "online_consultation" drop constraint "online_consultation_routing_reason_check";`);
    this.addSql(
      `alter table "online_consultation" add constraint "online_consultation_routing_reason_check" check ("routing_reason" in ('ROUTED_TO_HUB', 'PRACTICE_SETTING', 'HUB_OVER_CAPACITY', 'PASSED_BACK', 'PULLED_TO_HUB', 'SHARED_TRIAGE'));`,
    );
  }
}
