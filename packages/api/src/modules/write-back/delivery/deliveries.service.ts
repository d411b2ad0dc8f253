import type { AuthenticatedContext } from '../../../platform/context.js';
import type { Em } from '../../../platform/db/orm.js';
import { Errors } from '../../../platform/errors.js';
import { keyset } from '../../../platform/graphql/keyset.js';
import { writeBackStateOf, type DeliveryState, type WriteBackState } from '../write-back.codes.js';
import { appendWriteBackEvents } from '../write-back.events.js';
import { changeOf, WRITE_BACK_TABLE, type DeliveryRow } from './outbox.worker.js';
import { redriveRows } from '../../../platform/delivery/index.js';
import { WriteBackDelivery, WriteBackRecord } from '../write-back-record.entity.js';
import { WriteBackErrors } from '../write-back.errors.js';
import { lineBusy, lockLines } from './lines.worker.js';
import { exec } from '../../../platform/db/sql.js';
import { hintCommitted } from '../../../platform/changes.js';

/** The write-back of one entry as the API shows it. */
export interface EntryWriteBackStatus {
  readonly record: WriteBackRecord;
  readonly state: WriteBackState;
  readonly delivery: WriteBackDelivery | null;
}

/** Write-back status of entries by entry id (two statements for any number of entries). */
export async function writeBackStatusByEntry(
  em: Em,
  entryIds: readonly string[],
): Promise<Map<string, EntryWriteBackStatus>> {
  const out = new Map<string, EntryWriteBackStatus>();
  if (entryIds.length === 0) return out;
  const records = await em.find(WriteBackRecord, { entryId: { $in: [...entryIds] } });
  const deliveryIds = records.flatMap((r) => (r.currentDeliveryId ? [r.currentDeliveryId] : []));
  const deliveries = new Map(
    deliveryIds.length > 0
      ? (await em.find(WriteBackDelivery, { id: { $in: deliveryIds } })).map((d) => [d.id, d])
      : [],
  );
  for (const record of records) {
    const delivery = record.currentDeliveryId ? (deliveries.get(record.currentDeliveryId) ?? null) : null;
    out.set(record.entryId, {
      record,
      delivery,
      state: writeBackStateOf(record.decision, delivery?.state ?? null),
    });
  }
  return out;
}

/** Dead letters, oldest first (ids are UUIDv7). */
const DEAD_LETTER_PAGE = keyset<WriteBackDelivery>([{ property: 'id', part: 'uuid', of: (d) => d.id }], 'asc');
/** Cursor over dead letters: (id). */
export const deliveryCursor = DEAD_LETTER_PAGE.cursorOf;

/** Dead letters and their redrive or discard (hub managers of the PCN). */
export class WriteBackDeliveryService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  async deadLetters(size: number, after: string | null): Promise<WriteBackDelivery[]> {
    return this.ctx.em.find(
      WriteBackDelivery,
      { pcnId: this.ctx.actor.pcnId, state: 'DEAD', ...DEAD_LETTER_PAGE.after(after) },
      { orderBy: DEAD_LETTER_PAGE.orderBy, limit: size + 1 },
    );
  }

  async byId(id: string): Promise<WriteBackDelivery> {
    const row = await this.ctx.em.findOne(WriteBackDelivery, { id, pcnId: this.ctx.actor.pcnId });
    if (!row) throw WriteBackErrors.deliveryNotFound(id);
    return row;
  }

  /**
   * DEAD -> PENDING with a fresh attempt budget and the same message id; behind the line's current
   * delivery (WAITING) if the patient line moved on meanwhile.
   */
  redrive(id: string): Promise<WriteBackDelivery> {
    return this.transition(id, 'redriveWriteBack', 'PENDING', async (em, line) =>
      redriveRows(em, WRITE_BACK_TABLE, [id], { to: (await lineBusy(em, line)) ? 'WAITING' : 'PENDING' }),
    );
  }

  /** DEAD -> DISCARDED: nobody will send it again. */
  discard(id: string): Promise<WriteBackDelivery> {
    return this.transition(id, 'discardWriteBack', 'DISCARDED', (em) =>
      exec(
        em,
        `update write_back_delivery d set state = 'DISCARDED', lease_owner = null, lease_expires_at = null, updated_at = now()
         where d.id = ? returning ${WRITE_BACK_TABLE.returning}`,
        [id],
      ),
    );
  }

  private async transition(
    id: string,
    action: string,
    to: DeliveryState,
    change: (em: Em, line: string) => Promise<readonly object[]>,
  ): Promise<WriteBackDelivery> {
    const { orderingKey } = await this.byId(id);
    const { hints, delivery } = await this.ctx.em.transactional(async (em) => {
      await lockLines(em, [orderingKey]);
      const [row] = await exec<{ state: DeliveryState }>(
        em,
        'select state from write_back_delivery where id = ? for update',
        [id],
      );
      if (!row || row.state !== 'DEAD')
        throw Errors.invalidTransition('WriteBackDelivery', id, row?.state ?? 'UNKNOWN', to);
      const changed = (await change(em, orderingKey)) as readonly DeliveryRow[];
      this.ctx.audit.record(em, { action, subjectType: 'WriteBackDelivery', subjectId: id, reason: `DEAD -> ${to}` });
      const events = await appendWriteBackEvents(
        em,
        changed.map((c) => changeOf(c, this.ctx.actor.id)),
      );
      // As this transaction left it (a worker may claim it the moment we commit).
      return { hints: events, delivery: await em.findOneOrFail(WriteBackDelivery, { id }, { refresh: true }) };
    });
    hintCommitted(this.ctx.events, hints);
    return delivery;
  }
}
