import type { Em } from '../db/orm.js';
import { asDate, exec, WithStatement } from '../db/sql.js';
import { metrics, streamKind } from '../observability/metrics.js';
import type { StreamHint } from './event-bus.js';

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

/**
 * Appends `event` to each of `streams` (a stream named twice gets it once) with {@link appendEvent},
 * in stream-name order: two writers to the same streams take the head locks in one order, so they
 * cannot deadlock. Returns the stored events in that order.
 */
export async function appendToStreams(
  em: Em,
  streams: readonly string[],
  event: Omit<EventInput, 'stream'>,
): Promise<StoredEvent[]> {
  const stored: StoredEvent[] = [];
  for (const stream of [...new Set(streams)].sort()) stored.push(await appendEvent(em, { ...event, stream }));
  return stored;
}

const APPEND = `with head as (
    insert into stream_head (stream, seq) values (?, 1)
    on conflict (stream) do update set seq = stream_head.seq + 1
    returning seq)
  insert into event_log (stream, seq, type, subject_type, subject_id, actor_id, payload, created_at)
  select ?, head.seq, ?, ?, ?, ?, ?::jsonb, now() from head
  returning *`;

/**
 * Appends several events in one statement, inside `em`'s transaction, with the protocol of
 * {@link appendEvent}: each stream's head row is upserted once (locked until commit, streams in
 * name order, so two writers take their head locks in one order) and hands out a contiguous block
 * of seqs; the events of one stream take them in the order given. Returns each event's stream and
 * seq, in the order given.
 */
export async function appendEvents(em: Em, events: readonly EventInput[]): Promise<StreamHint[]> {
  if (events.length === 0) return [];
  if (!em.getTransactionContext()) throw new Error('appendEvents must run inside a transaction');
  const statement = new WithStatement();
  withAppendedEvents(statement, events);
  const heads = await statement.run<{ stream: string; seq: string | number }>(
    em,
    `select stream, seq from ${APPENDED_HEADS}`,
  );
  return appendedSeqs(events, heads);
}

/** The CTE of {@link withAppendedEvents} that holds each stream's new head: (stream, seq). */
export const APPENDED_HEADS = 'appended_heads';

/**
 * Adds the append of `events` to a statement of the caller's (see {@link appendEvents}): its main
 * query selects `stream, seq` from {@link APPENDED_HEADS} to learn the seqs ({@link appendedSeqs}). For a
 * change whose other rows are written by the same statement: the head rows are the only rows the
 * caller must not have left to lock in it (it holds the locks of its other rows already).
 */
export function withAppendedEvents(statement: WithStatement, events: readonly EventInput[]): void {
  const rows = events.map((event, ord) => ({
    ord,
    stream: event.stream,
    type: event.type,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    actor_id: event.actorId ?? null,
    payload: event.payload ?? {},
  }));
  statement
    .add(
      'appended_input',
      `select * from jsonb_to_recordset(?::jsonb) as x(ord int, stream text, type text, subject_type text,
        subject_id text, actor_id text, payload jsonb)`,
      [JSON.stringify(rows)],
    )
    .add('appended_counts', 'select stream, count(*)::bigint as n from appended_input group by stream')
    .add(
      APPENDED_HEADS,
      `insert into stream_head (stream, seq) select stream, n from appended_counts order by stream
       on conflict (stream) do update set seq = stream_head.seq + excluded.seq
       returning stream, seq`,
    )
    .add(
      'appended_log',
      `insert into event_log (stream, seq, type, subject_type, subject_id, actor_id, payload, created_at)
       select i.stream, h.seq - c.n + row_number() over (partition by i.stream order by i.ord),
         i.type, i.subject_type, i.subject_id, i.actor_id, i.payload, now()
       from appended_input i join appended_counts c on c.stream = i.stream join ${APPENDED_HEADS} h on h.stream = i.stream
       order by i.stream, i.ord
       returning 1`,
    );
}

/**
 * Each event's stream and seq (in the order given), from the heads {@link withAppendedEvents} left;
 * call it once the statement has run (it counts the events appended).
 */
export function appendedSeqs(
  events: readonly EventInput[],
  heads: readonly { stream: string; seq: string | number }[],
): StreamHint[] {
  const count = new Map<string, number>();
  for (const event of events) count.set(event.stream, (count.get(event.stream) ?? 0) + 1);
  const next = new Map<string, number>();
  for (const event of events) metrics.eventsAppended.inc({ stream: streamKind(event.stream) });
  for (const head of heads) next.set(head.stream, Number(head.seq) - count.get(head.stream)! + 1);
  return events.map(({ stream }) => {
    const seq = next.get(stream);
    if (seq === undefined) throw new Error(`appendEvents: no head for ${stream}`);
    next.set(stream, seq + 1);
    return { stream, seq };
  });
}

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
