import { graphqlEnum } from '../../platform/graphql/enums.js';
import { CODED_KINDS, CONSULTATION_STATES, ENTRY_KINDS } from './consultation.codes.js';

export const HubConsultationStateEnum = graphqlEnum(CONSULTATION_STATES, {
  name: 'HubConsultationState',
  description: 'Whether the latest changes are saved.',
  values: {
    DRAFT: 'Has unsaved changes (or was never saved).',
    SAVED: 'The latest version is saved; write-back has been decided for it.',
  },
});

export const EntryKindEnum = graphqlEnum(ENTRY_KINDS, {
  name: 'ConsultationEntryKind',
  description: 'What a consultation entry holds.',
  values: {
    CODED: 'A SNOMED CT coded finding or procedure.',
    NOTE: 'Free text.',
    MEDICATION: 'A dm+d medication with dose and quantity.',
    DOCUMENT: 'A clinical document (metadata; the bytes are held elsewhere).',
  },
});

export const CodedKindEnum = graphqlEnum(CODED_KINDS, {
  name: 'CodedEntryKind',
  description: 'What a coded entry records.',
  values: {
    FINDING: 'A clinical finding.',
    PROCEDURE: 'A procedure.',
  },
});
