import { isHubApiError, type HubClient, type WriteBackState } from '@pcn-hub/sdk/client';
import {
  ConsultationDocument,
  ExplainDocument,
  RecordDocument,
  SaveDocument,
  type ConsultationView,
  type ExplanationView,
} from './pharmacy.documents.js';
import { PharmacyConsultationConflictError } from './pharmacy.errors.js';
import { pharmacyIdempotencyKeys, toRecordConsultationInput } from './pharmacy.mapper.js';
import type { PharmacyConsultationRecord } from './pharmacy.types.js';

/** Write-back states that will not change without someone acting (a redrive, a new save). */
const SETTLED: ReadonlySet<WriteBackState> = new Set(['DELIVERED', 'NOT_REQUIRED', 'BLOCKED', 'DEAD', 'DISCARDED']);

/** Where one entry's write-back stands. */
export interface EntryWriteBack {
  /** Global id of the hub consultation entry. */
  readonly entryId: string;
  readonly kind: string;
  /** Null until the consultation is saved. */
  readonly state: WriteBackState | null;
  readonly reason: string | null;
  /** The registered practice it goes to. */
  readonly targetOdsCode: string | null;
  /** The write-back message id (webhook events carry it as `data.messageId`). */
  readonly messageId: string | null;
  readonly deliveredAt: string | null;
}

/** Where a recorded pharmacy consultation's write-back stands. */
export interface PharmacyWriteBackStatus {
  /** Global id of the hub consultation. */
  readonly consultationId: string;
  /** The most pressing state of its entries (null until saved). */
  readonly state: WriteBackState | null;
  /** True when every entry reached the registered practice (or needs not). */
  readonly delivered: boolean;
  /** True when no entry will move without someone acting. */
  readonly settled: boolean;
  readonly entries: readonly EntryWriteBack[];
}

/** A pharmacy consultation as recorded and saved in the hub. */
export interface RecordedPharmacyConsultation {
  /** Global id of the hub consultation (the same on every resend). */
  readonly consultationId: string;
  readonly pharmacyConsultationId: string;
  /** Saved versions; 1 after the first save. */
  readonly version: number;
  /** The source product the hub recorded: the plugin's name. */
  readonly sourceProduct: string;
  readonly writeBack: PharmacyWriteBackStatus;
}

/** Options of {@link CommunityPharmacyProducer.waitForWriteBack}. */
export interface WaitOptions {
  /** Give up after this long (default 30 s) and return the last status seen. */
  readonly timeoutMs?: number;
  /** Between polls (default 250 ms). */
  readonly intervalMs?: number;
}

function statusOf(consultation: ConsultationView): PharmacyWriteBackStatus {
  const entries = consultation.entries.map((entry): EntryWriteBack => ({
    entryId: entry.id,
    kind: entry.kind,
    state: entry.writeBack?.state ?? null,
    reason: entry.writeBack?.reason ?? null,
    targetOdsCode: entry.writeBack?.targetOrganisation.odsCode ?? null,
    messageId: entry.writeBack?.delivery?.messageId ?? null,
    deliveredAt: entry.writeBack?.delivery?.deliveredAt ?? null,
  }));
  return {
    consultationId: consultation.id,
    state: consultation.writeBackState,
    delivered: entries.length > 0 && entries.every((e) => e.state === 'DELIVERED' || e.state === 'NOT_REQUIRED'),
    settled: entries.length > 0 && entries.every((e) => e.state !== null && SETTLED.has(e.state)),
    entries,
  };
}

/**
 * Records pharmacy consultations in the hub as the plugin and follows their write-back. Give it a
 * client acting for the hub that enabled the plugin (`createHubClient({ url, apiKey, organisation })`).
 */
export class CommunityPharmacyProducer {
  constructor(
    private readonly client: HubClient,
    private readonly options: { readonly now?: () => Date } = {},
  ) {}

  /**
   * Records and saves one pharmacy consultation; saving decides its write-back to the patient's
   * registered practice. Safe to call again with the same record (a resend, or a retry after a
   * crash between the two steps): both steps carry idempotency keys derived from the pharmacy's
   * consultation id, so the hub returns the first result. Throws `PharmacyRecordError` before
   * any call when the record is invalid, `PharmacyConsultationConflictError` when the id was sent
   * before with different content, and the SDK's `HubApiError` for anything else the hub refuses.
   */
  async record(record: PharmacyConsultationRecord): Promise<RecordedPharmacyConsultation> {
    const input = toRecordConsultationInput(record, this.options.now ? { now: this.options.now() } : {});
    const keys = pharmacyIdempotencyKeys(record);
    const pharmacyConsultationId = record.consultationId.trim();
    try {
      const { recordConsultation } = await this.client.request(RecordDocument, { input });
      // No expectedRevision: a resend must send the very same save input to be replayed.
      const { saveConsultation } = await this.client.request(SaveDocument, {
        input: { consultationId: recordConsultation.consultation.id, idempotencyKey: keys.save },
      });
      const saved = saveConsultation.consultation;
      return {
        consultationId: saved.id,
        pharmacyConsultationId,
        version: saved.version,
        sourceProduct: saved.sourceProduct,
        writeBack: statusOf(saved),
      };
    } catch (error) {
      if (isHubApiError(error, 'IDEMPOTENCY_KEY_REUSED'))
        throw new PharmacyConsultationConflictError(pharmacyConsultationId, { cause: error });
      throw error;
    }
  }

  /** Where the write-back of a recorded consultation (its global id) stands, entry by entry. */
  async writeBackStatus(consultationId: string): Promise<PharmacyWriteBackStatus> {
    const { hubConsultation } = await this.client.request(ConsultationDocument, { id: consultationId });
    return statusOf(hubConsultation);
  }

  /** Why an entry is (or is not) written back: agreement, registration, the plugin as its source. */
  async explain(entryId: string): Promise<ExplanationView> {
    const { explainWriteBack } = await this.client.request(ExplainDocument, { entryId });
    return explainWriteBack;
  }

  /**
   * Polls {@link CommunityPharmacyProducer.writeBackStatus} until every entry is settled
   * (delivered, not required, blocked, dead or discarded) or the timeout passes; returns the last
   * status either way. Webhooks (`write-back.*`) tell the same without polling.
   */
  async waitForWriteBack(consultationId: string, options: WaitOptions = {}): Promise<PharmacyWriteBackStatus> {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    for (;;) {
      const status = await this.writeBackStatus(consultationId);
      if (status.settled || Date.now() >= deadline) return status;
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
    }
  }
}
