import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124061619_initial } from './migration-20261124061619-initial.js';
import { Migration20261124061700_audit_append_only } from './migration-20261124061700-audit-append-only.js';
import { Migration20261124061825_event_log } from './migration-20261124061825-event-log.js';

/**
 * Committed migrations in order. `pnpm db:migration:create --name <what>` writes a new file beside
 * this one; add it here. The same list runs on PGlite and PostgreSQL.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261124061619_initial', class: Migration20261124061619_initial },
  { name: 'Migration20261124061700_audit_append_only', class: Migration20261124061700_audit_append_only },
  { name: 'Migration20261124061825_event_log', class: Migration20261124061825_event_log },
];
