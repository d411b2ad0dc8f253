import { isUuid } from '../../../platform/ids.js';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { Errors, HubError } from '../../../platform/errors.js';
import { appendWriteBackEvents } from '../write-back.events.js';
import { changeOf } from './outbox.worker.js';
import { WriteBackDelivery } from '../write-back-record.entity.js';
import { lockLines } from './lines.worker.js';
import { exec } from '../../../platform/db/sql.js';
import { hintCommitted } from '../../../platform/changes.js';

/** Acknowledgement kinds of a receiving system (ITK3: infrastructure, then business). */
export const ACK_KINDS = ['INFRASTRUCTURE', 'BUSINESS'] as const;
export type AckKind = (typeof ACK_KINDS)[number];

export interface AcknowledgementInput {
  readonly messageId: string;
  readonly kind: AckKind;
  /** The receiver's code, e.g. ITK3 20013 or 30001 (positive), 30002 or 20009 (negative). */
  readonly code: string;
  readonly positive: boolean;
  /** Why, for a negative one (ids and codes only). */
  readonly reason?: string | null;
}

/**
 * Records what the receiving system said after a delivery was handed over (a transport such as
 * MESH acknowledges later, not in the HTTP answer). Positive: kept on the delivery. Negative: the
 * delivery ends DEAD with the code and reason (a dead letter to inspect, redrive or discard), and
 * a WRITE_BACK_DEAD event tells subscribers. Only a plugin acting for the target practice may.
 */
export async function recordAcknowledgement(
  ctx: AuthenticatedContext,
  input: AcknowledgementInput,
): Promise<WriteBackDelivery> {
  if (!/^[0-9A-Za-z-]{1,20}$/.test(input.code))
    throw Errors.badInput('input.code', 'code must be 1-20 of A-Z, a-z, 0-9, hyphen');
  if (!isUuid(input.messageId)) throw Errors.badInput('input.messageId', 'messageId is not a write-back message id');
  const found = await ctx.em.findOne(WriteBackDelivery, { messageId: input.messageId });
  if (!found || found.targetOrgId !== ctx.actor.organisationId) {
    throw new HubError('NOT_FOUND', `Write-back message ${input.messageId} not found`, { field: 'input.messageId' });
  }
  const reason = (input.reason ?? '').slice(0, 300);
  const { hints } = await ctx.em.transactional(async (em) => {
    await lockLines(em, [found.orderingKey]);
    const [row] = await exec<{ state: string }>(em, 'select state from write_back_delivery where id = ? for update', [
      found.id,
    ]);
    if (row?.state !== 'DELIVERED' && row?.state !== 'DEAD')
      throw Errors.invalidTransition('WriteBackDelivery', found.id, row?.state ?? 'UNKNOWN', 'ACKNOWLEDGED');
    const ack = `${input.kind} ${input.code} ${input.positive ? 'positive' : 'negative'}`;
    ctx.audit.record(em, {
      action: 'recordWriteBackAcknowledgement',
      subjectType: 'WriteBackDelivery',
      subjectId: found.id,
      reason: ack,
    });
    if (input.positive) {
      await exec(
        em,
        'update write_back_delivery set ack_kind = ?, ack_code = ?, ack_at = now(), updated_at = now() where id = ?',
        [input.kind, input.code, found.id],
      );
      return { hints: [] };
    }
    if (row.state === 'DEAD') return { hints: [] };
    const changed = await exec<Parameters<typeof changeOf>[0]>(
      em,
      `update write_back_delivery d
          set state = 'DEAD', ack_kind = ?, ack_code = ?, ack_at = now(), last_error = ?, updated_at = now()
        where d.id = ?
        returning d.id, d.record_id, d.entry_id, d.consultation_id, d.target_org_id, d.message_id, d.version, d.attempts, d.state`,
      [
        input.kind,
        input.code,
        `rejected by the receiver: ${input.kind} ${input.code}${reason ? ` ${reason}` : ''}`,
        found.id,
      ],
    );
    return {
      hints: await appendWriteBackEvents(
        em,
        changed.map((c) => changeOf(c, ctx.actor.id)),
      ),
    };
  });
  hintCommitted(ctx.events, hints);
  return ctx.em.fork().findOneOrFail(WriteBackDelivery, { id: found.id });
}
