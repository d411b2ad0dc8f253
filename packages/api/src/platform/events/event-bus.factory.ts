import type { Logger } from '../logger.js';
import { InProcessEventBus, type EventBus } from './event-bus.js';
import { PgNotifyEventBus } from './event-bus.pg.js';
import { RedisEventBus } from './event-bus.redis.js';

/** What {@link createEventBus} chooses from. */
export interface EventBusSettings {
  /** PostgreSQL URL, or null on PGlite. */
  readonly databaseUrl: string | null;
  /** Redis URL, or null when `REDIS_URL` is unset. */
  readonly redisUrl: string | null;
  readonly logger?: Logger;
}

/**
 * Picks and starts the bus: Redis pub/sub when a Redis URL is set, else PostgreSQL
 * LISTEN/NOTIFY when on PostgreSQL, else in-process (PGlite runs in one process). Rejects when
 * the chosen channel cannot be reached at start; later outages reconnect by themselves.
 */
export async function createEventBus(settings: EventBusSettings): Promise<EventBus> {
  if (settings.redisUrl) {
    const bus = new RedisEventBus({ url: settings.redisUrl, logger: settings.logger });
    await bus.start();
    return bus;
  }
  if (settings.databaseUrl) {
    const bus = new PgNotifyEventBus({ connectionString: settings.databaseUrl, logger: settings.logger });
    await bus.start();
    return bus;
  }
  return new InProcessEventBus();
}
