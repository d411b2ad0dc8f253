import { ROLES, type Role } from '../../platform/auth/roles.js';

/**
 * Who reads the PCN's service reports: aggregates only, no patient identifiers. The same readers
 * as the PCN-level prescribing summary; practice staff and the rest of the hub team are refused.
 */
export const REPORT_READERS: readonly Role[] = ROLES.analysts;
