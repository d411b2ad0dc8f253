/**
 * @pcn-hub/plugin-oc-supplier: an online consultation supplier adapter. Maps a supplier's triage
 * form to the hub's `submitOnlineConsultation` and submits it as the plugin, acting for the
 * practice the patient submitted to, de-duplicated on the supplier reference.
 */
export { OcSupplierAdapter, practiceClients, type OcSubmission, type OcSupplierAdapterOptions } from './oc.adapter.js';
export { OcFormError, OcPracticeNotEnabledError, type FormIssue } from './oc.errors.js';
export { OC_SUPPLIER_PLUGIN_NAME, ocSupplierManifest } from './oc.manifest.js';
export { toSubmitOnlineConsultationInput, type FormMapperOptions } from './oc.mapper.js';
export { RecentReferences } from './oc.recent.js';
export type { SupplierAnswer, SupplierForm, SupplierRedFlag } from './oc.types.js';
