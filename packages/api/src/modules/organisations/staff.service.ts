import { LockMode } from '@mikro-orm/core';
import { normaliseOdsCode } from '@pcn-hub/schema';
import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import type { AuthenticatedContext } from '../../platform/context.js';
import type { Em } from '../../platform/db/orm.js';
import { Errors } from '../../platform/errors.js';
import { keyset } from '../../platform/graphql/keyset.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationErrors } from './organisations.errors.js';
import { canManageStaffOf, canSeeOrganisation, rolesFitOrganisation } from './organisations.policy.js';
import { StaffUser } from './staff-user.entity.js';
import { hintStaffAccountChanged } from './accounts.service.js';

/** Cursor over a staff list: (username). */
/** Staff accounts by username. */
const STAFF_PAGE = keyset<StaffUser>([{ property: 'username', part: 'text', of: (u) => u.username }], 'asc');
export const staffCursor = STAFF_PAGE.cursorOf;

/**
 * Staff administration: the list of an organisation's staff, their roles, deactivation and
 * reactivation. For the hub manager (any organisation of the PCN) and a practice admin (their own
 * practice); anyone else's staff answer NOT_FOUND like unknown ones. Every change is audited; a
 * deactivated account's tokens are refused from the next request (`platform/auth/authenticate.ts`).
 */
export class StaffAdministrationService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private get actor(): Actor {
    return this.ctx.actor;
  }

  private manages(org: Organisation): boolean {
    const scope = { id: org.id, pcnId: org.pcn?.id ?? null };
    return canSeeOrganisation(this.actor, scope) && canManageStaffOf(this.actor, scope);
  }

  async list(odsCode: string, active: boolean | null, size: number, after: string | null): Promise<StaffUser[]> {
    const code = normaliseOdsCode(odsCode);
    const org = await this.ctx.em.findOne(Organisation, { odsCode: code });
    if (!org || !this.manages(org)) throw OrganisationErrors.notFound(code);
    return this.ctx.em.find(
      StaffUser,
      { organisation: org.id, ...(active === null ? {} : { active }), ...STAFF_PAGE.after(after) },
      { orderBy: STAFF_PAGE.orderBy, limit: size + 1 },
    );
  }

  setRoles(id: string, roles: readonly Role[]): Promise<StaffUser> {
    if (roles.length === 0) throw Errors.badInput('input.roles', 'At least one role is required');
    const wanted = [...new Set(roles)];
    return this.change(id, 'setStaffUserRoles', (user, org) => {
      const misfit = rolesFitOrganisation(wanted, org.kind);
      if (misfit) throw OrganisationErrors.roleDoesNotFit(misfit, org.kind);
      const before = [...(user.roles as Role[])].sort();
      // Only a hub manager grants or takes away HUB_MANAGER.
      if (wanted.includes('HUB_MANAGER') !== before.includes('HUB_MANAGER') && !this.actor.roles.has('HUB_MANAGER')) {
        throw Errors.forbidden('Only a hub manager may grant or take away HUB_MANAGER');
      }
      if (user.username === this.actor.id)
        throw OrganisationErrors.ownAdministration('input.staffUserId', 'You cannot change your own roles');
      user.roles = wanted;
      return `roles ${before.join(',')} -> ${[...wanted].sort().join(',')}`;
    });
  }

  deactivate(id: string): Promise<StaffUser> {
    return this.change(id, 'deactivateStaffUser', (user) => {
      if (user.username === this.actor.id)
        throw OrganisationErrors.ownAdministration('input.staffUserId', 'You cannot deactivate your own account');
      if (!user.active) throw Errors.invalidTransition('StaffUser', id, 'INACTIVE', 'INACTIVE');
      user.active = false;
      return 'deactivated';
    });
  }

  reactivate(id: string): Promise<StaffUser> {
    return this.change(id, 'reactivateStaffUser', (user) => {
      if (user.active) throw Errors.invalidTransition('StaffUser', id, 'ACTIVE', 'ACTIVE');
      user.active = true;
      return 'reactivated';
    });
  }

  private async change(
    id: string,
    action: string,
    apply: (user: StaffUser, org: Organisation) => string,
  ): Promise<StaffUser> {
    const changed = await this.ctx.em.transactional(async (em: Em) => {
      const user = await em.findOne(StaffUser, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const org = user ? await em.findOne(Organisation, { id: user.organisation.id }) : null;
      if (!user || !org || !this.manages(org)) throw OrganisationErrors.staffUserNotFound(id);
      const reason = apply(user, org);
      this.ctx.audit.record(em, { action, subjectType: 'StaffUser', subjectId: id, reason });
      return user;
    });
    hintStaffAccountChanged(this.ctx.events);
    return changed;
  }
}
