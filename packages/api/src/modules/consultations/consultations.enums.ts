import { registerEnumType } from 'type-graphql';
import { CODED_KINDS, CONSULTATION_STATES, ENTRY_KINDS } from './consultation.codes.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const HubConsultationStateEnum = enumOf(CONSULTATION_STATES);
registerEnumType(HubConsultationStateEnum, {
  name: 'HubConsultationState',
  description: 'Whether the latest changes are saved.',
  valuesConfig: {
    DRAFT: { description: 'Has unsaved changes (or was never saved).' },
    SAVED: { description: 'The latest version is saved; write-back has been decided for it.' },
  },
});

export const EntryKindEnum = enumOf(ENTRY_KINDS);
registerEnumType(EntryKindEnum, {
  name: 'ConsultationEntryKind',
  description: 'What a consultation entry holds.',
  valuesConfig: {
    CODED: { description: 'A SNOMED CT coded finding or procedure.' },
    NOTE: { description: 'Free text.' },
    MEDICATION: { description: 'A dm+d medication with dose and quantity.' },
    DOCUMENT: { description: 'A clinical document (metadata; the bytes are held elsewhere).' },
  },
});

export const CodedKindEnum = enumOf(CODED_KINDS);
registerEnumType(CodedKindEnum, {
  name: 'CodedEntryKind',
  description: 'What a coded entry records.',
  valuesConfig: { FINDING: { description: 'A clinical finding.' }, PROCEDURE: { description: 'A procedure.' } },
});
