/** The MESH plugin's manifest, as a hub manager registers it. */
import { definePlugin } from '@pcn-hub/sdk/plugin';

/**
 * The manifest of the MESH plugin. The hub enables it for the hub organisation (inbound: store
 * MESH messages, submit online consultations) and for each practice whose write-back travels over
 * MESH (look up its patients' demographics, report the practice system's acknowledgements).
 * It needs no events: write-back reaches it through each practice's HTTP write-back target.
 */
export const meshManifest = definePlugin({
  name: 'pcn-hub-mesh',
  displayName: 'MESH (NHS Message Exchange)',
  vendor: 'pcn-hub',
  version: '0.1.0',
  description:
    "Brings online consultations from the hub's MESH mailbox into the inbox, and sends write-back to practices as GP Connect Send Document messages over MESH, tracking their ITK3 acknowledgements.",
  scopes: ['messages:write', 'inbox:submit', 'patients:read', 'write-back:acknowledge'],
});
