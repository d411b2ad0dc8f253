const HUB_STAFF = ['HUB_CLINICIAN', 'HUB_PRESCRIBER', 'HUB_ADMIN', 'HUB_MANAGER'] as const;
const PRACTICE_STAFF = ['PRACTICE_CLINICIAN', 'PRACTICE_ADMIN'] as const;

/**
 * The platform roles carried in the `roles` claim (`ROLES.all`), and the named groups of them that
 * `@Authorized(...)` and the module policies use instead of writing a list out again: a module's
 * policy names what a group may do (`PATIENT_READERS = ROLES.staff`).
 */
export const ROLES = {
  all: [...HUB_STAFF, ...PRACTICE_STAFF, 'PCN_ANALYST', 'INTEGRATION'],
  /** Everyone who works in the hub. */
  hubStaff: HUB_STAFF,
  /** Everyone who works in a practice. */
  practiceStaff: PRACTICE_STAFF,
  /** Hub and practice staff: the people who see patients' records in their work. */
  staff: [...HUB_STAFF, ...PRACTICE_STAFF],
  /** The hub's clinicians (who consult and prescribe). */
  hubClinicians: ['HUB_CLINICIAN', 'HUB_PRESCRIBER'],
  /** Clinicians of the hub and of practices. */
  clinicians: ['HUB_CLINICIAN', 'HUB_PRESCRIBER', 'PRACTICE_CLINICIAN'],
  /** Who administers an organisation's settings: the hub's manager, a practice's admin. */
  administrators: ['HUB_MANAGER', 'PRACTICE_ADMIN'],
  /** The hub's administration: its admins and its manager. */
  hubAdministration: ['HUB_ADMIN', 'HUB_MANAGER'],
  /** Who reads PCN-level aggregates (never a patient). */
  analysts: ['PCN_ANALYST', 'HUB_MANAGER'],
} as const;
export type Role = (typeof ROLES.all)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES.all as readonly string[]).includes(value);
}

/** Which organisation kinds may hold each role: a hub role in a practice token is a forged token. */
export const ROLE_ORGANISATION_KINDS: Readonly<Record<Role, readonly string[]>> = {
  HUB_CLINICIAN: ['HUB'],
  HUB_PRESCRIBER: ['HUB'],
  HUB_ADMIN: ['HUB'],
  HUB_MANAGER: ['HUB'],
  PRACTICE_CLINICIAN: ['PRACTICE'],
  PRACTICE_ADMIN: ['PRACTICE'],
  PCN_ANALYST: ['PCN', 'HUB'],
  INTEGRATION: ['PCN', 'HUB', 'PRACTICE'],
};
