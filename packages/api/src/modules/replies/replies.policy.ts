import { ROLES, type Role } from '../../platform/auth/roles.js';

/** Who may reply to a patient: staff who work the inbox holding the consultation (checked per consultation). */
export const REPLY_SENDERS: readonly Role[] = ROLES.staff;
