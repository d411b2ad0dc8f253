import type { Orm } from '../../../platform/db/orm.js';
import { appendEvent, type StoredEvent } from '../../../platform/events/index.js';
import { uuidv7 } from '../../../platform/ids.js';
import { EPS_EVENT_OF, epsStream, type EpsOperation } from './eps.codes.js';
import { EpsMessage } from '../eps-message.entity.js';
import { prescribingStream } from '../prescribing.events.js';
import type { Prescription } from '../prescription.entity.js';
import type { Tx } from '../../../platform/changes.js';
import { exec } from '../../../platform/db/sql.js';

/**
 * Queues an EPS message of `p` inside the caller's transaction: the outbox row (QUEUED) and an
 * event on the hub's `eps:` stream, which the plugin webhook worker turns into a delivery to every
 * plugin the hub enabled for `eps.*` (retried with backoff, dead-lettered, redrivable). The event
 * carries ids and codes only; the plugin reads the message itself with the `eps:send` scope.
 */
export async function queueEpsMessage(
  em: Tx,
  p: Prescription,
  operation: EpsOperation,
  actorId: string,
  reasonCode: string | null = null,
): Promise<StoredEvent> {
  const message = em.create(EpsMessage, {
    id: uuidv7(),
    prescription: p,
    operation,
    status: 'QUEUED',
    reasonCode,
    retries: 0,
  });
  return appendEvent(em, {
    stream: epsStream(p.hub.id),
    type: EPS_EVENT_OF[operation],
    subjectType: 'Prescription',
    subjectId: p.id,
    actorId,
    payload: { prescriptionId: p.id, messageId: message.id, operation, shortFormId: p.shortFormId },
  });
}

/**
 * The plugin webhook queue gave up on an `eps.*` event (DEAD, or WITHHELD because the plugin may no
 * longer receive it): its message, if still open,
 * becomes UNDELIVERED so that prescribers see it. A redrive that later succeeds reports the outcome
 * over it. Called by the webhook worker (composition root), outside any request.
 */
export async function markEpsUndeliverable(orm: Orm, delivery: { eventId: number; eventType: string }): Promise<void> {
  if (!delivery.eventType.startsWith('eps.')) return;
  await orm.em.fork().transactional(async (em) => {
    const changed = await exec<{ id: string; prescription_id: string; operation: string; hub_id: string }>(
      em,
      `update eps_message m set status = 'UNDELIVERED', updated_at = now()
         from event_log e, prescription p
        where e.id = ? and e.stream like 'eps:%' and m.id::text = e.payload->>'messageId'
          and p.id = m.prescription_id and m.status in ('QUEUED', 'RETRYING')
        returning m.id, m.prescription_id, m.operation, p.hub_id`,
      [delivery.eventId],
    );
    // Live for prescribers (read by seq; subscribers also poll, so no hint is needed from here).
    for (const row of changed) {
      await appendEvent(em, {
        stream: prescribingStream(row.hub_id),
        type: 'EPS_STATUS_CHANGED',
        subjectType: 'Prescription',
        subjectId: row.prescription_id,
        actorId: 'pcn-hub',
        payload: {
          prescriptionId: row.prescription_id,
          messageId: row.id,
          operation: row.operation,
          status: 'UNDELIVERED',
        },
      });
    }
  });
}
