import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124061619_initial } from './migration-20261124061619-initial.js';
import { Migration20261124061700_audit_append_only } from './migration-20261124061700-audit-append-only.js';
import { Migration20261124061825_event_log } from './migration-20261124061825-event-log.js';
import { Migration20261124063225_inbox } from './migration-20261124063225-inbox.js';
import { Migration20261124064347_write_back } from './migration-20261124064347-write-back.js';
import { Migration20261124065117_prescribing } from './migration-20261124065117-prescribing.js';
import { Migration20261124070416_referrals } from './migration-20261124070416-referrals.js';
import { Migration20261124090734_plugins } from './migration-20261124090734-plugins.js';
import { Migration20261124091738_messaging } from './migration-20261124091738-messaging.js';
import { Migration20261124092358_write_back_acks } from './migration-20261124092358-write-back-acks.js';
import { Migration20261203090000_trace_parent } from './migration-20261203090000-trace-parent.js';
import { Migration20261203120000_inbox_overdue } from './migration-20261203120000-inbox-overdue.js';
import { Migration20261203121000_eps_outbox } from './migration-20261203121000-eps-outbox.js';
import { Migration20261203122332_shared_queues } from './migration-20261203122332-shared-queues.js';
import { Migration20261203130000_write_back_backfill } from './migration-20261203130000-write-back-backfill.js';
import { Migration20261203131000_patient_replies } from './migration-20261203131000-patient-replies.js';
import { Migration20261203144600_attachments } from './migration-20261203144600-attachments.js';

/**
 * Committed migrations in order. `pnpm db:migration:create --name <what>` writes a new file beside
 * this one; add it here. The same list runs on PGlite and PostgreSQL.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261124061619_initial', class: Migration20261124061619_initial },
  { name: 'Migration20261124061700_audit_append_only', class: Migration20261124061700_audit_append_only },
  { name: 'Migration20261124061825_event_log', class: Migration20261124061825_event_log },
  { name: 'Migration20261124063225_inbox', class: Migration20261124063225_inbox },
  { name: 'Migration20261124064347_write_back', class: Migration20261124064347_write_back },
  { name: 'Migration20261124065117_prescribing', class: Migration20261124065117_prescribing },
  { name: 'Migration20261124070416_referrals', class: Migration20261124070416_referrals },
  { name: 'Migration20261124090734_plugins', class: Migration20261124090734_plugins },
  { name: 'Migration20261124091738_messaging', class: Migration20261124091738_messaging },
  { name: 'Migration20261124092358_write_back_acks', class: Migration20261124092358_write_back_acks },
  { name: 'Migration20261203090000_trace_parent', class: Migration20261203090000_trace_parent },
  { name: 'Migration20261203120000_inbox_overdue', class: Migration20261203120000_inbox_overdue },
  { name: 'Migration20261203121000_eps_outbox', class: Migration20261203121000_eps_outbox },
  { name: 'Migration20261203122332_shared_queues', class: Migration20261203122332_shared_queues },
  { name: 'Migration20261203130000_write_back_backfill', class: Migration20261203130000_write_back_backfill },
  { name: 'Migration20261203131000_patient_replies', class: Migration20261203131000_patient_replies },
  { name: 'Migration20261203144600_attachments', class: Migration20261203144600_attachments },
];
