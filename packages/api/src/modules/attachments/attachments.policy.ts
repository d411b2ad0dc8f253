import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole } from '../../platform/auth/actor.js';
import { SUBMITTER_ROLES } from '../inbox/index.js';

/** Who may upload an attachment's bytes: whoever may submit the consultation (a supplier, or a plugin with inbox:submit). */
export function canUpload(actor: Actor): boolean {
  return actor.plugin ? actor.plugin.scopes.has('inbox:submit') : hasAnyRole(actor, SUBMITTER_ROLES);
}

/** A submitter reaches the practices of its PCN; one acting for a practice only that practice (as submission does). */
export function submitterReaches(actor: Actor, practice: { id: string; pcnId: string | null }): boolean {
  return (
    practice.pcnId === actor.pcnId && (actor.organisationKind !== 'PRACTICE' || practice.id === actor.organisationId)
  );
}

/** A scanner: a plugin with attachments:scan acting for the inbox the attachment arrived in. */
export function isScannerFor(actor: Actor, attachment: { organisationId: string }): boolean {
  return Boolean(actor.plugin?.scopes.has('attachments:scan')) && actor.organisationId === attachment.organisationId;
}
