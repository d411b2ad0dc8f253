import type { DocumentMetadata } from '../../platform/documents.js';

/** A hub consultation is a DRAFT until saved; any later change makes it a DRAFT of the next version. */
export const CONSULTATION_STATES = ['DRAFT', 'SAVED'] as const;
export type HubConsultationState = (typeof CONSULTATION_STATES)[number];

/** What an entry holds (docs/domain/model.md#hub-consultations-and-entries). */
export const ENTRY_KINDS = ['CODED', 'NOTE', 'MEDICATION', 'DOCUMENT'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** What a coded entry records. */
export const CODED_KINDS = ['FINDING', 'PROCEDURE'] as const;
export type CodedKind = (typeof CODED_KINDS)[number];

/** The source product of a consultation authored in pcn-hub itself. */
export const NATIVE_SOURCE = 'NATIVE';

/** A plugin id: lower-case letters, digits, dot, hyphen, underscore. */
export const PLUGIN_ID = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** The content of one entry, by kind; what write-back sends. */
export type EntryContent =
  | { readonly kind: 'CODED'; readonly codedKind: CodedKind; readonly snomedCode: string; readonly term: string }
  | { readonly kind: 'NOTE'; readonly text: string; readonly adminOnly: boolean }
  | {
      readonly kind: 'MEDICATION';
      readonly dmdCode: string;
      readonly name: string;
      readonly dose: string;
      readonly quantity: string;
    }
  | ({ readonly kind: 'DOCUMENT' } & DocumentMetadata);
