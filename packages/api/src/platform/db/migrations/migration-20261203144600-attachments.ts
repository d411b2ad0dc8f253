import { Migration } from '@mikro-orm/migrations';
import * as sql from './recipes.js';

/** Attachments of online consultations: the file's metadata and its bytes in chunks. */
export class Migration20261203144600_attachments extends Migration {
  override name = 'Migration20261203144600_attachments';

  override up(): void | Promise<void> {
    sql.addStatements(this, [
      `create table "attachment" ("id" uuid not null, "consultation_id" uuid not null, "position" smallint not null, "organisation_id" uuid not null, "file_name" varchar(255) not null, "content_type" varchar(130) not null, "size_bytes" int not null, "sha256" varchar(64) not null, "status" text not null, "uploaded_by" varchar(100) not null, "scan_verdict" text null, "scanned_by" varchar(100) null, "scanned_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
      sql.unique('attachment', 'consultation_id', 'position'),
      sql.constraints('attachment', {
        checks: { status: 'PENDING_SCAN AVAILABLE REJECTED', scan_verdict: 'CLEAN INFECTED' },
      }),
      sql.foreignKey('attachment', 'consultation_id', 'online_consultation'),
      `create table "attachment_chunk" ("attachment_id" uuid not null, "seq" int not null, "data" bytea not null, primary key ("attachment_id", "seq"));`,
      sql.foreignKey('attachment_chunk', 'attachment_id', sql.onDeleteCascade('attachment')),
    ]);
  }

  override down(): void | Promise<void> {
    sql.addStatements(this, [sql.dropTables('attachment_chunk', 'attachment')]);
  }
}
