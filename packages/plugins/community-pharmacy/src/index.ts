/**
 * @pcn-hub/plugin-community-pharmacy: community pharmacy consultations (Pharmacy First clinical
 * pathways) recorded in pcn-hub as hub consultations with coded entries, written back to the
 * patient's registered practice like the hub's own, and followed through write-back webhooks.
 */
export {
  CONDITION_CODES,
  describeOutcome,
  isPharmacyCondition,
  isPharmacyOutcome,
  PHARMACY_CONDITIONS,
  PHARMACY_OUTCOMES,
  type ConditionCoding,
  type PharmacyCondition,
  type PharmacyOutcome,
} from './pharmacy.conditions.js';
export { PharmacyConsultationConflictError, PharmacyRecordError, type RecordIssue } from './pharmacy.errors.js';
export {
  COMMUNITY_PHARMACY_PLUGIN_NAME,
  communityPharmacyManifest,
  communityPharmacyManifestWith,
} from './pharmacy.manifest.js';
export {
  pharmacyIdempotencyKeys,
  toRecordConsultationInput,
  type MapperOptions,
  type PharmacyIdempotencyKeys,
} from './pharmacy.mapper.js';
export {
  CommunityPharmacyProducer,
  type EntryWriteBack,
  type PharmacyWriteBackStatus,
  type RecordedPharmacyConsultation,
  type WaitOptions,
} from './pharmacy.producer.js';
export type { EntryView, ExplanationView } from './pharmacy.documents.js';
export type { PharmacyConsultationRecord, PharmacySupply } from './pharmacy.types.js';
export {
  createWriteBackWebhookHandler,
  type WebhookHandling,
  type WriteBackNotice,
  type WriteBackWebhookHandler,
  type WriteBackWebhookHandlerOptions,
} from './pharmacy.webhooks.js';
