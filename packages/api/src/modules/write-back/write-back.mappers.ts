import { toGlobalId } from '../../platform/graphql/relay.js';
import type { WriteBackAgreement } from './write-back-agreement.entity.js';
import type { WriteBackDelivery } from './write-back-record.entity.js';
import type { PracticeRecordEntry } from './write-back-target.entity.js';
import type { EntryWriteBackStatus } from './delivery/deliveries.service.js';
import type { TargetView } from './targets/targets.service.js';
import type {
  WriteBackAgreementType,
  WriteBackDeliveryType,
  WriteBackStatusType,
  WriteBackTargetType,
  WrittenBackEntryType,
} from './write-back.types.js';

/** Global id type names of the consultations module (ids are opaque to clients). */
export const ENTRY_NODE = 'HubConsultationEntry';
export const CONSULTATION_NODE = 'HubConsultation';

export function toAgreementType(a: WriteBackAgreement): WriteBackAgreementType {
  return {
    __typename: 'WriteBackAgreement',
    id: toGlobalId('WriteBackAgreement', a.id),
    dbId: a.id,
    sourceId: a.source.id,
    targetId: a.target.id,
    oneToOne: a.oneToOne,
    state: a.state,
    requestedBy: a.requestedBy,
    sourceActivatedAt: a.sourceActivatedAt ?? null,
    targetActivatedAt: a.targetActivatedAt ?? null,
    revokedAt: a.revokedAt ?? null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function toDeliveryType(d: WriteBackDelivery): WriteBackDeliveryType {
  const state = d.state;
  return {
    __typename: 'WriteBackDelivery',
    id: toGlobalId('WriteBackDelivery', d.id),
    dbId: d.id,
    targetOrgId: d.targetOrgId,
    messageId: d.messageId,
    kind: d.kind,
    version: d.version,
    replacesMessageId: d.replacesMessageId ?? null,
    state,
    attempts: d.attempts,
    totalAttempts: d.totalAttempts,
    lastError: d.lastError ?? null,
    nextAttemptAt: d.nextAttemptAt,
    deliveredAt: d.deliveredAt ?? null,
    acknowledgement: d.ackKind ? `${d.ackKind} ${d.ackCode ?? ''}`.trim() : null,
    acknowledgedAt: d.ackAt ?? null,
    dueAt: d.dueAt,
    overdue: state !== 'DELIVERED' && state !== 'SUPERSEDED' && d.dueAt.getTime() < Date.now(),
    createdAt: d.createdAt,
    entryId: toGlobalId(ENTRY_NODE, d.entryId),
    consultationId: toGlobalId(CONSULTATION_NODE, d.consultationId),
  };
}

export function toStatusType(status: EntryWriteBackStatus): WriteBackStatusType {
  const { record } = status;
  return {
    targetOrgId: record.targetOrgId,
    state: status.state,
    decision: record.decision,
    reason: record.reason,
    decidedAt: record.decidedAt,
    agreementId: record.agreementId ? toGlobalId('WriteBackAgreement', record.agreementId) : null,
    delivery: status.delivery ? toDeliveryType(status.delivery) : null,
  };
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function toWrittenBackEntryType(row: PracticeRecordEntry): WrittenBackEntryType {
  const content = row.content as {
    heading?: string;
    consultation?: {
      startedAt?: string;
      location?: string;
      authorId?: string;
      sourceProduct?: string;
      sourceOrganisation?: { id?: string; odsCode?: string };
    };
    entry?: Record<string, unknown>;
  };
  const consultation = content.consultation ?? {};
  const entry = content.entry ?? {};
  return {
    sourceOrgId: consultation.sourceOrganisation?.id ?? '',
    messageId: row.messageId,
    heading: content.heading ?? 'Enterprise Consultation',
    fromHub: true,
    kind: row.kind,
    version: row.version,
    archived: Boolean(row.supersededByMessageId) || row.kind === 'REMOVAL',
    location: consultation.location ?? '',
    consultationStartedAt: new Date(consultation.startedAt ?? row.receivedAt),
    authorId: consultation.authorId ?? '',
    sourceProduct: consultation.sourceProduct ?? 'NATIVE',
    entryKind: str(entry.kind),
    snomedCode: str(entry.snomedCode),
    term: str(entry.term) ?? str(entry.name) ?? str(entry.title),
    text: str(entry.text),
    dmdCode: str(entry.dmdCode),
    dose: str(entry.dose),
    quantity: str(entry.quantity),
    receivedAt: row.receivedAt,
  };
}

export function toTargetType(view: TargetView): WriteBackTargetType {
  return {
    practiceId: view.practice.id,
    kind: view.kind,
    endpointUrl: view.endpointUrl,
    hasSigningSecret: view.hasSigningSecret,
    updatedAt: view.updatedAt,
  };
}
