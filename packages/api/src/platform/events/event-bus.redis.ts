import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { backoffMs, BroadcastEventBus } from './event-bus.js';

/** Options of {@link RedisEventBus}. */
export interface RedisEventBusOptions {
  /** `redis://` or `rediss://` URL. */
  readonly url: string;
  readonly logger?: Logger;
  /** Pub/sub channel. Default `pcn-hub:events`. */
  readonly channel?: string;
  /** Client name of the subscriber connection (`CLIENT LIST`); the publisher gets `-pub` appended. */
  readonly connectionName?: string;
  readonly reconnectMinMs?: number;
  readonly reconnectMaxMs?: number;
}

/** The default Redis channel. */
export const REDIS_EVENT_CHANNEL = 'pcn-hub:events';

/**
 * Cross-process hints over Redis pub/sub (at-most-once). A publisher and a subscriber connection;
 * both reconnect with backoff (ioredis), the subscriber re-subscribes and then emits a resync
 * hint so readers re-check the log for anything hinted while it was away. Publishing never queues
 * while disconnected: a dropped hint only delays readers. Call {@link RedisEventBus.start} first.
 */
export class RedisEventBus extends BroadcastEventBus {
  private readonly channel: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private started = false;

  constructor(private readonly options: RedisEventBusOptions) {
    super(options.logger);
    this.channel = options.channel ?? REDIS_EVENT_CHANNEL;
    const name = options.connectionName ?? 'pcn-hub-events';
    const retryStrategy = (times: number): number =>
      backoffMs(times - 1, options.reconnectMinMs, options.reconnectMaxMs);
    this.publisher = new Redis(options.url, {
      lazyConnect: true,
      connectionName: `${name}-pub`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy,
    });
    this.subscriber = new Redis(options.url, {
      lazyConnect: true,
      connectionName: name,
      autoResubscribe: true,
      maxRetriesPerRequest: null,
      retryStrategy,
    });
    for (const client of [this.publisher, this.subscriber]) {
      // ioredis reports every failed reconnect attempt here; the retry strategy handles them.
      client.on('error', (error: Error) => this.logger?.debug({ err: error }, 'redis event bus connection error'));
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
    this.subscriber.on('ready', () => {
      if (!this.started || this.closed) return;
      this.logger?.info('redis event subscriber reconnected');
      // 'ready' fires before ioredis re-sends SUBSCRIBE; a PING queued behind it answers once
      // the subscription is live again, and only then may readers re-check the log.
      setImmediate(() => {
        this.subscriber.ping().then(
          () => this.emitResync(),
          () => this.emitResync(),
        );
      });
    });
  }

  /** Connects both clients and subscribes; rejects when Redis cannot be reached. */
  async start(): Promise<void> {
    try {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
      await this.subscriber.subscribe(this.channel);
    } catch (error) {
      this.publisher.disconnect();
      this.subscriber.disconnect();
      throw error;
    }
    this.started = true;
  }

  protected async publish(messages: string[]): Promise<void> {
    if (this.publisher.status !== 'ready') throw new Error('redis publisher not connected');
    await Promise.all(messages.map((message) => this.publisher.publish(this.channel, message)));
  }

  protected async disconnect(): Promise<void> {
    // disconnect(), not quit(): quit would wait (or queue) while a reconnect is in progress.
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
