// A second OS process for the cross-process stream tests: subscribes to one stream through the
// built engine (packages/api/dist) and prints one JSON line per message on stdout.
//
// Env: DATABASE_URL (required), REDIS_URL (optional: Redis bus instead of LISTEN/NOTIFY),
// BUS_CHANNEL, BUS_NAME (LISTEN application_name or Redis client name), STREAM, AFTER
// (a seq, or empty for live), POLL_MS, HEARTBEAT_MS, RECONNECT_MIN_MS, RECONNECT_MAX_MS.
// Prints {"type":"ready"} once the subscription is live (its first heartbeat), {"type":"event",
// "seq":n}, {"type":"resync"} when the bus reconnected, {"type":"error","message":...}.
// The decorator metadata polyfill, as in every entry point (the ORM here maps the platform entities only).
import 'reflect-metadata';

const dist = new URL('../../../../dist/', import.meta.url);
const { createOrm } = await import(new URL('platform/db/orm.js', dist).href);
const { createLogger } = await import(new URL('platform/logger.js', dist).href);
const events = await import(new URL('platform/events/index.js', dist).href);

const env = process.env;
const print = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
const logger = createLogger('silent');
const orm = await createOrm({ kind: 'postgresql', url: env.DATABASE_URL, poolMax: 4 }, logger);
const reconnect = {
  reconnectMinMs: Number(env.RECONNECT_MIN_MS ?? 100),
  reconnectMaxMs: Number(env.RECONNECT_MAX_MS ?? 5000),
};
const bus = env.REDIS_URL
  ? new events.RedisEventBus({
      url: env.REDIS_URL,
      channel: env.BUS_CHANNEL,
      connectionName: env.BUS_NAME,
      ...reconnect,
    })
  : new events.PgNotifyEventBus({
      connectionString: env.DATABASE_URL,
      channel: env.BUS_CHANNEL,
      applicationName: env.BUS_NAME,
      ...reconnect,
    });
await bus.start();
bus.onHint((hint) => {
  if (events.isResyncHint(hint)) print({ type: 'resync' });
});

const stream = events.subscribeStream({
  stream: env.STREAM,
  afterSeq: env.AFTER ? Number(env.AFTER) : null,
  bus,
  orm,
  authorize: async () => true,
  pollMs: Number(env.POLL_MS ?? 2000),
  heartbeatMs: Number(env.HEARTBEAT_MS ?? 15000),
});

let ready = false;
const shutdown = async () => {
  await stream.return();
  await bus.close();
  await orm.close(true);
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
// The parent holds our stdin: when it goes away (even killed), we go too.
process.stdin.on('end', () => void shutdown());
process.stdin.resume();

try {
  for await (const message of stream) {
    if (message.kind === 'HEARTBEAT' && !ready) {
      ready = true;
      print({ type: 'ready', latestSeq: message.latestSeq });
    } else if (message.kind === 'EVENT') {
      print({ type: 'event', seq: message.event.seq });
    } else if (message.kind === 'RESYNC_REQUIRED') {
      print({ type: 'resync-required', latestSeq: message.latestSeq });
    }
  }
} catch (error) {
  print({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
}
