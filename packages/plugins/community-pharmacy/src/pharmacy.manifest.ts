import { definePlugin } from '@pcn-hub/sdk/plugin';
import { CONDITION_CODES } from './pharmacy.conditions.js';

/** The plugin's name: entries it records carry it as their source product. */
export const COMMUNITY_PHARMACY_PLUGIN_NAME = 'community-pharmacy';

/**
 * The plugin's manifest. It records consultations for the hub it is enabled by (the pharmacy is
 * not an organisation of the PCN: the hub hosts the record and writes it back), reads their
 * write-back, and wants write-back events from each practice that enables it too.
 * No webhook URL: events arrive by subscription unless {@link communityPharmacyManifestWith} adds one.
 */
export const communityPharmacyManifest = definePlugin({
  name: COMMUNITY_PHARMACY_PLUGIN_NAME,
  displayName: 'Community Pharmacy Consultations',
  vendor: 'pcn-hub (first party)',
  version: '0.1.0',
  description:
    'Records minor-illness consultations done at community pharmacies (Pharmacy First clinical pathways) ' +
    "as hub consultations with SNOMED CT coded entries, written back to the patient's registered practice.",
  scopes: ['consultations:write', 'entries:write', 'consultations:read', 'write-back:read', 'events:read'],
  producesCodes: [...new Set(Object.values(CONDITION_CODES).map((coding) => coding.snomedCode))],
  producesEntryKinds: ['CODED', 'NOTE', 'MEDICATION'],
  events: ['write-back.*'],
});

/** The manifest with the deployment's webhook URL (https, or http to a loopback address for development). */
export function communityPharmacyManifestWith(options: {
  readonly webhookUrl: string;
}): typeof communityPharmacyManifest {
  return definePlugin({ ...communityPharmacyManifest, webhookUrl: options.webhookUrl });
}
