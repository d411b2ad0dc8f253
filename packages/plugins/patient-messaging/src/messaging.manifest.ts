import { definePlugin } from '@pcn-hub/sdk/plugin';

/** The plugin's name: the hub records it as the reporter of each reply's status. */
export const PATIENT_MESSAGING_PLUGIN_NAME = 'patient-messaging';

/**
 * The plugin's manifest: it receives `inbox.REPLY_REQUESTED` from each organisation that enables it
 * (the hub, practices), reads the reply and the patient's address with `patient-messages:send`,
 * delivers it through an SMS or e-mail gateway and reports the status. The webhook URL is the
 * deployment's: {@link patientMessagingManifestWith}.
 */
export const patientMessagingManifest = definePlugin({
  name: PATIENT_MESSAGING_PLUGIN_NAME,
  displayName: 'Patient Messaging',
  vendor: 'pcn-hub (first party)',
  version: '0.1.0',
  description:
    'Delivers the replies hub and practice staff send patients from online consultations (advice, a booking link, ' +
    'a request for a photo) by SMS or e-mail through a messaging gateway, and reports their delivery status.',
  scopes: ['patient-messages:send', 'events:read'],
  producesCodes: [],
  producesEntryKinds: [],
  events: ['inbox.REPLY_REQUESTED'],
});

/** The manifest with the deployment's webhook URL (https, or http to a loopback address for development). */
export function patientMessagingManifestWith(options: {
  readonly webhookUrl: string;
}): typeof patientMessagingManifest {
  return definePlugin({ ...patientMessagingManifest, webhookUrl: options.webhookUrl });
}
