import { Migration } from '@mikro-orm/migrations';

export class Migration20261124092358_write_back_acks extends Migration {
  override name = 'Migration20261124092358_write_back_acks';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "write_back_delivery" add "ack_kind" varchar(20) null, add "ack_code" varchar(20) null, add "ack_at" timestamptz null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "write_back_delivery" drop column "ack_kind", drop column "ack_code", drop column "ack_at";`,
    );
  }
}
