import type { Em } from '../../platform/db/orm.js';
import { fieldsOf } from '../../platform/graphql/fields.js';
import { appendEvents, type EventInput, type StreamHint } from '../../platform/events/index.js';
import { eventTypeOf, writeBackStream, type WriteBackState } from './write-back.codes.js';

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
 * transaction, in one statement (`appendEvents`: every stream's head row upserted once, in
 * stream-name order, so two transactions touching the same streams take their head-row locks in
 * the same order and cannot deadlock). Returns the hints to send after commit (the highest seq
 * per stream).
 */
export async function appendWriteBackEvents(em: Em, changes: readonly WriteBackChange[]): Promise<StreamHint[]> {
  return latestPerStream(await appendEvents(em, writeBackEvents(changes)));
}

/** The events of `changes`, one each. */
export function writeBackEvents(changes: readonly WriteBackChange[]): EventInput[] {
  return changes.map((change) => ({ stream: writeBackStream(change.targetOrgId), ...eventOf(change) }));
}

/** The highest seq of each stream among `appended`. */
export function latestPerStream(appended: readonly StreamHint[]): StreamHint[] {
  const latest = new Map<string, number>();
  for (const { stream, seq } of appended) latest.set(stream, Math.max(seq, latest.get(stream) ?? 0));
  return [...latest].map(([stream, seq]) => ({ stream, seq }));
}

function eventOf(change: WriteBackChange) {
  return {
    type: eventTypeOf(change.state),
    subjectType: 'WriteBackRecord',
    subjectId: change.recordId,
    actorId: change.actorId ?? null,
    payload: fieldsOf(change, [
      'state',
      'recordId',
      'entryId',
      'consultationId',
      'deliveryId',
      'messageId',
      'version',
      'attempt',
    ]),
  };
}
