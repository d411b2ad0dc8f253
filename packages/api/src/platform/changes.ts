import { LockMode, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { AuditEntry } from './audit/audit.log.js';
import type { RequestContext } from './context.js';
import type { Em } from './db/orm.js';
import { HubError } from './errors.js';
import { appendEvents, type EventBus, type EventInput, type StoredEvent, type StreamHint } from './events/index.js';

declare const inTransaction: unique symbol;

/**
 * An `EntityManager` inside an open transaction. Only {@link transaction} and the recipes built on
 * it hand one out, so a helper that must run inside a transaction (it appends events, takes row
 * locks, writes history rows) says so by taking a `Tx` instead of an `Em`: a caller holding a
 * plain `Em` does not compile. A `Tx` is still an `Em` for everything else.
 */
export type Tx = Em & { readonly [inTransaction]: true };

/** Runs `work` in a transaction of `em` (commits when it returns, rolls back when it throws). */
export function transaction<T>(em: Em, work: (tx: Tx) => Promise<T>): Promise<T> {
  return em.transactional((inner) => work(inner as Tx));
}

/**
 * Wakes the readers of each stream once the transaction that wrote to it has committed. Hints
 * carry a stream and a seq only; call this after the commit, never inside the transaction.
 */
export function hintCommitted(bus: EventBus, committed: Iterable<StreamHint>): void {
  for (const { stream, seq } of committed) bus.hint({ stream, seq });
}

/**
 * What one change collects inside its transaction: events to append at its end, events already
 * appended, and hints of streams helpers wrote to; all of them are hinted after the commit.
 *
 * Events added with {@link add} are appended last, in stream-name order (per-stream order kept):
 * appending takes each stream's head-row lock until commit, so appending last keeps those locks
 * short and makes every writer take its row locks before its stream locks, in one order. Both
 * rules keep two writers from deadlocking.
 */
export class ChangeEvents {
  private readonly pending: EventInput[] = [];
  private readonly toHint: StreamHint[] = [];

  /** An event to append at the end of the transaction. */
  add(event: EventInput): void {
    this.pending.push(event);
  }

  /** Events or hints a helper already wrote in this transaction: hinted after commit. */
  written(written: Iterable<StoredEvent | StreamHint>): void {
    for (const { stream, seq } of written) this.toHint.push({ stream, seq });
  }

  /**
   * Appends the pending events (stable by stream name) in one statement. The recipes call it last
   * in the transaction.
   */
  async appendPending(tx: Tx): Promise<void> {
    const ordered = this.pending
      .map((event, index) => ({ event, index }))
      .sort((a, b) => (a.event.stream < b.event.stream ? -1 : a.event.stream > b.event.stream ? 1 : a.index - b.index))
      .map(({ event }) => event);
    this.pending.length = 0;
    this.written(await appendEvents(tx, ordered));
  }

  /** What to hint once the transaction has committed. */
  get hints(): readonly StreamHint[] {
    return this.toHint;
  }
}

/** What the recipes use of a request: its `EntityManager`, its audit log and the event bus. */
export type ChangeContext = Pick<RequestContext, 'em' | 'audit' | 'events'>;

/** The codes of a refusal of the actor's right, audited as DENIED after the rollback. */
export const REFUSAL_CODES: ReadonlySet<string> = new Set(['FORBIDDEN']);

/** The audit row of a change that happened; the recipe fills in what the spec already says. */
export type ChangeAudit = Omit<AuditEntry, 'action' | 'subjectType' | 'outcome'> & { readonly action?: string };

export interface ChangeSpec<T> {
  /** The audit action: the mutation's name. A refusal is audited under it too. */
  readonly action: string;
  /** The audit subject type (`Prescription`, `Referral`, ...). */
  readonly subjectType: string;
  /** The subject a refusal is audited against (the id the actor asked for), when there is one. */
  readonly subjectId?: string | null;
  /** The change itself, inside the transaction. */
  readonly work: (tx: Tx, events: ChangeEvents) => Promise<T>;
  /** The audit row of the change (written in its transaction); null when nothing changed. */
  readonly audit: (result: T) => ChangeAudit | null;
}

/**
 * The change recipe: in one transaction, `work` changes rows and collects events and hints, the
 * pending events are appended and the audit row is written; after the commit the hints are sent.
 * A refusal (a `HubError` with a code of {@link REFUSAL_CODES}) rolls everything back and is
 * then audited as DENIED; any other error rolls back and is not audited here (NOT_FOUND is
 * audited by `audit/denials.ts` after the response).
 */
export async function runChange<T>(ctx: ChangeContext, spec: ChangeSpec<T>): Promise<T> {
  const events = new ChangeEvents();
  let result: T;
  try {
    result = await transaction(ctx.em, async (tx) => {
      const value = await spec.work(tx, events);
      await events.appendPending(tx);
      const audit = spec.audit(value);
      if (audit) ctx.audit.record(tx, { action: spec.action, subjectType: spec.subjectType, ...audit });
      return value;
    });
  } catch (error) {
    if (error instanceof HubError && REFUSAL_CODES.has(error.code)) {
      const refused = { action: spec.action, subjectType: spec.subjectType, subjectId: spec.subjectId ?? null };
      await ctx.audit.recordNow(ctx.em, [{ ...refused, outcome: 'DENIED', reason: error.message }]);
    }
    throw error;
  }
  hintCommitted(ctx.events, events.hints);
  return result;
}

export interface RowChangeSpec<E extends object, T> {
  /** The entity of the row to change, and its primary key (already decoded and checked). */
  readonly entity: EntityName<E>;
  readonly id: string;
  readonly action: string;
  readonly subjectType: string;
  /**
   * The visibility rule: a row the actor may not see answers {@link notFound}, exactly like a
   * missing one. `'in-apply'` when the visibility depends on what `apply` works out (it then
   * throws the same not-found error itself).
   */
  readonly visible: ((row: E, tx: Tx) => boolean | Promise<boolean>) | 'in-apply';
  readonly notFound: (id: string) => HubError;
  /** The change of the locked, visible row. */
  readonly apply: (tx: Tx, row: E, events: ChangeEvents) => Promise<T>;
  /**
   * The audit row of the change (subject id defaults to the row's id); null when nothing
   * changed. Without it every change is audited as `action` on the row.
   */
  readonly audit?: (row: E, result: T) => ChangeAudit | null;
}

/**
 * {@link runChange} for one existing row: it is read with `SELECT ... FOR UPDATE` (fresh, so two
 * concurrent changes of it run one after the other and the second sees the first's result), then
 * the visibility rule, then `apply`. Returns the changed row.
 */
export async function changeRow<E extends object & { id: string }, T = unknown>(
  ctx: ChangeContext,
  spec: RowChangeSpec<E, T>,
): Promise<E> {
  const { row } = await runChange(ctx, {
    action: spec.action,
    subjectType: spec.subjectType,
    subjectId: spec.id,
    work: async (tx, events) => {
      const row = await tx.findOne(spec.entity, { id: spec.id } as FilterQuery<E>, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        refresh: true,
      });
      if (!row || (spec.visible !== 'in-apply' && !(await spec.visible(row, tx)))) throw spec.notFound(spec.id);
      return { row, result: await spec.apply(tx, row, events) };
    },
    audit: ({ row, result }) => {
      const entry = spec.audit ? spec.audit(row, result) : {};
      return entry && { subjectId: row.id, ...entry };
    },
  });
  return row;
}
