import type { Em } from '../../../platform/db/orm.js';
import { claimRows, type ClaimedRow, type DeliveryTable } from '../../../platform/delivery/index.js';
import type { StreamHint } from '../../../platform/events/index.js';
import type { DeliveryKind, DeliveryState, TargetKind, WriteBackState } from '../write-back.codes.js';
import { appendWriteBackEvents, type WriteBackChange } from '../write-back.events.js';
import { promoteNext } from './lines.worker.js';

/** A delivery a worker holds the lease of, with what it needs to send it. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly messageId: string;
  readonly recordId: string;
  readonly entryId: string;
  readonly consultationId: string;
  readonly patientId: string;
  readonly targetOrgId: string;
  /** The patient line (target + patient) it belongs to. */
  readonly orderingKey: string;
  readonly kind: DeliveryKind;
  readonly version: number;
  readonly replacesMessageId: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
  /** This attempt's number since enqueue or redrive. */
  readonly attempt: number;
  /** Attempts ever made, this one included: the fencing token of the lease (never repeats). */
  readonly fence: number;
  readonly nhsNumber: string;
  readonly target: {
    readonly kind: TargetKind;
    readonly endpointUrl: string | null;
    readonly signingSecret: string | null;
  };
  /** The trace of the change that enqueued it, when tracing is on. */
  readonly traceParent: string | null;
}

/** The columns of a delivery every change returns (`WRITE_BACK_TABLE.returning`). */
export interface DeliveryRow {
  id: string;
  record_id: string;
  entry_id: string;
  consultation_id: string;
  target_org_id: string;
  message_id: string;
  version: number;
  attempts: number;
  state: DeliveryState;
}

const CHANGED_COLUMNS =
  'd.id, d.record_id, d.entry_id, d.consultation_id, d.target_org_id, d.message_id, d.version, d.attempts, d.state';

export function changeOf(row: DeliveryRow, actorId: string | null): WriteBackChange {
  return {
    targetOrgId: row.target_org_id,
    // WAITING is PENDING to the outside: queued behind an earlier delivery of the same record.
    state: (row.state === 'WAITING' ? 'PENDING' : row.state) as WriteBackState,
    recordId: row.record_id,
    entryId: row.entry_id,
    consultationId: row.consultation_id,
    deliveryId: row.id,
    messageId: row.message_id,
    version: row.version,
    attempt: row.attempts,
    actorId,
  };
}

/** The write-back outbox as the delivery engine sees it: leased rows are SENDING, fenced by total_attempts. */
export const WRITE_BACK_TABLE: DeliveryTable = {
  table: 'write_back_delivery',
  leaseColumn: 'lease_expires_at',
  ownerColumn: 'lease_owner',
  sendingState: 'SENDING',
  fenceColumn: 'total_attempts',
  touchColumn: 'updated_at',
  // Only heads of their patient line are PENDING or RETRYING (the rest are WAITING), so a claim
  // is a range scan of the due index, whatever the backlog.
  claimOrder: 'position',
  claimSet: 'first_attempt_at = coalesce(d.first_attempt_at, now()), last_attempt_at = now()',
  claimReturning: `d.patient_id, d.kind, d.replaces_message_id, d.payload, d.trace_parent,
    (select p.nhs_number from patient p where p.id = d.patient_id) as nhs_number,
    (select t.kind from write_back_target t where t.practice_id = d.target_org_id) as target_kind,
    (select t.endpoint_url from write_back_target t where t.practice_id = d.target_org_id) as endpoint_url,
    (select t.signing_secret from write_back_target t where t.practice_id = d.target_org_id) as signing_secret`,
  returning: `${CHANGED_COLUMNS}, d.ordering_key`,
  // A delivery superseded while in flight stays superseded: the later version is what counts.
  ackUnless: ['SUPERSEDED'],
  maxBackoffMs: 60 * 60 * 1000,
  exhausted: (reason, attempts) => `no acknowledgement after ${attempts} attempts; last: ${reason}`,
};

type ClaimRow = DeliveryRow & {
  patient_id: string;
  kind: DeliveryKind;
  replaces_message_id: string | null;
  payload: Record<string, unknown> | string;
  fence: number;
  ordering_key: string;
  nhs_number: string;
  target_kind: TargetKind | null;
  endpoint_url: string | null;
  signing_secret: string | null;
  trace_parent: string | null;
};

/** The deliveries of claimed rows, and their SENDING events (in the claim's transaction). */
export async function claimedDeliveries(
  tx: Em,
  claimed: readonly ClaimedRow[],
  workerId: string,
): Promise<{ jobs: ClaimedDelivery[]; hints: StreamHint[] }> {
  const rows = claimed as unknown as readonly ClaimRow[];
  const hints = await appendWriteBackEvents(
    tx,
    rows.map((row) => changeOf(row, workerId)),
  );
  const jobs = rows.map((row): ClaimedDelivery => ({
    id: row.id,
    messageId: row.message_id,
    recordId: row.record_id,
    entryId: row.entry_id,
    consultationId: row.consultation_id,
    patientId: row.patient_id,
    targetOrgId: row.target_org_id,
    orderingKey: row.ordering_key,
    kind: row.kind,
    version: row.version,
    replacesMessageId: row.replaces_message_id,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload,
    attempt: row.attempts,
    fence: row.fence,
    nhsNumber: row.nhs_number,
    target: { kind: row.target_kind ?? 'IN_HUB', endpointUrl: row.endpoint_url, signingSecret: row.signing_secret },
    traceParent: row.trace_parent,
  }));
  return { jobs, hints };
}

/** Claims up to `limit` due deliveries for `workerId` with a lease (what a worker's claim does). */
export async function claimDeliveries(
  em: Em,
  workerId: string,
  limit: number,
  leaseMs: number,
): Promise<{ claimed: ClaimedDelivery[]; hints: StreamHint[] }> {
  return em.transactional(async (tx) => {
    const rows = await claimRows(tx, WRITE_BACK_TABLE, workerId, limit, leaseMs);
    if (rows.length === 0) return { claimed: [], hints: [] };
    const { jobs, hints } = await claimedDeliveries(tx, rows, workerId);
    return { claimed: jobs, hints };
  });
}

/**
 * After the engine changed rows (outcomes, reaped leases): finished heads (DELIVERED or DEAD) hand
 * their line to the next delivery, and every change is an event. Lines must be locked.
 */
export async function deliveriesChanged(
  tx: Em,
  changed: readonly Record<string, unknown>[],
  actorId: string | null,
): Promise<StreamHint[]> {
  const rows = changed as unknown as readonly (DeliveryRow & { ordering_key: string })[];
  const finished = rows
    .filter((row) => row.state === 'DELIVERED' || row.state === 'DEAD')
    .map((row) => row.ordering_key);
  if (finished.length > 0) await promoteNext(tx, finished);
  return appendWriteBackEvents(
    tx,
    rows.map((row) => changeOf(row, actorId)),
  );
}
