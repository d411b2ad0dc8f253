/**
 * The hub's write-back message (the JSON body its HTTP write-back target POSTs: one version of one
 * consultation entry for one patient) and its mapping onto the GP Connect Send Document summary.
 */
import { isValidNhsNumber } from './nhs-number.js';
import type { HubPatientDemographics } from './hub.operations.js';
import type { ConsultationSummaryDocument, SendDocumentCodedEntry } from './itk.send-document.types.js';

/** The entry of a write-back message, by kind. */
export type WriteBackEntry =
  | { id: string; kind: 'CODED'; snomedCode: string; term: string; codedKind?: string }
  | { id: string; kind: 'NOTE'; text: string }
  | { id: string; kind: 'MEDICATION'; dmdCode: string; name: string; dose: string; quantity: string }
  | { id: string; kind: 'DOCUMENT'; title: string; contentType: string; sizeBytes: number; reference: string };

/** A write-back message as the hub sends it (fields the bridge uses). */
export interface WriteBackMessage {
  type: 'consultation-entry' | 'consultation-entry.removed';
  /** Stable across retries (the `webhook-id`); also the Send Document's document id. */
  messageId: string;
  recordId: string;
  /** 1 for the first version of the entry, incremented for each replacement. */
  version: number;
  /** messageId of the version this one replaces. */
  replaces: string | null;
  patient: { nhsNumber: string };
  heading: string;
  targetOdsCode: string;
  consultation: {
    id: string;
    startedAt: string;
    savedAt: string;
    location: string;
    sourceOrganisation: { odsCode: string; name: string };
  };
  entry: WriteBackEntry;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function entryOf(e: unknown): WriteBackEntry | string {
  if (!isObject(e) || !text(e['id'])) return 'entry.id missing';
  const id = e['id'];
  switch (e['kind']) {
    case 'CODED':
      if (!text(e['snomedCode']) || !text(e['term'])) return 'coded entry without snomedCode or term';
      return { id, kind: 'CODED', snomedCode: e['snomedCode'], term: e['term'] };
    case 'NOTE':
      return text(e['text']) ? { id, kind: 'NOTE', text: e['text'] } : 'note without text';
    case 'MEDICATION': {
      const [dmdCode, name, dose, quantity] = [e['dmdCode'], e['name'], e['dose'], e['quantity']];
      if (!text(dmdCode) || !text(name) || !text(dose) || !text(quantity)) return 'medication entry incomplete';
      return { id, kind: 'MEDICATION', dmdCode, name, dose, quantity };
    }
    case 'DOCUMENT': {
      const [title, contentType, reference, sizeBytes] = [e['title'], e['contentType'], e['reference'], e['sizeBytes']];
      if (!text(title) || !text(contentType) || !text(reference) || typeof sizeBytes !== 'number') {
        return 'document entry incomplete';
      }
      return { id, kind: 'DOCUMENT', title, contentType, reference, sizeBytes };
    }
    default:
      return 'unknown entry kind';
  }
}

/**
 * Reads a write-back body. Failures name the field at fault, never a value (the body carries
 * patient data), so they can be logged and returned to the hub.
 */
export function parseWriteBackMessage(
  raw: Buffer,
): { ok: true; message: WriteBackMessage } | { ok: false; reason: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  if (!isObject(doc)) return { ok: false, reason: 'body is not a JSON object' };
  const type = doc['type'];
  if (type !== 'consultation-entry' && type !== 'consultation-entry.removed') {
    return { ok: false, reason: 'not a write-back message (type)' };
  }
  const { messageId, recordId, version, replaces, patient, heading, targetOdsCode, consultation: c } = doc;
  if (!text(messageId) || !UUID.test(messageId)) return { ok: false, reason: 'messageId is not a UUID' };
  if (!text(recordId)) return { ok: false, reason: 'recordId missing' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, reason: 'bad version' };
  if (replaces !== null && !(text(replaces) && UUID.test(replaces)))
    return { ok: false, reason: 'replaces is not a UUID' };
  if (version > 1 && replaces === null) return { ok: false, reason: 'a version above 1 must name what it replaces' };
  if (!isObject(patient) || !text(patient['nhsNumber']) || !isValidNhsNumber(patient['nhsNumber'])) {
    return { ok: false, reason: 'patient.nhsNumber invalid' };
  }
  if (!text(heading) || !text(targetOdsCode)) return { ok: false, reason: 'heading or targetOdsCode missing' };
  if (!isObject(c) || !text(c['id']) || !text(c['startedAt']) || !text(c['savedAt']) || !text(c['location'])) {
    return { ok: false, reason: 'consultation incomplete' };
  }
  const source = c['sourceOrganisation'];
  if (!isObject(source) || !text(source['odsCode']) || !text(source['name'])) {
    return { ok: false, reason: 'consultation.sourceOrganisation incomplete' };
  }
  const entry = entryOf(doc['entry']);
  if (typeof entry === 'string') return { ok: false, reason: entry };
  return {
    ok: true,
    message: {
      type,
      messageId,
      recordId,
      version,
      replaces: replaces,
      patient: { nhsNumber: patient['nhsNumber'] },
      heading,
      targetOdsCode: targetOdsCode.toUpperCase(),
      consultation: {
        id: c['id'],
        startedAt: c['startedAt'],
        savedAt: c['savedAt'],
        location: c['location'],
        sourceOrganisation: { odsCode: source['odsCode'], name: source['name'] },
      },
      entry,
    },
  };
}

function entryLine(entry: WriteBackEntry): string {
  switch (entry.kind) {
    case 'CODED':
      return `Coded entry: ${entry.term} (SNOMED CT ${entry.snomedCode})`;
    case 'NOTE':
      return `Note: ${entry.text}`;
    case 'MEDICATION':
      return `Medication: ${entry.name}; ${entry.dose}; ${entry.quantity} (dm+d ${entry.dmdCode})`;
    case 'DOCUMENT':
      return `Document: ${entry.title} (${entry.contentType}, ${entry.sizeBytes} bytes, ${entry.reference})`;
  }
}

/**
 * The consultation summary of one write-back message. The document id is the write-back message
 * id and a replacement names the replaced message id, so versions and replacements follow the
 * hub's own (whole-document replace, relatesTo "replaces":
 * docs/domain/workflows.md#national-sending-rules). Demographics come from
 * the hub, so the Patient resource matches the automatic routing address.
 */
export function summaryDocument(
  message: WriteBackMessage,
  patient: HubPatientDemographics,
): ConsultationSummaryDocument {
  const c = message.consultation;
  const entries: SendDocumentCodedEntry[] =
    message.entry.kind === 'CODED' ? [{ code: message.entry.snomedCode, display: message.entry.term }] : [];
  const lines = [
    message.heading,
    `Consultation at ${c.location}, started ${c.startedAt}, saved ${c.savedAt}`,
    entryLine(message.entry),
    message.replaces === null
      ? `Version ${message.version}`
      : `Version ${message.version}: replaces the previous version`,
  ];
  const sender = { odsCode: c.sourceOrganisation.odsCode, name: c.sourceOrganisation.name };
  return {
    consultationId: c.id,
    documentId: message.messageId,
    version: message.version,
    ...(message.replaces === null ? {} : { replacesDocumentId: message.replaces }),
    patient: {
      nhsNumber: patient.nhsNumber,
      givenName: patient.givenName,
      familyName: patient.familyName,
      dateOfBirth: patient.dateOfBirth,
    },
    sender,
    seenAt: sender,
    registeredPractice: { odsCode: patient.registeredPractice.odsCode, name: patient.registeredPractice.name },
    encounter: { start: c.startedAt },
    entries,
    summary: { text: lines.join('\n'), contentType: 'text/plain' },
    createdAt: c.savedAt,
  };
}
