import type { Role } from './roles.js';

/** Who is making the request, resolved from a verified token and the organisation table. */
export interface Actor {
  readonly kind: 'USER' | 'INTEGRATION' | 'PLUGIN';
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
  /** Set for a plugin principal (an API key): what it may do and for whom it acts. */
  readonly plugin?: PluginPrincipal | null;
  /**
   * Re-checks, for a long-lived stream, that the credential still holds (a plugin key not revoked
   * or rotated out, the plugin still active and enabled, `scope` still granted). Absent for staff,
   * whose accounts the stream checks itself.
   */
  readonly stillAllowed?: ((scope: string) => Promise<boolean>) | null;
}

/** A plugin calling with its API key, for one organisation that enabled it. */
export interface PluginPrincipal {
  readonly id: string;
  /** The plugin's name: its consultation entries carry it as their source product. */
  readonly name: string;
  readonly keyId: string;
  readonly scopes: ReadonlySet<string>;
  /** A staff username of the organisation the call is made for, when the vendor names one. */
  readonly onBehalfOf: string | null;
  /** The SNOMED CT codes its approved manifest declares (`producesCodes`): the only ones it may write; null: none declared. */
  readonly producesCodes?: ReadonlySet<string> | null;
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((role) => actor.roles.has(role));
}
