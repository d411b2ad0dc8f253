import 'reflect-metadata';
import type { Config } from './platform/config.js';
import { createLogger, type Logger } from './platform/logger.js';
import { createOrm, migrate, type Em, type Orm } from './platform/db/orm.js';
import { createTokenVerifier, type TokenVerifier } from './platform/auth/tokens.js';
import { createAuthenticator } from './platform/auth/authenticate.js';
import { createHubServer, type HubServer } from './platform/http/server.js';
import { findOrganisationForActor, staffAccount, watchStaffAccounts } from './modules/organisations/index.js';
import { attachmentRoutes } from './modules/attachments/index.js';
import { buildHubSchema } from './schema.js';
import { HUB_ENTITIES, MODULE_WORKERS, pluginDeliveryGivenUp } from './modules.js';
import { startWorkers, stopWorkers, type RunningWorker } from './platform/hub-module.js';
import { DEMO_USERS, seedDemo } from './seed/demo.js';
import { startDemoBackground, type DemoActivitySummary } from './seed/activity.js';
import { startMetrics } from './observability.js';
import { startTracing, traceDatabase } from './platform/observability/tracing.js';
import { createEventBus, startEventPruner, type EventBus } from './platform/events/index.js';
import { authenticatePluginKey, InProcessPlugins, isApiKey, type InProcessPlugin } from './modules/plugins/index.js';

/** A running pcn-hub API. */
export interface HubApp {
  readonly config: Config;
  readonly logger: Logger;
  readonly orm: Orm;
  readonly server: HubServer;
  readonly tokens: TokenVerifier;
  readonly events: EventBus;
  /**
   * The modules' workers this process runs, by name (`write-back`, `plugin-webhooks`): those the
   * configuration leaves on (WRITE_BACK_WORKER, PLUGIN_WEBHOOK_WORKER).
   */
  readonly workers: ReadonlyMap<string, RunningWorker>;
  /** The metrics listener's port (null when METRICS_PORT is unset). */
  readonly metricsPort: number | null;
  /** http://host:port/graphql once listening. */
  readonly url: string;
  readonly port: number;
  /** The demo activity (SEED_DEMO_ACTIVITY), seeded in the background after listening: its summary, or null when skipped or failed. */
  readonly demoActivity: Promise<DemoActivitySummary | null>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Reuse an open ORM (tests share one database per worker); the app will not close it. */
  readonly orm?: Orm;
  /** Do not bind a port (in-process use only). */
  readonly listen?: boolean;
  /** First-party plugins to run in this process; they get domain events after commit, never the ORM. */
  readonly inProcessPlugins?: readonly InProcessPlugin[];
}

/** Milliseconds spent in each boot phase, logged at debug level (startup tuning). */
class BootPhases {
  private last = performance.now();
  private readonly spent: Record<string, number> = { imports: Math.round(this.last) };
  mark(phase: string): void {
    const now = performance.now();
    this.spent[phase] = Math.round(now - this.last);
    this.last = now;
  }
  sinceProcessStart(): number {
    return Math.round(performance.now());
  }
  done(): Readonly<Record<string, number>> {
    return this.spent;
  }
}

/** Installs in-process plugins into the deployment's PCN (there must be exactly one to choose). */
async function installInProcessPlugins(orm: Orm, plugins: InProcessPlugins, logger: Logger): Promise<void> {
  if (plugins.size === 0) return;
  const em: Em = orm.em.fork();
  const pcns = await em
    .getConnection()
    .execute<{ id: string }[]>(
      "select id from organisation where kind = 'PCN' and active = true order by created_at limit 2",
    );
  if (pcns.length !== 1) {
    logger.warn({ pcns: pcns.length }, 'in-process plugins need exactly one PCN to install into; not installed');
    return;
  }
  await plugins.install(orm, pcns[0]!.id);
}

/**
 * How long the API's own workers wait before their first sweep of the backlog. Their first
 * statements on a just-opened database are slow (cold caches: about 75 ms on PGlite, where they
 * would queue the first requests behind them); work committed meanwhile still wakes them at once.
 */
const IN_PROCESS_WORKER_FIRST_SWEEP_MS = 250;

/** Boot: config -> ORM -> migrations -> seed -> schema -> server. */
export async function startApp(config: Config, options: StartOptions = {}): Promise<HubApp> {
  const logger = createLogger(config.logLevel);
  const phases = new BootPhases();
  const ownsOrm = !options.orm;
  const tracing = startTracing(config.tracing);
  const orm = options.orm ?? (await createOrm(config.database, logger, HUB_ENTITIES));
  traceDatabase(orm);
  phases.mark('orm');
  try {
    if (config.migrateOnStart) {
      const applied = await migrate(orm, logger);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }
    phases.mark('migrate');
    if (config.seedOnStart) {
      const { seeded } = await seedDemo(orm.em.fork());
      if (seeded) logger.info('demo PCN seeded');
    }
    phases.mark('seed');
    const inProcess = new InProcessPlugins(options.inProcessPlugins ?? []);
    await installInProcessPlugins(orm, inProcess, logger);
    const schema = await buildHubSchema();
    phases.mark('schema');
    const tokens = createTokenVerifier(config.jwt);
    const authenticator = createAuthenticator(
      tokens,
      findOrganisationForActor,
      { recognises: isApiKey, authenticate: authenticatePluginKey },
      staffAccount(orm),
    );
    const events: EventBus = await createEventBus({
      databaseUrl: config.database.kind === 'postgresql' ? config.database.url : null,
      redisUrl: config.redisUrl,
      logger,
    });
    // Staff accounts are remembered between change hints (a deactivation reaches every process's cache).
    const stopWatchingAccounts = watchStaffAccounts(orm, events);
    const stopPruner = startEventPruner(orm, { retentionHours: config.eventRetentionHours, logger });
    let server: HubServer;
    let port: number;
    try {
      const sign = tokens.sign;
      const demo = (username: string) => DEMO_USERS.find((u) => u.username === username);
      const mintDemoToken = sign
        ? async (username: string, ttl: number) => {
            const user = demo(username);
            return user ? sign({ sub: user.username, org: user.odsCode, roles: [...user.roles] }, ttl) : null;
          }
        : undefined;
      server = await createHubServer({
        config,
        logger,
        orm,
        schema,
        authenticator,
        events,
        mintDemoToken,
        routes: [attachmentRoutes(config.attachments)],
      });
      port = options.listen === false ? 0 : await server.listen(config.port, config.host);
    } catch (error) {
      // The bus holds connections of its own; release them or the process never exits.
      stopWatchingAccounts();
      await stopPruner();
      await events.close();
      throw error;
    }
    // In-process workers hold their start-up sweeps back a moment: the first requests come first.
    const workers = startWorkers(
      MODULE_WORKERS.filter((worker) => worker.inApi(config)),
      {
        orm,
        bus: events,
        config,
        logger,
        firstSweepDelayMs: IN_PROCESS_WORKER_FIRST_SWEEP_MS,
        pluginDeliveryGivenUp: pluginDeliveryGivenUp(orm),
        startOptions: { 'plugin-webhooks': { inProcess } },
      },
    );
    const metricsServer = await startMetrics(config, orm, logger);
    phases.mark('listen');
    logger.debug({ sinceProcessStartMs: phases.sinceProcessStart(), phases: phases.done() }, 'boot phases');
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    // Demo activity and live traffic run after the first answer, never delaying readiness.
    const demo = startDemoBackground({ config, logger, orm, server, tokens }, { listening: options.listen !== false });
    let stopped: Promise<void> | null = null;
    return {
      config,
      logger,
      orm,
      server,
      tokens,
      events,
      workers,
      port,
      metricsPort: metricsServer?.port ?? null,
      url: `http://${host}:${port}/graphql`,
      demoActivity: demo.done,
      stop: () =>
        (stopped ??= (async () => {
          await demo.stop();
          await server.close();
          await metricsServer?.close();
          await stopWorkers(workers, config.shutdownGraceMs);
          stopWatchingAccounts();
          await stopPruner();
          await events.close();
          if (ownsOrm) await orm.close(true);
          await tracing?.shutdown();
        })()),
    };
  } catch (error) {
    if (ownsOrm) await orm.close(true);
    throw error;
  }
}
