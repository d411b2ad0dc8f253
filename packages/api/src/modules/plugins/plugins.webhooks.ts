import { backoffDelay } from '@pcn-hub/schema';
import { eventTypeMatches } from '@pcn-hub/schema';
import type { Config } from '../../platform/config.js';
import type { Orm } from '../../platform/db/orm.js';
import { exec } from '../../platform/db/sql.js';
import type { EventBus } from '../../platform/events/index.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import type { Logger } from '../../platform/logger.js';
import { metrics } from '../../platform/observability/metrics.js';
import { signatureHeader } from '../../platform/webhooks/standard-webhooks.js';
import { dispatchPluginEvents, PLUGIN_STREAM_FAMILIES } from './plugins.dispatch.js';
import { InProcessPlugins } from './plugins.in-process.js';

export type PluginWebhookSettings = Config['pluginWebhooks'];

/** A delivery the worker gave up on (DEAD or WITHHELD); the composition root lets the owning module react (EPS). */
export interface GivenUpDelivery {
  readonly eventId: number;
  readonly eventType: string;
  readonly organisationId: string;
}
export type OnGivenUp = (delivery: GivenUpDelivery) => Promise<void>;

interface Claimed {
  id: string;
  plugin_id: string;
  organisation_id: string;
  event_id: string | number;
  event_type: string;
  attempts: number;
}

interface PluginFacts {
  state: string;
  scopes: string[] | string;
  events: string[] | string;
  webhook_url: string | null;
  enabled: boolean | null;
}

type Outcome =
  | { readonly kind: 'DELIVERED'; readonly status: number }
  | { readonly kind: 'FAILED'; readonly status: number | null; readonly reason: string }
  | { readonly kind: 'WITHHELD'; readonly reason: string }
  | { readonly kind: 'DEAD'; readonly reason: string };

const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
const CLAIM = 16;

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** Ids in event payloads are database ids; plugins get the API's global ids, as `node(id:)` and every query use. */
const GLOBAL_ID_TYPES: Readonly<Record<string, string>> = {
  entryId: 'HubConsultationEntry',
  deliveryId: 'WriteBackDelivery',
  recordId: 'WriteBackRecord',
  ownerId: 'Organisation',
  previousOwnerId: 'Organisation',
  prescriptionId: 'Prescription',
  attachmentId: 'Attachment',
};

export function withGlobalIds(eventType: string, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const type = key === 'consultationId' ? (eventType.startsWith('inbox.') ? 'OnlineConsultation' : 'HubConsultation') : GLOBAL_ID_TYPES[key];
    out[key] = type && typeof value === 'string' ? toGlobalId(type, value) : value;
  }
  return out;
}

/**
 * Delivers plugin webhooks (Standard Webhooks). Each tick dispatches new events into deliveries,
 * then claims due deliveries under a lease (FOR UPDATE SKIP LOCKED: any number of workers share
 * one database) and sends them. Before every attempt it re-checks that the plugin may still see
 * the event (active, enabled by the organisation, holding events:read and wanting the type):
 * otherwise the delivery is WITHHELD, never sent. It runs apart from clinical transactions: a slow
 * or failing plugin delays only its own deliveries.
 */
export class PluginWebhookWorker {
  private timer: NodeJS.Timeout | null = null;
  private firstWake: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly orm: Orm,
    private readonly bus: EventBus,
    private readonly settings: PluginWebhookSettings,
    private readonly logger: Logger,
    private readonly inProcess: InProcessPlugins = new InProcessPlugins(),
    private readonly onGivenUp: OnGivenUp | null = null,
  ) {}

  /** `firstWakeDelayMs`: as the write-back worker's first sweep (new events still wake it at once). */
  start(firstWakeDelayMs = 0): this {
    this.unsubscribe = this.bus.onHint((hint) => {
      if (PLUGIN_STREAM_FAMILIES.some((family) => hint.stream.startsWith(`${family}:`))) this.wake();
    });
    this.timer = setInterval(() => this.wake(), this.settings.pollMs);
    this.timer.unref();
    if (firstWakeDelayMs > 0) {
      this.firstWake = setTimeout(() => this.wake(), firstWakeDelayMs);
      this.firstWake.unref();
    } else {
      this.wake();
    }
    return this;
  }

  /** Runs a tick now, or once more after the current one. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no tick is running (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.tick();
      } catch (error) {
        if (!this.stopped) this.logger.error({ err: error }, 'plugin webhook tick failed');
      }
    } while (this.rerun());
  }

  /** A wake() during the tick asks for another (a method: the flag changes behind TypeScript's back). */
  private rerun(): boolean {
    return this.again && !this.stopped;
  }

  /** Dispatches new events, then delivers everything due. */
  async tick(): Promise<void> {
    await dispatchPluginEvents(this.orm);
    for (;;) {
      if (this.stopped) return;
      const claimed = await this.claim();
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    }
  }

  private async claim(): Promise<Claimed[]> {
    const em = this.orm.em.fork();
    return exec<Claimed>(
      em,
      `update plugin_webhook_delivery d
          set lease_until = now() + (? * interval '1 millisecond'), attempts = d.attempts + 1
        where d.id in (
          select id from plugin_webhook_delivery
           where state in ('PENDING', 'RETRYING') and next_attempt_at <= now()
             and (lease_until is null or lease_until < now())
           order by next_attempt_at limit ? for update skip locked)
        returning d.id, d.plugin_id, d.organisation_id, d.event_id, d.event_type, d.attempts`,
      [this.settings.leaseMs, CLAIM],
    );
  }

  private async attempt(delivery: Claimed): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.send(delivery);
    } catch (error) {
      outcome = { kind: 'FAILED', status: null, reason: error instanceof Error ? error.name : 'error' };
    }
    await this.record(delivery, outcome);
  }

  private async send(delivery: Claimed): Promise<Outcome> {
    const em = this.orm.em.fork();
    const [facts] = await exec<PluginFacts>(
      em,
      `select p.state, p.scopes, p.events, p.webhook_url, e.enabled
         from plugin p left join plugin_enablement e on e.plugin_id = p.id and e.organisation_id = ?
        where p.id = ?`,
      [delivery.organisation_id, delivery.plugin_id],
    );
    if (!facts) return { kind: 'WITHHELD', reason: 'plugin no longer registered' };
    if (facts.state !== 'ACTIVE') return { kind: 'WITHHELD', reason: 'plugin suspended' };
    if (!facts.enabled) return { kind: 'WITHHELD', reason: 'organisation disabled the plugin' };
    if (!json<string[]>(facts.scopes).includes('events:read')) return { kind: 'WITHHELD', reason: 'events:read scope withdrawn' };
    if (!json<string[]>(facts.events).some((p) => eventTypeMatches(p, delivery.event_type))) {
      return { kind: 'WITHHELD', reason: 'event type no longer subscribed' };
    }
    if (!facts.webhook_url) return { kind: 'WITHHELD', reason: 'no webhook URL' };
    const [event] = await exec<{ subject_type: string; subject_id: string; payload: unknown; created_at: Date | string; ods_code: string }>(
      em,
      `select e.subject_type, e.subject_id, e.payload, e.created_at, o.ods_code
         from event_log e join organisation o on o.id = ?
        where e.id = ?`,
      [delivery.organisation_id, delivery.event_id],
    );
    if (!event) return { kind: 'DEAD', reason: 'event no longer in the event log (retention)' };
    const secrets = await exec<{ secret: string }>(
      em,
      'select secret from plugin_webhook_secret where plugin_id = ? and (expires_at is null or expires_at > now()) order by created_at desc',
      [delivery.plugin_id],
    );
    if (secrets.length === 0) return { kind: 'FAILED', status: null, reason: 'no live signing secret' };
    const body = JSON.stringify({
      id: delivery.id,
      type: delivery.event_type,
      occurredAt: new Date(event.created_at).toISOString(),
      organisation: { id: toGlobalId('Organisation', delivery.organisation_id), odsCode: event.ods_code },
      subject: { type: event.subject_type, id: toGlobalId(event.subject_type, event.subject_id) },
      data: withGlobalIds(delivery.event_type, json<Record<string, unknown>>(event.payload as Record<string, unknown> | string)),
    });
    if (facts.webhook_url.startsWith('inproc://')) {
      await this.inProcess.deliver(facts.webhook_url, body, this.settings.timeoutMs, this.abort.signal);
      return { kind: 'DELIVERED', status: 200 };
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(facts.webhook_url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'pcn-hub-webhooks/1',
        'webhook-id': delivery.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(secrets.map((s) => s.secret), delivery.id, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(this.settings.timeoutMs), this.abort.signal]),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { kind: 'DELIVERED', status: response.status };
    return { kind: 'FAILED', status: response.status, reason: `HTTP ${response.status}` };
  }

  private async record(delivery: Claimed, outcome: Outcome): Promise<void> {
    const dead = outcome.kind === 'DEAD' || (outcome.kind === 'FAILED' && delivery.attempts >= this.settings.maxAttempts);
    const label = dead ? 'dead' : outcome.kind.toLowerCase();
    metrics.deliveryAttempts.inc({ queue: 'plugin_webhook', outcome: label });
    const line = {
      deliveryId: delivery.id,
      pluginId: delivery.plugin_id,
      organisationId: delivery.organisation_id,
      eventType: delivery.event_type,
      attempt: delivery.attempts,
      outcome: label,
      ...('reason' in outcome ? { reason: outcome.reason.slice(0, 200) } : {}),
    };
    if (dead) this.logger.warn(line, 'plugin webhook dead letter');
    else this.logger.info(line, 'plugin webhook attempt');
    if ((dead || outcome.kind === 'WITHHELD') && this.onGivenUp) {
      const givenUp = { eventId: Number(delivery.event_id), eventType: delivery.event_type, organisationId: delivery.organisation_id };
      await this.onGivenUp(givenUp).catch((error: unknown) => this.logger.error({ err: error, deliveryId: delivery.id }, 'given-up hook failed'));
    }
    const em = this.orm.em.fork();
    switch (outcome.kind) {
      case 'DELIVERED':
        await exec(
          em,
          `update plugin_webhook_delivery set state = 'DELIVERED', delivered_at = now(), last_status = ?, last_error = null, lease_until = null where id = ?`,
          [outcome.status, delivery.id],
        );
        return;
      case 'WITHHELD':
      case 'DEAD':
        await exec(em, 'update plugin_webhook_delivery set state = ?, last_error = ?, lease_until = null where id = ?', [
          outcome.kind,
          outcome.reason,
          delivery.id,
        ]);
        return;
      case 'FAILED': {
        const dead = delivery.attempts >= this.settings.maxAttempts;
        const delay = backoffDelay(delivery.attempts, { baseMs: this.settings.backoffMs, maxMs: MAX_BACKOFF_MS });
        await exec(
          em,
          `update plugin_webhook_delivery
              set state = ?, last_status = ?, last_error = ?, lease_until = null,
                  next_attempt_at = now() + (? * interval '1 millisecond')
            where id = ?`,
          [dead ? 'DEAD' : 'RETRYING', outcome.status, dead ? `${outcome.reason} after ${delivery.attempts} attempts` : outcome.reason, delay, delivery.id],
        );
        if (!dead) setTimeout(() => this.wake(), delay + 5).unref();
        return;
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    if (this.firstWake) clearTimeout(this.firstWake);
    this.abort.abort();
    await this.idle().catch(() => undefined);
  }
}

/** Starts the worker unless settings say it runs elsewhere. */
export function startPluginWebhookWorker(options: {
  orm: Orm;
  bus: EventBus;
  settings: PluginWebhookSettings;
  logger: Logger;
  inProcess?: InProcessPlugins;
  firstWakeDelayMs?: number;
  /** Called when a delivery ends DEAD or WITHHELD. */
  onGivenUp?: OnGivenUp;
}): PluginWebhookWorker {
  return new PluginWebhookWorker(options.orm, options.bus, options.settings, options.logger, options.inProcess, options.onGivenUp ?? null).start(
    options.firstWakeDelayMs,
  );
}
