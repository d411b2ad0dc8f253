import type { Orm } from '../../db/orm.js';
import type { EventBus } from '../event-bus.js';
import { appendEvent, type StoredEvent } from '../event-log.js';

/** Appends one synthetic event in its own transaction, then hints after commit (as services do). */
export async function appendAndHint(
  orm: Orm,
  bus: EventBus | null,
  stream: string,
  payload: Record<string, unknown> = {},
): Promise<StoredEvent> {
  const event = await orm.em.fork().transactional((em) =>
    appendEvent(em, {
      stream,
      type: 'TEST_EVENT',
      subjectType: 'Test',
      subjectId: 'test-subject',
      actorId: null,
      payload,
    }),
  );
  bus?.hint({ stream, seq: event.seq });
  return event;
}
