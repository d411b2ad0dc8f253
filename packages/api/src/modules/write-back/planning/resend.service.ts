import type { AuthenticatedContext } from '../../../platform/context.js';
import { Errors } from '../../../platform/errors.js';
import { replanRecords, type ReplanRefusal } from './backfill.service.js';
import { writeBackStatusByEntry, type EntryWriteBackStatus } from '../delivery/deliveries.service.js';
import { WriteBackRecord } from '../write-back-record.entity.js';
import { hintCommitted } from '../../../platform/changes.js';

/** At most this many entries per re-send. */
export const MAX_RESEND_ENTRIES = 100;

export interface ResendOutcome {
  readonly resent: { readonly entryId: string; readonly status: EntryWriteBackStatus }[];
  readonly refused: { readonly entryId: string; readonly code: ReplanRefusal; readonly reasons: readonly string[] }[];
}

/**
 * A hub manager's re-send of entries a save BLOCKED (whatever their age: the look-back window
 * bounds only the automatic backfill). Each entry is planned again with today's agreements and
 * switch; one still blocked, not blocked, unknown or outside the PCN is refused with its reason.
 */
export class WriteBackResendService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  async resend(entryIds: readonly string[]): Promise<ResendOutcome> {
    if (entryIds.length === 0 || entryIds.length > MAX_RESEND_ENTRIES) {
      throw Errors.badInput('input.entryIds', `Give 1-${MAX_RESEND_ENTRIES} entries`);
    }
    const ids = [...new Set(entryIds)];
    const actor = this.ctx.actor;
    const outcome = await this.ctx.em.transactional(async (em) => {
      const records = await em.find(
        WriteBackRecord,
        { entryId: { $in: ids }, pcnId: actor.pcnId },
        { orderBy: { id: 'asc' } },
      );
      const result = await replanRecords(em, this.ctx.audit, records, {
        at: new Date(),
        by: actor.id,
        reason: `re-sent by hub manager ${actor.id}`,
      });
      return result;
    });
    hintCommitted(this.ctx.events, outcome.hints);
    const statuses = await writeBackStatusByEntry(this.ctx.em.fork(), outcome.replanned);
    return {
      resent: outcome.replanned.flatMap((entryId) => {
        const status = statuses.get(entryId);
        return status ? [{ entryId, status }] : [];
      }),
      refused: ids.flatMap((entryId) => {
        if (outcome.replanned.includes(entryId)) return [];
        const why = outcome.refused.get(entryId) ?? {
          code: 'NOT_FOUND' as const,
          reasons: ['no write-back record for this entry in the PCN'],
        };
        return [{ entryId, code: why.code, reasons: [...why.reasons] }];
      }),
    };
  }
}
