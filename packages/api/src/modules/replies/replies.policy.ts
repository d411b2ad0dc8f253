import type { Role } from '../../platform/auth/roles.js';

/** Who may reply to a patient: staff who work the inbox holding the consultation (checked per consultation). */
export const REPLY_SENDERS: readonly Role[] = [
  'HUB_CLINICIAN',
  'HUB_PRESCRIBER',
  'HUB_ADMIN',
  'HUB_MANAGER',
  'PRACTICE_CLINICIAN',
  'PRACTICE_ADMIN',
];
