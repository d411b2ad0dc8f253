/**
 * The inbound store and ingest over the hub's API: the hub's database is the durable store. A
 * downloaded message is recorded with the hub (`recordInboundMessage`, unique per MESH message id)
 * before the poller acknowledges it to MESH; its outcome is settled afterwards, so unparseable
 * messages stay with the hub, flagged PARSE_FAILED, for hub admins to inspect.
 */
import { isHubApiError } from '@pcn-hub/sdk/client';
import type { HubClient } from '@pcn-hub/sdk/client';
import { INBOUND_TO_SETTLE, RECORD_INBOUND, SETTLE_INBOUND, SUBMIT_ONLINE_CONSULTATION } from './hub.operations.js';
import type { HubInboundMessageWithBody, InboundToSettlePage, SubmittedConsultation } from './hub.operations.js';
import { SubmissionRejectedError } from './mesh.inbound.types.js';
import type { OcFile } from './oc.files.js';
import type {
  InboundMessage,
  InboundOutcome,
  InboundStore,
  MeshLogger,
  SubmitOnlineConsultation,
} from './mesh.inbound.types.js';

/** Options of {@link HubInboundStore}. */
export interface HubInboundStoreOptions {
  /** A client acting for the hub organisation (scope `messages:write`). */
  client: HubClient;
  /** The hub's MESH mailbox: recovery lists only its messages. */
  mailboxId: string;
  /** Page size when listing messages to settle; default 100. */
  pageSize?: number;
  logger?: MeshLogger;
}

/** The hub's answer codes after which a resubmission cannot succeed. */
const PERMANENT_REFUSALS = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND']);
/** Refusals of one attachment's bytes that no retry changes (CONFLICT: stored before). */
const FILE_REFUSALS = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE']);

function isSubmitted(result: unknown): result is SubmittedConsultation {
  return (
    typeof result === 'object' &&
    result !== null &&
    typeof (result as { consultationId?: unknown }).consultationId === 'string'
  );
}

/**
 * {@link InboundStore} over the hub. `persist` resolves once the hub has committed the message
 * (so acknowledging afterwards is safe) and is idempotent on the MESH message id: the hub answers
 * a repeat with the stored row, processed unless it is still RECEIVED. `pending` lists the hub's
 * RECEIVED messages of this mailbox, which is how a restarted plugin finishes what a crash left.
 * Run one poller per mailbox: a second one would resume the first one's messages in parallel.
 */
export class HubInboundStore implements InboundStore {
  /** MESH message id -> the hub's global id of the stored message (needed to settle it). */
  private readonly hubIds = new Map<string, string>();

  constructor(private readonly o: HubInboundStoreOptions) {}

  async persist(message: InboundMessage): Promise<{ alreadyProcessed: boolean }> {
    const h = message.headers;
    const { recordInboundMessage: recorded } = await this.o.client.request(RECORD_INBOUND, {
      input: {
        transport: 'MESH',
        mailboxId: message.mailboxId,
        messageId: message.meshMessageId,
        workflowId: message.workflowId ?? null,
        messageType: message.messageType,
        senderMailboxId: h['mex-from'] ?? null,
        localId: h['mex-localid'] ?? null,
        headers: Object.entries(h).map(([name, value]) => ({ name, value })),
        bodyBase64: message.body.toString('base64'),
      },
    });
    this.hubIds.set(message.meshMessageId, recorded.message.id);
    return { alreadyProcessed: recorded.alreadyRecorded && recorded.message.state !== 'RECEIVED' };
  }

  async markProcessed(meshMessageId: string, outcome: InboundOutcome): Promise<void> {
    const id = this.hubIds.get(meshMessageId);
    if (id === undefined) throw new Error(`markProcessed before persist: ${meshMessageId}`);
    switch (outcome.kind) {
      case 'SUBMITTED': {
        const onlineConsultationId = isSubmitted(outcome.result) ? outcome.result.consultationId : null;
        await this.settle({ messageId: id, outcome: 'PARSED', onlineConsultationId });
        break;
      }
      case 'PARSE_FAILED':
        // The failure's reason names fields and rules only (never values): safe to store and show.
        await this.settle({
          messageId: id,
          outcome: 'PARSE_FAILED',
          failure: `${outcome.failure.code}: ${outcome.failure.reason}`,
        });
        break;
      case 'REPORT':
      case 'ITK_RESPONSE':
        // Handled by the outbound side (onReport / onItkResponse); nothing to link in the inbox.
        await this.settle({ messageId: id, outcome: 'PARSED' });
        break;
    }
    this.hubIds.delete(meshMessageId);
  }

  async pending(): Promise<InboundMessage[]> {
    const out: InboundMessage[] = [];
    let after: string | null = null;
    for (;;) {
      const result: { inboundMessagesToSettle: InboundToSettlePage } = await this.o.client.request(INBOUND_TO_SETTLE, {
        mailboxId: this.o.mailboxId,
        first: this.o.pageSize ?? 100,
        after,
      });
      const page = result.inboundMessagesToSettle;
      for (const { node } of page.edges) out.push(this.fromHub(node));
      if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return out;
      after = page.pageInfo.endCursor;
    }
  }

  private async settle(input: {
    messageId: string;
    outcome: 'PARSED' | 'PARSE_FAILED';
    failure?: string;
    onlineConsultationId?: string | null;
  }): Promise<void> {
    await this.o.client.request(SETTLE_INBOUND, { input });
  }

  private fromHub(node: HubInboundMessageWithBody): InboundMessage {
    this.hubIds.set(node.messageId, node.id);
    const headers = Object.fromEntries(node.headers.map((x) => [x.name, x.value]));
    const range = /^\d+:(\d+)$/.exec(headers['mex-chunk-range'] ?? '');
    return {
      meshMessageId: node.messageId,
      mailboxId: node.mailboxId,
      messageType: node.messageType === 'REPORT' ? 'REPORT' : 'DATA',
      workflowId: node.workflowId ?? undefined,
      headers,
      body: Buffer.from(node.bodyBase64, 'base64'),
      chunkCount: range ? Number(range[1]) : 1,
      receivedAt: new Date(node.receivedAt),
    };
  }
}

/**
 * Uploads one file of a submitted consultation. CONFLICT means a previous attempt stored it (a
 * resubmission after a crash); a refusal of the file itself (too large, a type or size the hub does
 * not accept) leaves the consultation in the inbox with that attachment AWAITING_UPLOAD, logged with
 * codes only. Anything else (the hub down) throws: the message is retried, and the consultation
 * is not stored twice.
 */
async function uploadFile(
  client: HubClient,
  consultationId: string,
  file: OcFile,
  meshMessageId: string,
  logger?: MeshLogger,
): Promise<void> {
  try {
    await client.uploadAttachment(consultationId, file.position, file.bytes, {
      contentType: file.contentType,
      sha256: file.sha256,
    });
  } catch (err) {
    if (!isHubApiError(err) || !FILE_REFUSALS.has(err.code)) throw err;
    if (err.code !== 'CONFLICT') {
      logger?.('warn', 'mesh.attachment.refused', {
        meshMessageId,
        consultationId,
        position: file.position,
        code: err.code,
        field: err.field,
      });
    }
  }
}

/**
 * The poller's `submit` over `submitOnlineConsultation` (client acting for the hub, scope
 * `inbox:submit`). The hub de-duplicates on supplier + supplierReference, so the MESH copy and the
 * e-mail copy of one consultation, or a resubmission after a crash, store it once. A permanent
 * refusal (bad input, a practice outside the PCN) becomes a {@link SubmissionRejectedError} with
 * the code and field only; anything else (the hub down) leaves the message to retry.
 */
export function hubSubmit(client: HubClient, logger?: MeshLogger): SubmitOnlineConsultation {
  return async (input, meshMessageId, files = []) => {
    try {
      const { submitOnlineConsultation } = await client.request(SUBMIT_ONLINE_CONSULTATION, { input });
      if (!submitOnlineConsultation.created) {
        logger?.('info', 'mesh.submit.duplicate', {
          meshMessageId,
          consultationId: submitOnlineConsultation.consultationId,
        });
      }
      for (const file of files)
        await uploadFile(client, submitOnlineConsultation.consultationId, file, meshMessageId, logger);
      return submitOnlineConsultation;
    } catch (err) {
      if (isHubApiError(err) && PERMANENT_REFUSALS.has(err.code)) {
        throw new SubmissionRejectedError(
          `the hub refused the consultation: ${err.code}${err.field === undefined ? '' : ` on ${err.field}`}`,
        );
      }
      throw err;
    }
  };
}
