import type { Em } from '../../platform/db/orm.js';
import { appendEvent, type StreamHint } from '../../platform/events/index.js';
import { eventTypeOf, writeBackStream, type WriteBackState } from './write-back.codes.js';
import { exec } from '../../platform/db/sql.js';

/** One state change of one entry's write-back. Ids and codes only. */
export interface WriteBackChange {
  readonly targetOrgId: string;
  readonly state: WriteBackState;
  readonly recordId: string;
  readonly entryId: string;
  readonly consultationId: string;
  readonly deliveryId: string | null;
  readonly messageId?: string | null;
  readonly version?: number | null;
  readonly attempt?: number | null;
  readonly actorId?: string | null;
}

/**
 * Appends one event per change to `write-back:<target organisation id>`, inside `em`'s
 * transaction. Streams are appended in sorted order so two transactions touching the same streams
 * take their head-row locks in the same order and cannot deadlock. Returns the hints to send after
 * commit (the highest seq per stream).
 */
export async function appendWriteBackEvents(em: Em, changes: readonly WriteBackChange[]): Promise<StreamHint[]> {
  const ordered = [...changes].sort((a, b) =>
    a.targetOrgId < b.targetOrgId ? -1 : a.targetOrgId > b.targetOrgId ? 1 : 0,
  );
  const latest = new Map<string, number>();
  for (const change of ordered) {
    const stream = writeBackStream(change.targetOrgId);
    const stored = await appendEvent(em, { stream, ...eventOf(change) });
    latest.set(stream, stored.seq);
  }
  return [...latest].map(([stream, seq]) => ({ stream, seq }));
}

function eventOf(change: WriteBackChange) {
  return {
    type: eventTypeOf(change.state),
    subjectType: 'WriteBackRecord',
    subjectId: change.recordId,
    actorId: change.actorId ?? null,
    payload: {
      state: change.state,
      recordId: change.recordId,
      entryId: change.entryId,
      consultationId: change.consultationId,
      deliveryId: change.deliveryId,
      messageId: change.messageId ?? null,
      version: change.version ?? null,
      attempt: change.attempt ?? null,
    },
  };
}

/**
 * The worker's batched form of {@link appendWriteBackEvents}: the same protocol as the platform's
 * `appendEvent` (the stream_head row is upserted, its lock held to commit, and the events take
 * the seqs it hands out), but one head upsert for all streams and one multi-row insert per batch
 * instead of two statements per event: a batch of 64 outcomes costs 2 statements, not 128.
 * Streams are locked in sorted order (VALUES keeps it). Belongs in platform/events as
 * `appendEvents`; kept here until it moves.
 */
export async function appendWriteBackEventsBatched(em: Em, changes: readonly WriteBackChange[]): Promise<StreamHint[]> {
  if (changes.length === 0) return [];
  if (!em.getTransactionContext()) throw new Error('appendWriteBackEventsBatched must run inside a transaction');
  const byStream = new Map<string, WriteBackChange[]>();
  for (const change of changes) {
    const stream = writeBackStream(change.targetOrgId);
    byStream.set(stream, [...(byStream.get(stream) ?? []), change]);
  }
  const streams = [...byStream.keys()].sort();
  const heads = await exec<{ stream: string; seq: string | number }>(
    em,
    `insert into stream_head (stream, seq) values ${streams.map(() => '(?, ?::bigint)').join(', ')}
     on conflict (stream) do update set seq = stream_head.seq + excluded.seq
     returning stream, seq`,
    streams.flatMap((stream) => [stream, byStream.get(stream)!.length]),
  );
  const rows: unknown[] = [];
  const hints: StreamHint[] = [];
  for (const head of heads) {
    const events = byStream.get(head.stream)!;
    const last = Number(head.seq);
    events.forEach((change, i) => {
      const event = eventOf(change);
      rows.push(
        head.stream,
        last - events.length + 1 + i,
        event.type,
        event.subjectType,
        event.subjectId,
        event.actorId,
        JSON.stringify(event.payload),
      );
    });
    hints.push({ stream: head.stream, seq: last });
  }
  await exec(
    em,
    `insert into event_log (stream, seq, type, subject_type, subject_id, actor_id, payload, created_at)
     values ${changes.map(() => '(?, ?, ?, ?, ?, ?, ?, now())').join(', ')}`,
    rows,
  );
  return hints;
}
