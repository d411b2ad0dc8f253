import type { Role } from './roles.js';

/** Who is making the request, resolved from a verified token and the organisation table. */
export interface Actor {
  readonly kind: 'USER' | 'INTEGRATION';
  /** The token subject: a staff username or an integration client id. */
  readonly id: string;
  readonly roles: ReadonlySet<Role>;
  readonly organisationId: string;
  readonly organisationOds: string;
  readonly organisationKind: 'PCN' | 'HUB' | 'PRACTICE';
  /** The PCN the actor's organisation belongs to (itself for a PCN). */
  readonly pcnId: string;
  /** When the token expires; long-lived streams stop delivering after it. */
  readonly expiresAt?: Date | null;
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((role) => actor.roles.has(role));
}
