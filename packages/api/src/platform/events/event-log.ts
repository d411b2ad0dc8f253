import type { Em } from '../db/orm.js';
import { asDate, exec } from '../db/sql.js';
import { metrics, streamKind } from '../observability/metrics.js';

/** An event to append to a stream, inside the transaction of the change it describes. */
export interface EventInput {
  /** Stream name, e.g. `inbox:<organisation id>`. */
  readonly stream: string;
  /** Event type, e.g. `CONSULTATION_CLAIMED`. */
  readonly type: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly actorId?: string | null;
  /** Ids and coded values only; never patient data. */
  readonly payload?: Record<string, unknown>;
}

/** An event as stored. */
export interface StoredEvent {
  readonly id: number;
  readonly stream: string;
  readonly seq: number;
  readonly type: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly actorId: string | null;
  readonly payload: Record<string, unknown>;
  readonly createdAt: Date;
}

interface Row {
  id: string | number;
  stream: string;
  seq: string | number;
  type: string;
  subject_type: string;
  subject_id: string;
  actor_id: string | null;
  payload: Record<string, unknown> | string;
  created_at: Date | string;
}

function toStored(row: Row): StoredEvent {
  return {
    id: Number(row.id),
    stream: row.stream,
    seq: Number(row.seq),
    type: row.type,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actorId: row.actor_id,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload,
    createdAt: asDate(row.created_at),
  };
}

/**
 * Appends an event in `em`'s current transaction and returns its seq. The upsert takes the
 * stream's head-row lock until commit, so two writers to one stream serialise: a later commit
 * always has the higher seq, and a reader that has seen seq N never misses an N-1 that commits
 * later. Must be called inside `em.transactional`.
 */
export async function appendEvent(em: Em, event: EventInput): Promise<StoredEvent> {
  if (!em.getTransactionContext()) throw new Error('appendEvent must run inside a transaction');
  // One statement: the head upsert (its row lock held until commit) feeds the event's insert.
  const [row] = await exec<Row>(em, APPEND, [
    event.stream,
    event.stream,
    event.type,
    event.subjectType,
    event.subjectId,
    event.actorId ?? null,
    JSON.stringify(event.payload ?? {}),
  ]);
  metrics.eventsAppended.inc({ stream: streamKind(event.stream) });
  return toStored(row!);
}

const APPEND = `with head as (
    insert into stream_head (stream, seq) values (?, 1)
    on conflict (stream) do update set seq = stream_head.seq + 1
    returning seq)
  insert into event_log (stream, seq, type, subject_type, subject_id, actor_id, payload, created_at)
  select ?, head.seq, ?, ?, ?, ?, ?::jsonb, now() from head
  returning *`;

/** Events of `stream` with seq greater than `afterSeq`, in order, at most `limit`. */
export async function readStream(em: Em, stream: string, afterSeq: number, limit = 500): Promise<StoredEvent[]> {
  const rows = await em
    .getConnection()
    .execute<Row[]>('select * from event_log where stream = ? and seq > ? order by seq limit ?', [
      stream,
      afterSeq,
      limit,
    ]);
  return rows.map(toStored);
}

/** The latest seq of a stream (0 when it has none) and the oldest seq still retained. */
export async function streamBounds(em: Em, stream: string): Promise<{ latest: number; oldest: number | null }> {
  const [head] = await em
    .getConnection()
    .execute<{ seq: string | number }[]>('select seq from stream_head where stream = ?', [stream]);
  const [min] = await em
    .getConnection()
    .execute<{ seq: string | number | null }[]>('select min(seq) as seq from event_log where stream = ?', [stream]);
  return { latest: head ? Number(head.seq) : 0, oldest: min?.seq == null ? null : Number(min.seq) };
}

/** The latest seq of a stream (0 when it has none), from its head row: one indexed read. */
export async function latestSeq(em: Em, stream: string): Promise<number> {
  const [head] = await em
    .getConnection()
    .execute<{ seq: string | number }[]>('select seq from stream_head where stream = ?', [stream]);
  return head ? Number(head.seq) : 0;
}
