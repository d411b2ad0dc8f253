import { Migration } from '@mikro-orm/migrations';

/** Attachments of online consultations: the file's metadata and its bytes in chunks. */
export class Migration20261203144600_attachments extends Migration {
  override name = 'Migration20261203144600_attachments';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "attachment" ("id" uuid not null, "consultation_id" uuid not null, "position" smallint not null, "organisation_id" uuid not null, "file_name" varchar(255) not null, "content_type" varchar(130) not null, "size_bytes" int not null, "sha256" varchar(64) not null, "status" text not null, "uploaded_by" varchar(100) not null, "scan_verdict" text null, "scanned_by" varchar(100) null, "scanned_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_consultation_id_position_unique" unique ("consultation_id", "position");`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_status_check" check ("status" in ('PENDING_SCAN', 'AVAILABLE', 'REJECTED'));`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_scan_verdict_check" check ("scan_verdict" in ('CLEAN', 'INFECTED'));`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_consultation_id_foreign" foreign key ("consultation_id") references "online_consultation" ("id");`,
    );
    this.addSql(
      `create table "attachment_chunk" ("attachment_id" uuid not null, "seq" int not null, "data" bytea not null, primary key ("attachment_id", "seq"));`,
    );
    this.addSql(
      `alter table "attachment_chunk" add constraint "attachment_chunk_attachment_id_foreign" foreign key ("attachment_id") references "attachment" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "attachment_chunk" cascade;`);
    this.addSql(`drop table if exists "attachment" cascade;`);
  }
}
