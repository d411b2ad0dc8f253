import { p } from '@mikro-orm/core';
import { DELIVERY_KINDS, DELIVERY_STATES, WRITE_BACK_DECISIONS } from './write-back.codes.js';
import { createdAt, hubEntity, updatedAt } from '../../platform/db/properties.js';

/**
 * The write-back of one consultation entry to the patient's registered practice: the decision of
 * the latest save (with its reason) and the current delivery. Entry, consultation and patient are
 * plain ids: the consultations module owns those tables and writes this row in its save transaction.
 */
const WriteBackRecordSchema = hubEntity(
  'WriteBackRecord',
  'write_back_record',
  {
    entryId: p.uuid().unique(),
    consultationId: p.uuid().index(),
    patientId: p.uuid(),
    pcnId: p.uuid(),
    sourceOrgId: p.uuid(),
    targetOrgId: p.uuid().index(),
    decision: p.enum(WRITE_BACK_DECISIONS),
    /** Why, in words (no patient data). */
    reason: p.text(),
    agreementId: p.uuid().nullable(),
    currentDeliveryId: p.uuid().nullable(),
    decidedAt: p.datetime(),
    /** While BLOCKED: what the save would have sent (`planning/backfill.service.ts`), so it can be sent later. */
    blockedPlan: p.json<Record<string, unknown>>().nullable(),
    /** When the latest save blocked the entry (kept through its re-plan, for the explanation); the look-back window counts from it. */
    blockedAt: p.datetime().nullable(),
    /** When, by whom and why a blocked entry was re-planned (agreement activated, switch on, re-sent). */
    replannedAt: p.datetime().nullable(),
    replannedBy: p.string().length(100).nullable(),
    replanReason: p.text().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  {
    indexes: [
      {
        name: 'write_back_record_blocked_index',
        expression: `create index "write_back_record_blocked_index" on "write_back_record" ("pcn_id", "blocked_at") where "decision" = 'BLOCKED'`,
      },
    ],
  },
);

export class WriteBackRecord extends WriteBackRecordSchema.class {}
WriteBackRecordSchema.setClass(WriteBackRecord);

/**
 * The outbox: one message (one version of one entry) to one practice. Written in the save
 * transaction; workers claim rows with FOR UPDATE SKIP LOCKED and a lease. `messageId` is reused
 * on every retry so the receiver can de-duplicate; `position` orders deliveries of one patient
 * record (`orderingKey`): only the head of that line is claimable, the ones behind it are WAITING.
 */
const WriteBackDeliverySchema = hubEntity(
  'WriteBackDelivery',
  'write_back_delivery',
  {
    messageId: p.uuid().unique(),
    position: p.bigint('number').autoincrement(),
    recordId: p.uuid().index(),
    entryId: p.uuid(),
    consultationId: p.uuid(),
    patientId: p.uuid(),
    pcnId: p.uuid(),
    sourceOrgId: p.uuid(),
    targetOrgId: p.uuid(),
    /** `<target org id>:<patient id>`: deliveries with the same key go out in `position` order. */
    orderingKey: p.string().length(80),
    kind: p.enum(DELIVERY_KINDS),
    /** Document version as the receiver sees it: 1, then 2 for the first replacement, ... */
    version: p.integer(),
    replacesMessageId: p.uuid().nullable(),
    /** The entry and consultation facts to send (snapshot at save). */
    payload: p.json<Record<string, unknown>>(),
    state: p.enum(DELIVERY_STATES),
    /** Attempts since enqueue or the last redrive (bounded by the configured maximum). */
    attempts: p.integer().default(0),
    totalAttempts: p.integer().default(0),
    /** W3C `traceparent` of the change that enqueued it (null when tracing is off). */
    traceParent: p.string().length(55).nullable(),
    nextAttemptAt: p.datetime(),
    leaseOwner: p.string().length(100).nullable(),
    leaseExpiresAt: p.datetime().nullable(),
    firstAttemptAt: p.datetime().nullable(),
    lastAttemptAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
    deliveredAt: p.datetime().nullable(),
    /** The receiver's later acknowledgement (transports such as MESH): kind, code and when. */
    ackKind: p.string().length(20).nullable(),
    ackCode: p.string().length(20).nullable(),
    ackAt: p.datetime().nullable(),
    /** Saved + 3 hours: the national sending deadline. */
    dueAt: p.datetime(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  {
    // Partial indexes for the hot paths: the due queue, per-patient ordering, expired leases, dead letters.
    indexes: [
      {
        name: 'write_back_delivery_due_index',
        expression: `create index "write_back_delivery_due_index" on "write_back_delivery" ("next_attempt_at", "position") where "state" in ('PENDING', 'RETRYING')`,
      },
      {
        name: 'write_back_delivery_waiting_index',
        expression: `create index "write_back_delivery_waiting_index" on "write_back_delivery" ("ordering_key", "position") where "state" = 'WAITING'`,
      },
      {
        name: 'write_back_delivery_in_flight_index',
        expression: `create index "write_back_delivery_in_flight_index" on "write_back_delivery" ("ordering_key") where "state" in ('PENDING', 'SENDING', 'RETRYING')`,
      },
      {
        name: 'write_back_delivery_lease_index',
        expression: `create index "write_back_delivery_lease_index" on "write_back_delivery" ("lease_expires_at") where "state" = 'SENDING'`,
      },
      {
        name: 'write_back_delivery_dead_index',
        expression: `create index "write_back_delivery_dead_index" on "write_back_delivery" ("pcn_id", "id") where "state" = 'DEAD'`,
      },
    ],
  },
);

export class WriteBackDelivery extends WriteBackDeliverySchema.class {}
WriteBackDeliverySchema.setClass(WriteBackDelivery);
