import type { Actor } from '../auth/actor.js';
import type { Em } from '../db/orm.js';
import { uuidv7 } from '../ids.js';
import { AuditEvent, type AuditOutcome } from './audit-event.entity.js';

/** One thing that happened, for the audit trail. Ids only: never names or NHS numbers. */
export interface AuditEntry {
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId?: string | null;
  readonly patientId?: string | null;
  readonly outcome?: AuditOutcome;
  readonly reason?: string | null;
}

/**
 * Writes audit rows for one request. `record` joins the caller's unit of work, so a write and its
 * audit row commit or roll back together; `recordNow` is for reads and denials, which have no
 * transaction of their own to join.
 */
export class AuditLog {
  /** DENIED rows this request's services wrote themselves (the denial audit then adds none). */
  denied = 0;

  constructor(
    private readonly actor: Actor | null,
    private readonly requestId: string,
  ) {}

  private row(entry: AuditEntry) {
    return {
      id: uuidv7(),
      at: new Date(),
      actorId: this.actor?.id ?? 'anonymous',
      actorType: this.actor?.kind ?? 'ANONYMOUS',
      organisationOds: this.actor?.organisationOds ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      patientId: entry.patientId ?? null,
      outcome: entry.outcome ?? 'SUCCESS',
      requestId: this.requestId,
      reason: entry.reason ?? null,
      onBehalfOf: this.actor?.plugin?.onBehalfOf ?? null,
    };
  }

  /** Adds the row to `em`'s unit of work: it is written by the same flush/transaction as the change. */
  record(em: Em, entry: AuditEntry): void {
    if (entry.outcome === 'DENIED') this.denied += 1;
    em.persist(em.create(AuditEvent, this.row(entry)));
  }

  /** Inserts rows at once, in one statement. */
  async recordNow(em: Em, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    this.denied += entries.filter((entry) => entry.outcome === 'DENIED').length;
    await em.insertMany(AuditEvent, entries.map((entry) => this.row(entry)));
  }
}
