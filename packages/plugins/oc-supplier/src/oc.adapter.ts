import {
  createHubClient,
  isHubApiError,
  type HubClient,
  type HubClientOptions,
  type RoutingReason,
} from '@pcn-hub/sdk/client';
import { SubmitDocument } from './oc.documents.js';
import { OcPracticeNotEnabledError } from './oc.errors.js';
import { toSubmitOnlineConsultationInput } from './oc.mapper.js';
import { RecentReferences } from './oc.recent.js';
import type { SupplierForm } from './oc.types.js';

/** The outcome of one submission. */
export interface OcSubmission {
  /** Global id of the online consultation in the hub: the same for every copy of one consultation. */
  readonly consultationId: string;
  /** False when the hub had this supplier reference already (a resend, the e-mail copy) and stored nothing. */
  readonly created: boolean;
  /** The organisation whose inbox holds it: the practice, or the hub when the practice routes there. */
  readonly ownerOdsCode: string;
  readonly routingReason: RoutingReason;
  readonly supplierReference: string;
  /** True when the answer came from the recent-reference cache, without calling the hub. */
  readonly fromCache: boolean;
}

/** Options of {@link OcSupplierAdapter}. */
export interface OcSupplierAdapterOptions {
  /** The supplier code every submission carries, e.g. `ACME_OC`; the hub de-duplicates per supplier. */
  readonly supplier: string;
  /** A client acting as the plugin for a practice (see {@link practiceClients}). */
  readonly clientFor: (practiceOdsCode: string) => HubClient;
  /** How many recent references to remember (default 1000; 0 turns the cache off). */
  readonly recentReferences?: number;
  /** How long to remember one (default 24 hours). */
  readonly recentReferenceTtlMs?: number;
  /**
   * @deprecated Ignored: retries are the client's own, on one schedule (`retry` of the client's
   * options, e.g. `practiceClients({ url, apiKey, retry })`). Kept so that existing callers compile.
   */
  readonly retry?: { readonly attempts?: number; readonly baseDelayMs?: number; readonly maxDelayMs?: number };
  /** The current time (tests); default now. */
  readonly now?: () => Date;
}

/**
 * Clients acting as the plugin, one per practice (the organisation header differs), made on first
 * use: `new OcSupplierAdapter({ supplier, clientFor: practiceClients({ url, apiKey }) })`.
 */
export function practiceClients(
  options: Omit<HubClientOptions, 'organisation' | 'token'>,
): (practiceOdsCode: string) => HubClient {
  const clients = new Map<string, HubClient>();
  return (practiceOdsCode) => {
    let client = clients.get(practiceOdsCode);
    if (!client)
      clients.set(practiceOdsCode, (client = createHubClient({ ...options, organisation: practiceOdsCode })));
    return client;
  };
}

/**
 * The hub refused to let the plugin act for the form's practice: FORBIDDEN while authenticating
 * (no field path: the key may not act for that organisation), or BAD_USER_INPUT on the practice
 * (the organisation acted for is not the form's practice). A FORBIDDEN on the field itself is a
 * missing scope, which the caller must see as it is.
 */
function notEnabled(error: unknown): boolean {
  if (isHubApiError(error, 'FORBIDDEN')) return error.path === undefined;
  return isHubApiError(error, 'BAD_USER_INPUT') && error.field === 'input.originatingPracticeOdsCode';
}

/**
 * Submits supplier forms into pcn-hub inboxes, acting for the practice each form names.
 *
 * A consultation reaches the hub more than once in practice: the supplier resends after a timeout,
 * and sends an e-mail copy besides the API copy. The hub stores one per supplier reference and
 * answers every later copy with the first (`created: false`). The adapter adds a small cache of
 * recent references (a copy arriving soon after needs no call) and shares one call between copies
 * submitted at the same moment. The supplier reference makes `submitOnlineConsultation` safe to
 * repeat: the SDK client retries it (no answer, 429, 502-504, SERVICE_UNAVAILABLE) on its one
 * schedule; the adapter adds no retries of its own.
 */
export class OcSupplierAdapter {
  private readonly recent: RecentReferences<OcSubmission>;
  private readonly inFlight = new Map<string, Promise<OcSubmission>>();

  constructor(private readonly options: OcSupplierAdapterOptions) {
    this.recent = new RecentReferences(
      options.recentReferences ?? 1000,
      options.recentReferenceTtlMs ?? 24 * 3_600_000,
    );
  }

  /**
   * Submits one form. Throws `OcFormError` before any call when the form is invalid,
   * {@link OcPracticeNotEnabledError} when the practice has not enabled the plugin, and the SDK's
   * `HubApiError` / `HubNetworkError` for anything else (after the retries).
   */
  async submit(form: SupplierForm): Promise<OcSubmission> {
    const input = toSubmitOnlineConsultationInput(form, {
      supplier: this.options.supplier,
      ...(this.options.now ? { now: this.options.now() } : {}),
    });
    const key = `${input.supplier}\n${input.supplierReference}`;
    const cached = this.recent.get(key);
    if (cached) return { ...cached, created: false, fromCache: true };
    const pending = this.inFlight.get(key);
    if (pending) return { ...(await pending), created: false };

    const call = this.send(input).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, call);
    const submitted = await call;
    this.recent.set(key, submitted);
    return submitted;
  }

  private async send(input: ReturnType<typeof toSubmitOnlineConsultationInput>): Promise<OcSubmission> {
    const client = this.options.clientFor(input.originatingPracticeOdsCode);
    try {
      const { submitOnlineConsultation: answer } = await client.request(SubmitDocument, { input });
      return {
        consultationId: answer.consultationId,
        created: answer.created,
        ownerOdsCode: answer.owner.odsCode,
        routingReason: answer.routingReason,
        supplierReference: input.supplierReference,
        fromCache: false,
      };
    } catch (error) {
      if (notEnabled(error)) {
        throw new OcPracticeNotEnabledError(input.originatingPracticeOdsCode, input.supplierReference, {
          cause: error,
        });
      }
      throw error;
    }
  }
}
