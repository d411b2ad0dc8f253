import { toGlobalId } from '../../platform/graphql/relay.js';
import type { Consultation, ConsultationEntry } from './consultation.entity.js';
import type { ConsultationEntryType, HubConsultationType } from './consultations.types.js';
import { contentOf, type EntryColumns } from './consultations.validation.js';

/** What the API shows of a consultation: the entity, or the fields of a row a write returned. */
export type ConsultationFields = Pick<
  Consultation,
  | 'id'
  | 'authorId'
  | 'location'
  | 'startedAt'
  | 'clinicallyRelevant'
  | 'sourceProduct'
  | 'inboxConsultationId'
  | 'state'
  | 'version'
  | 'revision'
  | 'savedAt'
  | 'savedBy'
  | 'createdAt'
> & { readonly patient: { readonly id: string }; readonly authoringOrganisation: { readonly id: string } };

export function toHubConsultationType(c: ConsultationFields): HubConsultationType {
  return {
    __typename: 'HubConsultation',
    id: toGlobalId('HubConsultation', c.id),
    dbId: c.id,
    patientId: c.patient.id,
    authoringOrgId: c.authoringOrganisation.id,
    authorId: c.authorId,
    location: c.location,
    startedAt: c.startedAt,
    clinicallyRelevant: c.clinicallyRelevant,
    sourceProduct: c.sourceProduct,
    inboxConsultationId: c.inboxConsultationId ? toGlobalId('OnlineConsultation', c.inboxConsultationId) : null,
    state: c.state,
    version: c.version,
    revision: c.revision,
    savedAt: c.savedAt ?? null,
    savedBy: c.savedBy ?? null,
    createdAt: c.createdAt,
  };
}

/** The columns of an entry the GraphQL type is made of (an entity, or a plain-SQL read's row). */
export type EntryFields = EntryColumns &
  Pick<ConsultationEntry, 'id' | 'removed' | 'revision' | 'savedRevision' | 'createdBy' | 'updatedBy' | 'updatedAt'>;

export function toEntryType(entry: EntryFields): ConsultationEntryType {
  const content = contentOf(entry);
  return {
    __typename: 'HubConsultationEntry',
    id: toGlobalId('HubConsultationEntry', entry.id),
    dbId: entry.id,
    kind: content.kind,
    coded:
      content.kind === 'CODED'
        ? { codedKind: content.codedKind, snomedCode: content.snomedCode, term: content.term }
        : null,
    note: content.kind === 'NOTE' ? { text: content.text, adminOnly: content.adminOnly } : null,
    medication:
      content.kind === 'MEDICATION'
        ? { dmdCode: content.dmdCode, name: content.name, dose: content.dose, quantity: content.quantity }
        : null,
    document:
      content.kind === 'DOCUMENT'
        ? {
            title: content.title,
            contentType: content.contentType,
            sizeBytes: content.sizeBytes,
            reference: content.reference,
          }
        : null,
    removed: entry.removed,
    unsaved: entry.revision !== entry.savedRevision,
    createdBy: entry.createdBy,
    updatedBy: entry.updatedBy,
    updatedAt: entry.updatedAt,
  };
}
