import { AuditEvent } from '../audit/audit-event.entity.js';
import { EventLog, StreamHead } from '../events/event-log.entity.js';
import { IdempotencyKey } from '../idempotency/index.js';
import type { EntityDefinition } from '../hub-module.js';

/**
 * The platform's own entities, always mapped. The modules' entities come from the composition
 * root (`src/modules.ts`), passed to `createOrm`: the platform never imports a module.
 */
export const PLATFORM_ENTITIES: readonly EntityDefinition[] = [AuditEvent, EventLog, StreamHead, IdempotencyKey];
