import { isValidPracticeOdsCode, normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../platform/context.js';
import type { Em } from '../../platform/db/orm.js';
import { Errors } from '../../platform/errors.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Organisation, type OrganisationKind } from './organisation.entity.js';
import { StaffUser } from './staff-user.entity.js';
import { hintStaffAccountChanged } from './accounts.service.js';
import { OrganisationErrors } from './organisations.errors.js';
import { canManageStaffOf, canSeeOrganisation, rolesFitOrganisation } from './organisations.policy.js';

const USERNAME = /^[a-z0-9._-]{3,100}$/;

function cleanName(value: string, field: string): string {
  const name = value.trim();
  if (name.length < 1 || name.length > 200) throw OrganisationErrors.badName(field);
  return name;
}

/** Use cases for organisations and staff. The only place that touches their tables. */
export class OrganisationService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private get actor(): Actor {
    return this.ctx.actor;
  }

  /** An organisation of the actor's PCN by ODS code; any other answers NOT_FOUND. */
  async byOdsCode(odsCode: string): Promise<Organisation> {
    const org = await this.ctx.em.findOne(Organisation, { odsCode: normaliseOdsCode(odsCode) });
    if (!org || !canSeeOrganisation(this.actor, { id: org.id, pcnId: org.pcn?.id ?? null })) {
      throw OrganisationErrors.notFound(normaliseOdsCode(odsCode));
    }
    return org;
  }

  /** The PCN's organisations, optionally of one kind, ordered by ODS code. */
  async list(kind: OrganisationKind | null): Promise<Organisation[]> {
    const pcnId = this.actor.pcnId;
    return this.ctx.em.find(
      Organisation,
      { $and: [{ $or: [{ id: pcnId }, { pcn: pcnId }] }, kind ? { kind } : {}] },
      { orderBy: { odsCode: 'asc' } },
    );
  }

  async addPractice(input: { odsCode: string; name: string }): Promise<Organisation> {
    const odsCode = normaliseOdsCode(input.odsCode);
    if (!isValidPracticeOdsCode(odsCode)) throw OrganisationErrors.notAPractice('input.odsCode');
    const name = cleanName(input.name, 'input.name');
    return this.ctx.em.transactional(async (em) => {
      if (await em.count(Organisation, { odsCode })) throw OrganisationErrors.odsCodeTaken(odsCode);
      const practice = em.create(Organisation, {
        kind: 'PRACTICE',
        odsCode,
        name,
        pcn: em.getReference(Organisation, this.actor.pcnId),
        active: true,
      });
      this.ctx.audit.record(em, { action: 'addPractice', subjectType: 'Organisation', subjectId: practice.id });
      return practice;
    });
  }

  async addStaffUser(input: {
    username: string;
    displayName: string;
    organisationOdsCode: string;
    roles: Role[];
  }): Promise<StaffUser> {
    const username = input.username.trim().toLowerCase();
    if (!USERNAME.test(username)) throw OrganisationErrors.badUsername();
    const displayName = cleanName(input.displayName, 'input.displayName');
    if (input.roles.length === 0) throw Errors.badInput('input.roles', 'At least one role is required');
    const org = await this.ctx.em.findOne(Organisation, { odsCode: normaliseOdsCode(input.organisationOdsCode) });
    const scope = org ? { id: org.id, pcnId: org.pcn?.id ?? null } : null;
    // An organisation whose staff the actor may not manage answers exactly like an unknown code.
    if (!org || !scope || !canSeeOrganisation(this.actor, scope) || !canManageStaffOf(this.actor, scope)) {
      throw OrganisationErrors.notFound(normaliseOdsCode(input.organisationOdsCode));
    }
    const misfit = rolesFitOrganisation(input.roles, org.kind);
    if (misfit) throw OrganisationErrors.roleDoesNotFit(misfit, org.kind);
    if (input.roles.includes('HUB_MANAGER') && !this.actor.roles.has('HUB_MANAGER')) {
      throw Errors.forbidden('Only a hub manager may grant HUB_MANAGER');
    }
    const added = await this.ctx.em.transactional(async (em) => {
      if (await em.count(StaffUser, { username })) throw OrganisationErrors.usernameTaken();
      const user = em.create(StaffUser, {
        username,
        displayName,
        organisation: em.getReference(Organisation, org.id),
        roles: [...new Set(input.roles)],
        active: true,
      });
      this.ctx.audit.record(em, { action: 'addStaffUser', subjectType: 'StaffUser', subjectId: user.id });
      return user;
    });
    // A token subject that had no staff row keeps its token's roles until now: tell every cache.
    hintStaffAccountChanged(this.ctx.events);
    return added;
  }
}

/**
 * Resolves a token's organisation. Called once per request before the actor exists, so it takes
 * the EntityManager directly; results are cached by the caller.
 */
export async function findOrganisationForActor(
  em: Em,
  odsCode: string,
): Promise<{ id: string; kind: OrganisationKind; pcnId: string; odsCode: string } | null> {
  const org = await em.findOne(Organisation, { odsCode, active: true });
  if (!org) return null;
  const pcnId = org.kind === 'PCN' ? org.id : org.pcn?.id;
  if (!pcnId) return null;
  return { id: org.id, kind: org.kind, pcnId, odsCode: org.odsCode };
}
