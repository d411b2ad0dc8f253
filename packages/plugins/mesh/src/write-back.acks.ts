/**
 * Acknowledgements of write-back sent over MESH, reported to the hub: ITK3 responses (20013,
 * 30001 positive; negative codes end the delivery) and MESH error REPORTs (the message could not
 * be delivered) become `recordWriteBackAcknowledgement` calls made for the receiving practice.
 * Overdue acknowledgements become alerts.
 */
import { isHubApiError } from '@pcn-hub/sdk/client';
import type { HubClient } from '@pcn-hub/sdk/client';
import { RECORD_WRITE_BACK_ACK } from './hub.operations.js';
import type { ItkResponse } from './itk.response.js';
import type { MeshLogger } from './mesh.inbound.types.js';
import type { SendDocumentSender } from './mesh.outbound.js';
import type { OutboundDelivery } from './mesh.outbound.types.js';
import type { MeshReport } from './mesh.types.js';
import type { MeshAlert } from './write-back.types.js';

/** Options of {@link WriteBackAcknowledgements}. */
export interface WriteBackAcknowledgementsOptions {
  sender: SendDocumentSender;
  /** A hub client acting for a practice (scope `write-back:acknowledge`). */
  hubFor: (practiceOdsCode: string) => HubClient;
  onAlert?: (alert: MeshAlert) => void | Promise<void>;
  logger?: MeshLogger;
}

const noLog: MeshLogger = () => undefined;

/** Follows sent write-back through MESH and ITK3 and tells the hub what the practice said. */
export class WriteBackAcknowledgements {
  private readonly log: MeshLogger;

  constructor(private readonly o: WriteBackAcknowledgementsOptions) {
    this.log = o.logger ?? noLog;
  }

  /** The poller's `onReport`: an error REPORT about a write-back message ends its delivery. */
  async onReport(report: MeshReport): Promise<void> {
    const delivery = await this.o.sender.handleReport(report);
    if (!delivery || report.success) return;
    await this.tellHub(delivery, {
      kind: 'INFRASTRUCTURE',
      code: report.statusCode ?? 'UNKNOWN',
      positive: false,
      // Codes only: a REPORT's free-text description may echo the address (patient data).
      reason: `MESH error report: could not deliver (status ${report.statusCode ?? 'unknown'})`,
    });
  }

  /** The poller's `onItkResponse`: positive codes are recorded, negative ones end the delivery. */
  async onItkResponse(response: ItkResponse): Promise<void> {
    const delivery = await this.o.sender.handleItkResponse(response);
    if (!delivery) return;
    // A dead letter stays dead: a late positive answer must not look like success.
    if (response.positive && delivery.state === 'FAILED') return;
    // The hub keeps the latest acknowledgement: a repeated 20013 must not hide a 30001.
    if (response.positive && response.kind === 'INFRASTRUCTURE' && delivery.state === 'DELIVERED') return;
    await this.tellHub(delivery, {
      kind: response.kind,
      code: response.code,
      positive: response.positive,
      reason: response.positive
        ? null
        : `negative ITK3 ${response.kind.toLowerCase()} acknowledgement ${response.code}${response.display ? ` (${response.display})` : ''}`,
    });
  }

  /** Marks overdue deliveries TIMED_OUT and raises one alert each (ids only); returns them. */
  async checkOverdue(): Promise<OutboundDelivery[]> {
    const overdue = await this.o.sender.checkTimeouts();
    for (const d of overdue) {
      const alert: MeshAlert = {
        kind: 'ACK_OVERDUE',
        messageId: d.id,
        practiceOdsCode: d.recipientOdsCode,
        meshMessageId: d.meshMessageId,
        missing: d.infAck ? 'BUSINESS' : 'INFRASTRUCTURE',
      };
      this.log('warn', 'mesh.write-back.ack-overdue', { ...alert });
      try {
        await this.o.onAlert?.(alert);
      } catch (err) {
        this.log('error', 'mesh.write-back.alert-failed', {
          messageId: d.id,
          code: err instanceof Error ? err.name : 'UNKNOWN',
        });
      }
    }
    return overdue;
  }

  private async tellHub(
    delivery: OutboundDelivery,
    ack: { kind: 'INFRASTRUCTURE' | 'BUSINESS'; code: string; positive: boolean; reason: string | null },
  ): Promise<void> {
    const practice = delivery.recipientOdsCode;
    // Only deliveries the bridge made for a hub write-back are the hub's business.
    if (practice === undefined) return;
    const ids = { messageId: delivery.id, practiceOdsCode: practice, code: ack.code, positive: ack.positive };
    try {
      await this.o.hubFor(practice).request(RECORD_WRITE_BACK_ACK, { input: { messageId: delivery.id, ...ack } });
      this.log(ack.positive ? 'info' : 'warn', 'mesh.write-back.acknowledged', ids);
    } catch (err) {
      if (isHubApiError(err, 'NOT_FOUND')) {
        // Not a delivery of this practice at the hub (e.g. re-pointed since): nothing to retry.
        this.log('error', 'mesh.write-back.ack-unknown', ids);
        return;
      }
      // E.g. the hub has not yet recorded our 2xx (INVALID_TRANSITION) or is down: throwing
      // leaves the response message unsettled, and the poller handles it again next time.
      this.log('warn', 'mesh.write-back.ack-deferred', { ...ids, error: isHubApiError(err) ? err.code : 'NETWORK' });
      throw err;
    }
  }
}
