import { definePlugin } from '@pcn-hub/sdk/plugin';

/** The plugin's name. */
export const OC_SUPPLIER_PLUGIN_NAME = 'oc-supplier';

/**
 * The plugin's manifest: it only submits online consultations (`inbox:submit`). Each practice
 * whose online consultation service it serves enables it; it then acts for that practice, and the
 * hub routes each consultation to the practice's inbox or the hub's by the practice's setting.
 */
export const ocSupplierManifest = definePlugin({
  name: OC_SUPPLIER_PLUGIN_NAME,
  displayName: 'Online Consultation Supplier Adapter',
  vendor: 'pcn-hub (first party)',
  version: '0.1.0',
  description:
    "Submits patients' online consultation (triage) forms from an online consultation supplier into the inbox " +
    'of the practice they submitted to, de-duplicated on the supplier reference.',
  scopes: ['inbox:submit'],
});
