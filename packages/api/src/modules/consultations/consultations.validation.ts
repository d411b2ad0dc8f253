import { isValidDmdCode, isValidSnomedConceptId } from '@pcn-hub/schema';
import { Errors } from '../../platform/errors.js';
import type { CodedKind, EntryContent } from './consultation.codes.js';
import type { ConsultationEntry } from './consultation.entity.js';
import type { DocumentMetadata } from '../../platform/documents.js';

/** The oneOf-style entry input: exactly one member is set. */
export interface EntryInput {
  readonly coded?: { readonly snomedCode: string; readonly term: string; readonly codedKind?: CodedKind | null } | null;
  readonly note?: { readonly text: string; readonly adminOnly?: boolean | null } | null;
  readonly medication?: {
    readonly dmdCode: string;
    readonly name: string;
    readonly dose: string;
    readonly quantity: string;
  } | null;
  readonly document?: DocumentMetadata | null;
}

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) throw Errors.badInput(field, `${field} must be 1-${max} characters`);
  return trimmed;
}

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;

/**
 * Validates one entry input (field = its input path) and returns its content. `allowedCodes`: a
 * plugin whose approved manifest declares its SNOMED CT codes (`producesCodes`) writes only those.
 */
export function validateEntry(
  input: EntryInput,
  field: string,
  allowedCodes: ReadonlySet<string> | null = null,
): EntryContent {
  const given = (['coded', 'note', 'medication', 'document'] as const).filter(
    (k) => input[k] !== null && input[k] !== undefined,
  );
  if (given.length !== 1)
    throw Errors.badInput(field, `${field} must set exactly one of coded, note, medication, document`);
  const { coded, note, medication, document } = input;
  if (coded) {
    const snomedCode = coded.snomedCode.trim();
    if (!isValidSnomedConceptId(snomedCode))
      throw Errors.badInput(`${field}.coded.snomedCode`, 'Not a valid SNOMED CT concept id');
    if (allowedCodes && !allowedCodes.has(snomedCode)) {
      throw Errors.badInput(
        `${field}.coded.snomedCode`,
        `SNOMED CT code ${snomedCode} is not among the producesCodes of the plugin's approved manifest`,
      );
    }
    return {
      kind: 'CODED',
      codedKind: coded.codedKind ?? 'FINDING',
      snomedCode,
      term: text(coded.term, `${field}.coded.term`, 255),
    };
  }
  if (note)
    return { kind: 'NOTE', text: text(note.text, `${field}.note.text`, 10_000), adminOnly: note.adminOnly ?? false };
  if (medication) {
    const dmdCode = medication.dmdCode.trim();
    if (!isValidDmdCode(dmdCode)) throw Errors.badInput(`${field}.medication.dmdCode`, 'Not a valid dm+d code');
    return {
      kind: 'MEDICATION',
      dmdCode,
      name: text(medication.name, `${field}.medication.name`, 255),
      dose: text(medication.dose, `${field}.medication.dose`, 500),
      quantity: text(medication.quantity, `${field}.medication.quantity`, 100),
    };
  }
  const doc = document!;
  const contentType = doc.contentType.trim();
  if (!CONTENT_TYPE.test(contentType)) throw Errors.badInput(`${field}.document.contentType`, 'Not a MIME type');
  if (!Number.isInteger(doc.sizeBytes) || doc.sizeBytes < 0 || doc.sizeBytes > 100 * 1024 * 1024) {
    throw Errors.badInput(`${field}.document.sizeBytes`, 'sizeBytes must be 0-104857600');
  }
  return {
    kind: 'DOCUMENT',
    title: text(doc.title, `${field}.document.title`, 255),
    contentType,
    sizeBytes: doc.sizeBytes,
    reference: text(doc.reference, `${field}.document.reference`, 500),
  };
}

/** An entry's content columns (by property name): one kind's columns set, the other kinds' null. */
export type EntryColumns = Pick<
  ConsultationEntry,
  | 'kind'
  | 'codedKind'
  | 'snomedCode'
  | 'term'
  | 'text'
  | 'adminOnly'
  | 'dmdCode'
  | 'medicationName'
  | 'dose'
  | 'quantity'
  | 'documentTitle'
  | 'documentContentType'
  | 'documentSizeBytes'
  | 'documentReference'
>;

/** The content columns of `content`. */
export function contentColumns(content: EntryContent): EntryColumns {
  return {
    kind: content.kind,
    codedKind: content.kind === 'CODED' ? content.codedKind : null,
    snomedCode: content.kind === 'CODED' ? content.snomedCode : null,
    term: content.kind === 'CODED' ? content.term : null,
    text: content.kind === 'NOTE' ? content.text : null,
    adminOnly: content.kind === 'NOTE' ? content.adminOnly : false,
    dmdCode: content.kind === 'MEDICATION' ? content.dmdCode : null,
    medicationName: content.kind === 'MEDICATION' ? content.name : null,
    dose: content.kind === 'MEDICATION' ? content.dose : null,
    quantity: content.kind === 'MEDICATION' ? content.quantity : null,
    documentTitle: content.kind === 'DOCUMENT' ? content.title : null,
    documentContentType: content.kind === 'DOCUMENT' ? content.contentType : null,
    documentSizeBytes: content.kind === 'DOCUMENT' ? content.sizeBytes : null,
    documentReference: content.kind === 'DOCUMENT' ? content.reference : null,
  };
}

/** Writes content into an entry's columns (the other kinds' columns become null). */
export function applyContent(entry: ConsultationEntry, content: EntryContent): void {
  Object.assign(entry, contentColumns(content));
}

/** Reads an entry's content back from its columns. */
export function contentOf(entry: EntryColumns): EntryContent {
  switch (entry.kind) {
    case 'CODED':
      return {
        kind: 'CODED',
        codedKind: entry.codedKind ?? 'FINDING',
        snomedCode: entry.snomedCode ?? '',
        term: entry.term ?? '',
      };
    case 'NOTE':
      return { kind: 'NOTE', text: entry.text ?? '', adminOnly: entry.adminOnly };
    case 'MEDICATION':
      return {
        kind: 'MEDICATION',
        dmdCode: entry.dmdCode ?? '',
        name: entry.medicationName ?? '',
        dose: entry.dose ?? '',
        quantity: entry.quantity ?? '',
      };
    case 'DOCUMENT':
      return {
        kind: 'DOCUMENT',
        title: entry.documentTitle ?? '',
        contentType: entry.documentContentType ?? '',
        sizeBytes: entry.documentSizeBytes ?? 0,
        reference: entry.documentReference ?? '',
      };
    default: {
      const never: never = entry.kind;
      throw new Error(`unknown entry kind ${String(never)}`);
    }
  }
}
