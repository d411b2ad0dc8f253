import { eventTypeMatches } from '@pcn-hub/schema';
import type { Config } from '../../platform/config.js';
import type { Orm } from '../../platform/db/orm.js';
import { exec } from '../../platform/db/sql.js';
import {
  DeliveryWorker,
  type ClaimedRow,
  type DeliveryJob,
  type DeliveryQueue,
  type DeliveryTable,
  type DeliveryWorkerOptions,
  type Settlement,
} from '../../platform/delivery/index.js';
import type { StreamHint } from '../../platform/events/index.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import { signatureHeader } from '../../platform/webhooks/standard-webhooks.js';
import { dispatchPluginEvents, PLUGIN_STREAM_FAMILIES } from './dispatch.worker.js';
import { InProcessPlugins } from './in-process.worker.js';

export type PluginWebhookSettings = Config['pluginWebhooks'];

/** A delivery the worker gave up on (DEAD or WITHHELD); the composition root lets the owning module react (EPS). */
export interface GivenUpDelivery {
  readonly eventId: number;
  readonly eventType: string;
  readonly organisationId: string;
}
export type OnGivenUp = (delivery: GivenUpDelivery) => Promise<void>;

interface Claimed extends DeliveryJob {
  readonly plugin_id: string;
  readonly organisation_id: string;
  readonly event_id: string | number;
  readonly event_type: string;
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

/** Attempts in flight per worker. */
const CONCURRENCY = 16;

/**
 * Plugin webhook deliveries as the delivery engine sees them: a lease alone marks a claimed row
 * (its state stays PENDING or RETRYING, and a claim retakes an expired lease), WITHHELD is this
 * queue's own final state, and the last HTTP status is kept.
 */
export const PLUGIN_WEBHOOK_TABLE: DeliveryTable = {
  table: 'plugin_webhook_delivery',
  leaseColumn: 'lease_until',
  statusColumn: 'last_status',
  deliveredClearsError: true,
  returning: 'd.id, d.state, d.plugin_id, d.organisation_id, d.event_id, d.event_type',
  maxBackoffMs: 6 * 60 * 60 * 1000,
  exhausted: (reason, attempts) => `${reason} after ${attempts} attempts`,
};

const SETTLEMENT = (o: Outcome): Settlement => {
  switch (o.kind) {
    case 'DELIVERED':
      return { kind: 'delivered', label: 'delivered', status: o.status };
    case 'FAILED':
      return { kind: 'retry', label: 'failed', reason: o.reason, status: o.status };
    case 'WITHHELD':
    case 'DEAD':
      return { kind: 'stop', label: o.kind.toLowerCase(), reason: o.reason, state: o.kind };
  }
};

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
    const type =
      key === 'consultationId'
        ? eventType.startsWith('inbox.')
          ? 'OnlineConsultation'
          : 'HubConsultation'
        : GLOBAL_ID_TYPES[key];
    out[key] = type && typeof value === 'string' ? toGlobalId(type, value) : value;
  }
  return out;
}

/**
 * Plugin webhooks (Standard Webhooks) on the delivery engine (`platform/delivery`). What is this
 * queue's own: turning new events into deliveries before a claim (`dispatchPluginEvents`), and
 * the re-check before every attempt that the plugin may still see the event (active, enabled by
 * the organisation, holding events:read and wanting the type): otherwise the delivery is
 * WITHHELD, never sent. It runs apart from clinical transactions: a slow or failing plugin delays
 * only its own deliveries.
 */
class PluginWebhookQueue implements DeliveryQueue<Claimed> {
  readonly queue = 'plugin_webhook';
  readonly name = 'plugin webhook';
  readonly table = PLUGIN_WEBHOOK_TABLE;

  constructor(
    private readonly orm: Orm,
    private readonly timeoutMs: number,
    private readonly inProcess: InProcessPlugins,
    private readonly onGivenUp: OnGivenUp | null,
  ) {}

  wakesOn(hint: StreamHint): boolean {
    return PLUGIN_STREAM_FAMILIES.some((family) => hint.stream.startsWith(`${family}:`));
  }

  async prepare(): Promise<void> {
    await dispatchPluginEvents(this.orm);
  }

  claimed(_tx: unknown, rows: readonly ClaimedRow[]): Promise<{ jobs: Claimed[]; hints: StreamHint[] }> {
    const jobs = rows.map((row) => ({ ...(row as unknown as Omit<Claimed, 'attempt'>), attempt: row.attempts }));
    return Promise.resolve({ jobs, hints: [] });
  }

  describe(delivery: Claimed): Record<string, unknown> {
    return {
      deliveryId: delivery.id,
      pluginId: delivery.plugin_id,
      organisationId: delivery.organisation_id,
      eventType: delivery.event_type,
    };
  }

  async attempt(delivery: Claimed, signal: AbortSignal): Promise<Settlement> {
    try {
      return SETTLEMENT(await this.send(delivery, signal));
    } catch (error) {
      return SETTLEMENT({ kind: 'FAILED', status: null, reason: error instanceof Error ? error.name : 'error' });
    }
  }

  async givenUp(delivery: Claimed): Promise<void> {
    await this.onGivenUp?.({
      eventId: Number(delivery.event_id),
      eventType: delivery.event_type,
      organisationId: delivery.organisation_id,
    });
  }

  async send(delivery: Claimed, signal: AbortSignal): Promise<Outcome> {
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
    if (!json<string[]>(facts.scopes).includes('events:read'))
      return { kind: 'WITHHELD', reason: 'events:read scope withdrawn' };
    if (!json<string[]>(facts.events).some((p) => eventTypeMatches(p, delivery.event_type))) {
      return { kind: 'WITHHELD', reason: 'event type no longer subscribed' };
    }
    if (!facts.webhook_url) return { kind: 'WITHHELD', reason: 'no webhook URL' };
    const [event] = await exec<{
      subject_type: string;
      subject_id: string;
      payload: unknown;
      created_at: Date | string;
      ods_code: string;
    }>(
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
      data: withGlobalIds(
        delivery.event_type,
        json<Record<string, unknown>>(event.payload as Record<string, unknown> | string),
      ),
    });
    if (facts.webhook_url.startsWith('inproc://')) {
      await this.inProcess.deliver(facts.webhook_url, body, this.timeoutMs, signal);
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
        'webhook-signature': signatureHeader(
          secrets.map((s) => s.secret),
          delivery.id,
          timestamp,
          body,
        ),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(this.timeoutMs), signal]),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { kind: 'DELIVERED', status: response.status };
    return { kind: 'FAILED', status: response.status, reason: `HTTP ${response.status}` };
  }
}

export interface PluginWebhookWorkerOptions extends Omit<DeliveryWorkerOptions, 'settings'> {
  readonly settings: PluginWebhookSettings;
  readonly inProcess?: InProcessPlugins;
  /** Called when a delivery ends DEAD or WITHHELD. */
  readonly onGivenUp?: OnGivenUp;
  /** The name this option had before the engine: as `firstSweepDelayMs`. */
  readonly firstWakeDelayMs?: number;
}

/** Delivers plugin webhooks: the delivery engine's worker with the plugin webhook queue. */
export class PluginWebhookWorker extends DeliveryWorker<Claimed> {
  constructor(options: PluginWebhookWorkerOptions) {
    super(
      {
        ...options,
        settings: { ...options.settings, concurrency: CONCURRENCY },
        firstSweepDelayMs: options.firstSweepDelayMs ?? options.firstWakeDelayMs,
      },
      new PluginWebhookQueue(
        options.orm,
        options.settings.timeoutMs,
        options.inProcess ?? new InProcessPlugins(),
        options.onGivenUp ?? null,
      ),
    );
  }
}

/** Starts the worker (the API does unless PLUGIN_WEBHOOK_WORKER=false; `pnpm worker` runs one alone). */
export function startPluginWebhookWorker(options: PluginWebhookWorkerOptions): PluginWebhookWorker {
  return new PluginWebhookWorker(options).start();
}
