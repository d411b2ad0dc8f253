/** Platform roles carried in the `roles` claim. */
export const ROLES = [
  'HUB_CLINICIAN',
  'HUB_PRESCRIBER',
  'HUB_ADMIN',
  'HUB_MANAGER',
  'PRACTICE_CLINICIAN',
  'PRACTICE_ADMIN',
  'PCN_ANALYST',
  'INTEGRATION',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
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
