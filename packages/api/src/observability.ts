import type { Config } from './platform/config.js';
import type { Logger } from './platform/logger.js';
import type { Orm } from './platform/db/orm.js';
import { metrics } from './platform/observability/metrics.js';
import { startMetricsServer } from './platform/observability/metrics-server.js';

/** The queues whose backlog, oldest due item and dead letters a scrape reports. */
const QUEUES = [
  { queue: 'write_back', table: 'write_back_delivery', waiting: "('PENDING', 'RETRYING', 'SENDING')" },
  { queue: 'plugin_webhook', table: 'plugin_webhook_delivery', waiting: "('PENDING', 'RETRYING')" },
] as const;

interface QueueRow {
  waiting: number | string;
  dead: number | string;
  oldest_seconds: number | string | null;
}

/**
 * Gauges read at scrape time (composition root: it knows the modules' queue tables): each queue's
 * backlog, the age of its oldest due delivery and its dead letters, and the PostgreSQL pool.
 */
export function scrapeCollector(orm: Orm) {
  return async (): Promise<void> => {
    const connection = orm.em.fork().getConnection();
    for (const { queue, table, waiting } of QUEUES) {
      const rows = (await connection.execute(
        `select count(*) filter (where state in ${waiting}) as waiting,
                count(*) filter (where state = 'DEAD') as dead,
                extract(epoch from now() - min(next_attempt_at) filter (where state in ${waiting} and next_attempt_at <= now())) as oldest_seconds
           from ${table} where state in ${waiting} or state = 'DEAD'`,
      )) as QueueRow[];
      const row = rows[0];
      metrics.queueBacklog.set({ queue }, Number(row?.waiting ?? 0));
      metrics.deadLetters.set({ queue }, Number(row?.dead ?? 0));
      metrics.queueOldestAge.set({ queue }, Number(row?.oldest_seconds ?? 0));
    }
    const client: unknown = await (
      connection as unknown as { getNativeClient?: () => Promise<unknown> }
    ).getNativeClient?.();
    const pool = client as { totalCount?: number; idleCount?: number; waitingCount?: number } | undefined;
    if (pool && typeof pool.totalCount === 'number') {
      metrics.poolConnections.set({ state: 'in_use' }, pool.totalCount - (pool.idleCount ?? 0));
      metrics.poolConnections.set({ state: 'idle' }, pool.idleCount ?? 0);
      metrics.poolConnections.set({ state: 'waiting' }, pool.waitingCount ?? 0);
    }
  };
}

/** Starts the metrics listener when METRICS_PORT is set; null otherwise. */
export async function startMetrics(config: Config, orm: Orm, logger: Logger) {
  if (!config.metrics) return null;
  return startMetricsServer({ ...config.metrics, logger, collect: scrapeCollector(orm) });
}
