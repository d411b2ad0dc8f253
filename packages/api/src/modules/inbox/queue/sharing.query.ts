import type { Actor } from '../../../platform/auth/actor.js';
import type { Em } from '../../../platform/db/orm.js';
import { Organisation } from '../../organisations/index.js';
import { findHubOfPcn } from '../../hub-services/index.js';
import { loadHubCapacity } from '../capacity/capacity.service.js';
import { OcRoutingSetting } from '../inbox-settings.entity.js';
import { canReadSharedInbox, type SharingFacts } from '../inbox.policy.js';

/** Whether a practice shares its inbox with the hub (no settings row: it does not). */
async function sharesInbox(em: Em, practiceId: string): Promise<boolean> {
  const row = await em.findOne(OcRoutingSetting, { practice: practiceId });
  return row?.inboxSharing ?? false;
}

/** A practice (as the sharing rules see it) by id; null when it is not a practice. */
export async function ownerSharing(
  em: Em,
  organisationId: string,
): Promise<{ id: string; pcnId: string | null; inboxSharing: boolean } | null> {
  const org = await em.findOne(Organisation, { id: organisationId, kind: 'PRACTICE' });
  return org ? { id: org.id, pcnId: org.pcn?.id ?? null, inboxSharing: await sharesInbox(em, org.id) } : null;
}

/** The practice `odsCode` names when hub staff may read its shared inbox; null otherwise. */
export async function practiceSharing(em: Em, odsCode: string, actor: Actor): Promise<string | null> {
  const hub = await findHubOfPcn(em, actor.pcnId);
  const practice = hub ? await em.findOne(Organisation, { odsCode, kind: 'PRACTICE', pcn: actor.pcnId }) : null;
  if (!hub || !practice) return null;
  const facts = { id: practice.id, pcnId: practice.pcn?.id ?? null, inboxSharing: await sharesInbox(em, practice.id) };
  return canReadSharedInbox(actor, facts, hub.id) ? practice.id : null;
}

/**
 * The hub facts the sharing rules need for this viewer: the PCN's hub, and for practice staff the
 * hub's capacity now and whether their practice shares its inbox. Null without a hub.
 */
export async function sharingFacts(em: Em, actor: Actor): Promise<SharingFacts | null> {
  const hub = await findHubOfPcn(em, actor.pcnId);
  if (!hub) return null;
  if (actor.organisationKind !== 'PRACTICE') return { id: hub.id, state: 'NORMAL', overflowMode: null, sharing: false };
  const sharing = await sharesInbox(em, actor.organisationId);
  // Sharing shows the whole open queue whatever the capacity: the capacity is read only when it matters.
  if (sharing) return { id: hub.id, state: 'NORMAL', overflowMode: null, sharing };
  const capacity = await loadHubCapacity(em, hub.id, new Date());
  return { id: hub.id, state: capacity.state, overflowMode: capacity.overflowMode, sharing };
}

/** Whether hub staff may still read (and follow) a practice's inbox: re-read for every live event. */
export async function stillShared(em: Em, actor: Actor, practiceId: string): Promise<boolean> {
  const hub = await findHubOfPcn(em, actor.pcnId);
  const practice = hub ? await ownerSharing(em, practiceId) : null;
  return Boolean(hub && practice && canReadSharedInbox(actor, practice, hub.id));
}
