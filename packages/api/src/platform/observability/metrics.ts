import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics (prom-client), one registry per process. Names follow the
 * Prometheus conventions (`pcnhub_` prefix, base units, `_total` counters); labels are bounded
 * sets only: operation types, root field names of the schema, error codes, stream kinds, queue
 * names and outcomes, never ids or client-chosen operation names.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'pcnhub_' });

export const metrics = {
  httpRequests: new Counter({
    name: 'pcnhub_http_requests_total',
    help: 'HTTP requests by route and status class.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  }),
  operations: new Counter({
    name: 'pcnhub_graphql_operations_total',
    help: 'GraphQL operations by type, root field and outcome (ok, or the first error code).',
    labelNames: ['type', 'field', 'outcome'] as const,
    registers: [registry],
  }),
  operationErrors: new Counter({
    name: 'pcnhub_graphql_errors_total',
    help: 'GraphQL errors returned, by code.',
    labelNames: ['code'] as const,
    registers: [registry],
  }),
  operationDuration: new Histogram({
    name: 'pcnhub_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL request to its answer, by type and root field.',
    labelNames: ['type', 'field'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  }),
  poolConnections: new Gauge({
    name: 'pcnhub_db_pool_connections',
    help: 'PostgreSQL pool connections by state (in_use, idle, waiting for a connection).',
    labelNames: ['state'] as const,
    registers: [registry],
  }),
  eventsAppended: new Counter({
    name: 'pcnhub_events_appended_total',
    help: 'Events appended to the event log, by stream kind.',
    labelNames: ['stream'] as const,
    registers: [registry],
  }),
  liveSubscriptions: new Gauge({
    name: 'pcnhub_live_subscriptions',
    help: 'Live stream subscriptions open in this process, by stream kind.',
    labelNames: ['stream'] as const,
    registers: [registry],
  }),
  liveDeliveryLag: new Histogram({
    name: 'pcnhub_live_delivery_lag_seconds',
    help: 'Time from an event being appended to its delivery to a live subscriber.',
    labelNames: ['stream'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 30],
    registers: [registry],
  }),
  queueBacklog: new Gauge({
    name: 'pcnhub_queue_backlog',
    help: 'Deliveries waiting (pending or retrying), by queue (write_back, plugin_webhook).',
    labelNames: ['queue'] as const,
    registers: [registry],
  }),
  queueOldestAge: new Gauge({
    name: 'pcnhub_queue_oldest_age_seconds',
    help: 'Age of the oldest waiting delivery, by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
  }),
  deadLetters: new Gauge({
    name: 'pcnhub_queue_dead_letters',
    help: 'Deliveries that ended DEAD and wait for a redrive or discard, by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
  }),
  deliveryAttempts: new Counter({
    name: 'pcnhub_delivery_attempts_total',
    help: 'Delivery attempts by queue and outcome.',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  }),
  authFailures: new Counter({
    name: 'pcnhub_auth_failures_total',
    help: 'Refused credentials, by kind (token, api_key).',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
  rateLimited: new Counter({
    name: 'pcnhub_rate_limited_total',
    help: 'Requests refused with RATE_LIMITED, by limit.',
    labelNames: ['limit'] as const,
    registers: [registry],
  }),
} as const;

/** The kind of a stream name (`inbox:<org id>` is `inbox`): bounded, unlike the name. */
export function streamKind(stream: string): string {
  const kind = stream.split(':', 1)[0] ?? 'other';
  return /^[a-z-]{1,30}$/.test(kind) ? kind : 'other';
}
