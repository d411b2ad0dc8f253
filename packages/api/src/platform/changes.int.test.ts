import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from './audit/audit.log.js';
import { changeRow, runChange, type ChangeContext, type RowChangeSpec, type Tx } from './changes.js';
import type { Orm } from './db/orm.js';
import { exec } from './db/sql.js';
import { Errors, HubError } from './errors.js';
import type { EventBus, StreamHint } from './events/index.js';
import { EVENT_TEST_DATABASES, openScratchDatabase, type ScratchDatabase } from './events/testing/databases.js';
import { IdempotencyKey } from './idempotency/idempotency-key.entity.js';
import { uuidv7 } from './ids.js';

/** A bus that records each hint with what the change had reached when it came. */
class RecordingBus implements EventBus {
  readonly hints: { hint: StreamHint; stage: string }[] = [];
  stage = 'idle';
  hint(hint: StreamHint): void {
    this.hints.push({ hint, stage: this.stage });
  }
  onHint(): () => void {
    return () => {};
  }
  async close(): Promise<void> {}
}

// Any row with a uuid id does: the platform's own idempotency_key table needs no module's data.
const ROW = IdempotencyKey;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let n = 0;
const newStream = () => `changes-test:${process.pid}:${++n}`;

/** Only a transaction's EntityManager may be passed here (checked by the compiler, `tsc -b`). */
const insideOnly = (tx: Tx): Tx => tx;

for (const kind of EVENT_TEST_DATABASES) {
  describe(`change recipe [${kind}]`, () => {
    let db: ScratchDatabase;
    let orm: Orm;
    let bus: RecordingBus;
    let rowId: string;

    const context = (requestId = uuidv7()): ChangeContext & { audit: AuditLog; requestId: string } => ({
      em: orm.em.fork(),
      audit: new AuditLog(null, requestId),
      events: bus,
      requestId,
    });
    const audits = (requestId: string) =>
      exec<{ action: string; subject_type: string; subject_id: string | null; outcome: string; reason: string | null }>(
        orm.em.fork(),
        'select action, subject_type, subject_id, outcome, reason from audit_event where request_id = ? order by id',
        [requestId],
      );
    const events = (stream: string) =>
      exec<{ seq: string | number; type: string }>(
        orm.em.fork(),
        'select seq, type from event_log where stream = ? order by seq',
        [stream],
      );
    const resultOf = async () => (await orm.em.fork().findOneOrFail(ROW, { id: rowId })).resultId;
    /** changeRow of the test row as the action `testChange`, visible to all unless `more` says otherwise. */
    const changeTestRow = (
      ctx: ChangeContext,
      apply: RowChangeSpec<IdempotencyKey, unknown>['apply'],
      more: Partial<RowChangeSpec<IdempotencyKey, unknown>> = {},
    ) =>
      changeRow(ctx, {
        entity: ROW,
        id: rowId,
        action: 'testChange',
        subjectType: 'TestRow',
        visible: () => true,
        notFound: () => Errors.notFound('TestRow', rowId),
        apply,
        ...more,
      });
    /** A change on `stream` that failed left nothing: the row as it was, no events, no hints. */
    const expectRolledBack = async (stream: string) => {
      expect(await resultOf()).toBe('start');
      expect(await events(stream)).toEqual([]);
      expect(bus.hints).toEqual([]);
    };

    beforeAll(async () => {
      db = await openScratchDatabase(kind);
      orm = db.orm;
      orm.em.getEventManager().registerSubscriber({
        afterTransactionCommit: () => {
          bus.stage = 'committed';
        },
      });
    }, 120_000);
    afterAll(async () => {
      await db.drop();
    });
    beforeEach(async () => {
      bus = new RecordingBus();
      rowId = uuidv7();
      await orm.em.fork().insert(ROW, {
        id: rowId,
        actorId: 'test',
        key: rowId,
        operation: 'test',
        requestHash: 'h',
        resultId: 'start',
        createdAt: new Date(),
      });
    });

    it('commits the change, its events and its audit row together, and hints only after the commit', async () => {
      const ctx = context();
      const stream = newStream();
      const row = await changeTestRow(
        ctx,
        async (tx, r, change) => {
          insideOnly(tx);
          bus.stage = 'in transaction';
          r.resultId = 'changed';
          change.add({ stream, type: 'CHANGED', subjectType: 'TestRow', subjectId: r.id });
          change.add({ stream, type: 'CHANGED_AGAIN', subjectType: 'TestRow', subjectId: r.id });
        },
        { audit: () => ({ reason: 'start->changed' }) },
      );
      expect(row.resultId).toBe('changed');
      expect(await resultOf()).toBe('changed');
      const stored = await events(stream);
      expect(stored.map((e) => [Number(e.seq), e.type])).toEqual([
        [1, 'CHANGED'],
        [2, 'CHANGED_AGAIN'],
      ]);
      expect(bus.hints).toEqual([
        { hint: { stream, seq: 1 }, stage: 'committed' },
        { hint: { stream, seq: 2 }, stage: 'committed' },
      ]);
      expect(await audits(ctx.requestId)).toEqual([
        {
          action: 'testChange',
          subject_type: 'TestRow',
          subject_id: rowId,
          outcome: 'SUCCESS',
          reason: 'start->changed',
        },
      ]);
    });

    it('rolls everything back on a throw and sends no hint, also when the commit itself fails', async () => {
      for (const failure of ['throw', 'commit'] as const) {
        const ctx = context();
        const stream = newStream();
        const attempt = changeTestRow(ctx, async (tx, r, change) => {
          r.resultId = 'lost';
          change.add({ stream, type: 'CHANGED', subjectType: 'TestRow', subjectId: r.id });
          if (failure === 'throw') throw new Error('the hub failed');
          // A second key of the same actor: the unique constraint refuses it at the commit's flush.
          tx.create(ROW, { actorId: 'test', key: rowId, operation: 'test', requestHash: 'h', resultId: 'x' });
        });
        await expect(attempt).rejects.toThrow();
        await expectRolledBack(stream);
        expect(await audits(ctx.requestId)).toEqual([]);
      }
    });

    it('audits a refusal as DENIED after the rollback; not-found and other errors are not audited here', async () => {
      const ctx = context();
      const stream = newStream();
      const refused = runChange(ctx, {
        action: 'testChange',
        subjectType: 'TestRow',
        subjectId: rowId,
        work: async (tx, change) => {
          await tx.nativeUpdate(ROW, { id: rowId }, { resultId: 'lost' });
          change.add({ stream, type: 'CHANGED', subjectType: 'TestRow', subjectId: rowId });
          throw Errors.forbidden('Not allowed to change this row');
        },
        audit: () => ({ subjectId: rowId }),
      });
      await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expectRolledBack(stream);
      expect(await audits(ctx.requestId)).toEqual([
        {
          action: 'testChange',
          subject_type: 'TestRow',
          subject_id: rowId,
          outcome: 'DENIED',
          reason: 'Not allowed to change this row',
        },
      ]);
      expect(ctx.audit.denied).toBe(1);

      // Not visible answers like missing (the request's denial audit records it); a conflict is no refusal.
      for (const [visible, error] of [
        [false, null],
        [true, Errors.invalidTransition('TestRow', rowId, 'A', 'B')],
      ] as const) {
        const other = context();
        const attempt = changeTestRow(
          other,
          async () => {
            if (error) throw error;
          },
          { visible: () => visible },
        );
        await expect(attempt).rejects.toBeInstanceOf(HubError);
        expect(await audits(other.requestId)).toEqual([]);
      }
    });

    it('locks the row: two concurrent changes of it run one after the other, the second sees the first', async () => {
      const order: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const change = (name: string, wait: Promise<void> | null) =>
        changeTestRow(context(), async (_tx, r) => {
          order.push(`${name} saw ${r.resultId}`);
          if (wait) await wait;
          r.resultId = `${r.resultId}+${name}`;
        });
      const first = change('first', gate);
      while (order.length === 0) await sleep(5);
      const second = change('second', null);
      await sleep(300);
      expect(order).toEqual(['first saw start']);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first saw start', 'second saw start+first']);
      expect(await resultOf()).toBe('start+first+second');
    });
  });
}
