/** Types of the write-back bridge (hub write-back -> GP Connect Send Document over MESH). */
import type { HubClient } from '@pcn-hub/sdk/client';
import type { MeshLogger } from './mesh.inbound.types.js';
import type { SendDocumentSender } from './mesh.outbound.js';
import type { OutboundStore } from './mesh.outbound.types.js';

/**
 * How the bridge finds a practice's mailbox
 * (docs/domain/national-interfaces.md#automatic-routing-to-the-registered-practice): automatic routing to the
 * registered practice (GPPROVIDER_<NHS>_<DOB>_<Surname>, DOB format agreed at onboarding), MESH
 * endpoint lookup by ODS code and the Send Document workflow id, or a fixed mailbox per practice.
 */
export type WriteBackRouting =
  | { kind: 'AUTOMATIC'; dobFormat: 'DDMMYYYY' | 'YYYYMMDD' }
  | { kind: 'ENDPOINT_LOOKUP' }
  | { kind: 'MAILBOX'; mailboxes: Readonly<Record<string, string>> };

/** An acknowledgement that did not come in time: someone should be told. Ids only. */
export interface MeshAlert {
  kind: 'ACK_OVERDUE';
  /** The write-back message id (the hub's delivery). */
  messageId: string;
  /** The practice it went to. */
  practiceOdsCode: string | undefined;
  /** The MESH message id it travelled as. */
  meshMessageId: string | undefined;
  /** Which acknowledgement is missing. */
  missing: 'INFRASTRUCTURE' | 'BUSINESS';
}

/** Options of {@link WriteBackBridge}. */
export interface WriteBackBridgeOptions {
  /** Sends the Send Document messages (created with `deferRetries: true`: the hub retries). */
  sender: SendDocumentSender;
  /** The sender's store, for look-ups by write-back message id. */
  store: OutboundStore;
  /** A hub client acting for a practice (scopes `patients:read`, `write-back:acknowledge`). */
  hubFor: (practiceOdsCode: string) => HubClient;
  /**
   * The Standard Webhooks secrets (`whsec_...`) a practice's write-back target is configured with,
   * or undefined for a practice this bridge does not serve. Two during a rotation.
   */
  signingSecrets: (practiceOdsCode: string) => readonly string[] | undefined;
  routing: WriteBackRouting;
  /** Path the practice endpoints live under: `<prefix><ODS code>`; default `/write-back/`. */
  pathPrefix?: string;
  /** Largest body accepted; default 1 MB (the hub's own default request limit). */
  maxBodyBytes?: number;
  logger?: MeshLogger;
}

/** What the bridge answers the hub. */
export interface BridgeAnswer {
  status: number;
  body: Record<string, string | number | undefined>;
}
