import type { Config } from '../../../platform/config.js';
import type { Orm } from '../../../platform/db/orm.js';
import {
  DeliveryWorker,
  type DeliveryQueue,
  type DeliveryWorkerOptions,
  type Settlement,
} from '../../../platform/delivery/index.js';
import { isResyncHint } from '../../../platform/events/index.js';
import { contextFrom, inSpan, SpanKind } from '../../../platform/observability/tracing.js';
import { WRITE_BACK_STREAM_PREFIX } from '../write-back.codes.js';
import { claimedDeliveries, deliveriesChanged, WRITE_BACK_TABLE, type ClaimedDelivery } from './outbox.worker.js';
import { lockLines } from './lines.worker.js';
import {
  HttpWriteBackTarget,
  InHubWriteBackTarget,
  type DeliveryOutcome,
  type WriteBackTarget,
} from '../targets/targets.worker.js';

/** Tunables of a worker (from `Config.writeBack`). */
export type WriteBackWorkerSettings = Config['writeBack'];

export interface WriteBackWorkerOptions extends Omit<DeliveryWorkerOptions, 'settings'> {
  readonly settings: WriteBackWorkerSettings;
  /** Chooses the target of a delivery; default: the practice's configured target (in-hub when none). */
  readonly targetFor?: (delivery: ClaimedDelivery) => WriteBackTarget;
}

const SETTLEMENT: {
  readonly [K in DeliveryOutcome['kind']]: (o: Extract<DeliveryOutcome, { kind: K }>) => Settlement;
} = {
  ACKNOWLEDGED: () => ({ kind: 'delivered', label: 'acknowledged' }),
  RETRY: (o) => ({ kind: 'retry', label: 'retry', reason: o.reason }),
  REJECTED: (o) => ({ kind: 'stop', label: 'rejected', reason: o.reason }),
};

/**
 * The write-back outbox on the delivery engine (`platform/delivery`). What is write-back's own:
 * the targets, per-patient order (a finished head hands its line to the next delivery, under the
 * line's lock) and the events of every change; claim, lease, fencing, retry, dead letter, reaper
 * and lifecycle are the engine's. It wakes on write-back hints (new work commits, or a finished
 * delivery unblocks the next one of the same patient).
 */
class WriteBackQueue implements DeliveryQueue<ClaimedDelivery> {
  readonly queue = 'write_back';
  readonly name = 'write-back';
  readonly table = WRITE_BACK_TABLE;
  readonly ordering = {
    keyOf: (job: ClaimedDelivery) => job.orderingKey,
    keyOfRow: (row: Record<string, unknown>) => row.ordering_key as string,
    lock: lockLines,
  };
  readonly claimed = claimedDeliveries;
  readonly changed = deliveriesChanged;
  private readonly inHub: InHubWriteBackTarget;
  private readonly httpTargets = new Map<string, HttpWriteBackTarget>();

  constructor(
    orm: Orm,
    private readonly timeoutMs: number,
    private readonly chosen?: (delivery: ClaimedDelivery) => WriteBackTarget,
  ) {
    this.inHub = new InHubWriteBackTarget(orm);
  }

  wakesOn(hint: { stream: string; seq: number }): boolean {
    return hint.stream.startsWith(WRITE_BACK_STREAM_PREFIX) || isResyncHint(hint);
  }

  describe(delivery: ClaimedDelivery): Record<string, unknown> {
    return {
      deliveryId: delivery.id,
      messageId: delivery.messageId,
      entryId: delivery.entryId,
      targetOrganisationId: delivery.targetOrgId,
    };
  }

  /** One attempt at the delivery's target, in the trace of the change that enqueued it (when tracing is on). */
  attempt(delivery: ClaimedDelivery, signal: AbortSignal): Promise<Settlement> {
    return inSpan(
      'write-back.deliver',
      {
        kind: SpanKind.PRODUCER,
        parent: contextFrom(delivery.traceParent),
        attributes: {
          'pcnhub.delivery.id': delivery.id,
          'pcnhub.delivery.attempt': delivery.attempt,
          'messaging.message.id': delivery.messageId,
        },
      },
      async (span) => {
        const outcome = await this.deliver(delivery, signal);
        span.setAttribute('pcnhub.delivery.outcome', outcome.kind);
        return (SETTLEMENT[outcome.kind] as (o: DeliveryOutcome) => Settlement)(outcome);
      },
    );
  }

  /** A thrown error is a retry with its reason. */
  private async deliver(delivery: ClaimedDelivery, signal: AbortSignal): Promise<DeliveryOutcome> {
    try {
      return await this.targetFor(delivery).deliver(
        {
          messageId: delivery.messageId,
          deliveryId: delivery.id,
          recordId: delivery.recordId,
          kind: delivery.kind,
          version: delivery.version,
          replacesMessageId: delivery.replacesMessageId,
          targetOrganisationId: delivery.targetOrgId,
          patient: { id: delivery.patientId, nhsNumber: delivery.nhsNumber },
          content: delivery.payload,
        },
        signal,
      );
    } catch (error) {
      return {
        kind: 'RETRY',
        reason: `target failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
      };
    }
  }

  private targetFor(delivery: ClaimedDelivery): WriteBackTarget {
    if (this.chosen) return this.chosen(delivery);
    const { kind, endpointUrl, signingSecret } = delivery.target;
    if (kind !== 'HTTP' || !endpointUrl || !signingSecret) return this.inHub;
    const key = `${endpointUrl}\n${signingSecret}`;
    let target = this.httpTargets.get(key);
    if (!target) {
      target = new HttpWriteBackTarget(endpointUrl, signingSecret, this.timeoutMs);
      this.httpTargets.set(key, target);
    }
    return target;
  }
}

/** Delivers the write-back outbox: the delivery engine's worker with the write-back queue. */
export class WriteBackWorker extends DeliveryWorker<ClaimedDelivery> {
  constructor(options: WriteBackWorkerOptions) {
    super(options, new WriteBackQueue(options.orm, options.settings.timeoutMs, options.targetFor));
  }
}

/** Starts a worker (the API does unless WRITE_BACK_WORKER=false; `pnpm worker` runs one alone). */
export function startWriteBackWorker(options: WriteBackWorkerOptions): WriteBackWorker {
  return new WriteBackWorker(options).start();
}
