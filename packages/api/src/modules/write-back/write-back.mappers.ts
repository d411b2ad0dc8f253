import { fieldsOf, nodeFields } from '../../platform/graphql/fields.js';
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
    ...nodeFields('WriteBackAgreement', a.id),
    ...fieldsOf(a, [
      'oneToOne',
      'state',
      'requestedBy',
      'sourceActivatedAt',
      'targetActivatedAt',
      'revokedAt',
      'createdAt',
      'updatedAt',
    ]),
    sourceId: a.source.id,
    targetId: a.target.id,
  };
}

export function toDeliveryType(d: WriteBackDelivery): WriteBackDeliveryType {
  const state = d.state;
  return {
    ...nodeFields('WriteBackDelivery', d.id),
    ...fieldsOf(d, [
      'targetOrgId',
      'messageId',
      'kind',
      'version',
      'replacesMessageId',
      'state',
      'attempts',
      'totalAttempts',
      'lastError',
      'nextAttemptAt',
      'deliveredAt',
      'dueAt',
      'createdAt',
    ]),
    acknowledgement: d.ackKind ? `${d.ackKind} ${d.ackCode ?? ''}`.trim() : null,
    acknowledgedAt: d.ackAt ?? null,
    overdue: state !== 'DELIVERED' && state !== 'SUPERSEDED' && d.dueAt.getTime() < Date.now(),
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
    ...fieldsOf(view, ['kind', 'endpointUrl', 'hasSigningSecret', 'updatedAt']),
    practiceId: view.practice.id,
  };
}
