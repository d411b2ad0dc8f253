import pg from 'pg';
import type { Logger } from '../logger.js';
import { backoffMs, BroadcastEventBus } from './event-bus.js';

/** Options of {@link PgNotifyEventBus}. */
export interface PgNotifyEventBusOptions {
  /** PostgreSQL URL; the bus opens two dedicated connections (LISTEN and NOTIFY), not pool ones. */
  readonly connectionString: string;
  readonly logger?: Logger;
  /** NOTIFY channel; lower-case identifier. Default `pcn_hub_events`. */
  readonly channel?: string;
  /** `application_name` of the LISTEN connection (lets operators and tests find it). */
  readonly applicationName?: string;
  /** How often the LISTEN connection is probed with `select 1`, to notice a silently dead link. */
  readonly healthCheckMs?: number;
  /** First and largest reconnect delay. */
  readonly reconnectMinMs?: number;
  readonly reconnectMaxMs?: number;
}

/** The default NOTIFY channel. */
export const PG_EVENT_CHANNEL = 'pcn_hub_events';

/**
 * Cross-process hints over PostgreSQL LISTEN/NOTIFY. `hint` sends `pg_notify` from its own
 * connection after the writer's commit (a NOTIFY inside the write transaction cost 42% insert
 * throughput), fire-and-forget. The LISTEN connection reconnects with backoff when it drops and
 * then emits a resync hint, so a hint lost while it was down only delays readers.
 * Call {@link PgNotifyEventBus.start} before use.
 */
export class PgNotifyEventBus extends BroadcastEventBus {
  private readonly channel: string;
  private listenClient: pg.Client | null = null;
  private notifyClient: Promise<pg.Client> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private attempt = 0;

  constructor(private readonly options: PgNotifyEventBusOptions) {
    super(options.logger);
    this.channel = options.channel ?? PG_EVENT_CHANNEL;
    if (!/^[a-z_][a-z0-9_]*$/.test(this.channel))
      throw new Error('PgNotifyEventBus: channel must be a lower-case identifier');
  }

  /** Opens the LISTEN and NOTIFY connections; rejects when PostgreSQL cannot be reached. */
  async start(): Promise<void> {
    // The NOTIFY connection is opened now so the first hint does not wait for a handshake.
    await Promise.all([this.listen(), this.notifier()]);
    const every = this.options.healthCheckMs ?? 30_000;
    this.healthTimer = setInterval(() => void this.probe(), every);
    this.healthTimer.unref();
  }

  /** Process id of the LISTEN backend, or null while reconnecting (for tests and diagnostics). */
  get listenerPid(): number | null {
    return (this.listenClient as unknown as { processID?: number } | null)?.processID ?? null;
  }

  protected async publish(messages: string[]): Promise<void> {
    const client = await this.notifier();
    try {
      await client.query('select pg_notify($1, m) from unnest($2::text[]) as m', [this.channel, messages]);
    } catch (error) {
      this.dropNotifier(client);
      throw error;
    }
  }

  protected async disconnect(): Promise<void> {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.healthTimer) clearInterval(this.healthTimer);
    const listen = this.listenClient;
    this.listenClient = null;
    const notify = this.notifyClient;
    this.notifyClient = null;
    await Promise.allSettled([listen?.end(), notify?.then((c) => c.end())]);
  }

  private newClient(applicationName: string): pg.Client {
    return new pg.Client({
      connectionString: this.options.connectionString,
      application_name: applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
  }

  private async listen(): Promise<void> {
    const client = this.newClient(this.options.applicationName ?? 'pcn-hub-events-listen');
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload) this.receive(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      client.removeAllListeners('end');
      client.on('error', () => {});
      await client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.listenClient = client;
  }

  private lost(client: pg.Client, error?: Error): void {
    if (client !== this.listenClient || this.closed) return;
    this.listenClient = null;
    this.logger?.warn({ err: error }, 'event LISTEN connection lost; reconnecting');
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = backoffMs(this.attempt++, this.options.reconnectMinMs, this.options.reconnectMaxMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen().then(
        () => {
          if (this.closed) return;
          this.attempt = 0;
          this.logger?.info('event LISTEN connection restored');
          this.emitResync();
        },
        (error: unknown) => {
          this.logger?.warn({ err: error }, 'event LISTEN reconnect failed');
          this.scheduleReconnect();
        },
      );
    }, delay);
    this.reconnectTimer.unref();
  }

  /** A half-open TCP link never errors by itself; a failing probe forces the reconnect path. */
  private async probe(): Promise<void> {
    const client = this.listenClient;
    if (!client) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('LISTEN connection probe timed out')), 10_000);
    });
    try {
      await Promise.race([client.query('select 1'), timeout]);
    } catch (error) {
      this.lost(client, error as Error);
    } finally {
      clearTimeout(timer);
    }
  }

  private notifier(): Promise<pg.Client> {
    if (!this.notifyClient) {
      const client = this.newClient('pcn-hub-events-notify');
      client.on('error', () => this.dropNotifier(client));
      client.on('end', () => this.dropNotifier(client));
      const connecting = client.connect().then(() => client);
      connecting.catch(() => this.dropNotifier(client));
      this.notifyClient = connecting;
    }
    return this.notifyClient;
  }

  private dropNotifier(client: pg.Client): void {
    const current = this.notifyClient;
    if (!current) return;
    // Forget it only if it is still the current one; the next hint reconnects.
    void current.then(
      (c) => {
        if (c === client && this.notifyClient === current) this.notifyClient = null;
      },
      () => {
        if (this.notifyClient === current) this.notifyClient = null;
      },
    );
    client.end().catch(() => {});
  }
}
