import { normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { Errors } from '../../../platform/errors.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Role } from '../../../platform/auth/roles.js';
import {
  DAYS_OF_WEEK,
  HubService,
  REFERRAL_METHODS,
  findHubOfPcn,
  type DayOfWeek,
  type ReferralMethod,
} from '../../hub-services/index.js';
import { Organisation } from '../../organisations/index.js';
import { HubTeam, OrganisationGroupMember, ReferralAgreement } from '../referral-setup.entity.js';
import type { AgreementState, AgreementType } from '../referrals.codes.js';
import { ReferralErrors } from '../referrals.errors.js';

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const inOrder = <T extends string>(values: readonly T[], order: readonly T[]): T[] =>
  order.filter((v) => values.includes(v));

/** Set-up of referral routes: accepted methods, service details, agreements, organisation group. HUB_MANAGER only. */
export class ReferralSetupService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private async hub(): Promise<Organisation> {
    const hub = await findHubOfPcn(this.ctx.em, this.ctx.actor.pcnId);
    if (!hub) throw ReferralErrors.noHub();
    return hub;
  }

  private async ownService(globalId: string): Promise<HubService> {
    const id = expectGlobalId(globalId, 'HubService', 'input.serviceId');
    const hub = await this.hub();
    const service =
      hub.id === this.ctx.actor.organisationId ? await this.ctx.em.findOne(HubService, { id, hub: hub.id }) : null;
    if (!service) throw ReferralErrors.serviceNotFound('input.serviceId');
    return service;
  }

  private async practice(odsCode: string): Promise<Organisation> {
    const org = await this.ctx.em.findOne(Organisation, {
      odsCode: normaliseOdsCode(odsCode),
      kind: 'PRACTICE',
      pcn: this.ctx.actor.pcnId,
    });
    if (!org) throw ReferralErrors.practiceNotFound('input.practiceOdsCode');
    return org;
  }

  /**
   * Replaces the methods a service accepts (the PCN's per-service decision,
   * docs/domain/workflows.md#referral-methods).
   */
  async setReferralMethods(input: { serviceId: string; methods: ReferralMethod[] }): Promise<HubService> {
    const service = await this.ownService(input.serviceId);
    const methods = inOrder(unique(input.methods), REFERRAL_METHODS);
    return this.ctx.em.transactional(async (em) => {
      const row = await em.findOneOrFail(HubService, { id: service.id });
      const before = row.referralMethods.join(',') || 'none';
      row.referralMethods = methods;
      this.ctx.audit.record(em, {
        action: 'setHubServiceReferralMethods',
        subjectType: 'HubService',
        subjectId: row.id,
        reason: `${before} -> ${methods.join(',') || 'none'}`,
      });
      return row;
    });
  }

  /** Replaces the referral-facing details of a service (criteria, days, roles). */
  async setDetails(input: {
    serviceId: string;
    inclusionCriteria?: string | null;
    exclusionCriteria?: string | null;
    daysOfOperation: DayOfWeek[];
    requiredRoles: Role[];
  }): Promise<HubService> {
    const service = await this.ownService(input.serviceId);
    const text = (value: string | null | undefined, field: string): string | null => {
      const trimmed = value?.trim() ?? '';
      if (trimmed.length > 4000) throw Errors.badInput(field, `${field} must be at most 4000 characters`);
      return trimmed || null;
    };
    const inclusion = text(input.inclusionCriteria, 'input.inclusionCriteria');
    const exclusion = text(input.exclusionCriteria, 'input.exclusionCriteria');
    if (input.requiredRoles.some((r) => !r.startsWith('HUB_'))) {
      throw Errors.badInput('input.requiredRoles', 'Required roles are hub roles');
    }
    return this.ctx.em.transactional(async (em) => {
      const row = await em.findOneOrFail(HubService, { id: service.id });
      row.inclusionCriteria = inclusion;
      row.exclusionCriteria = exclusion;
      row.daysOfOperation = inOrder(unique(input.daysOfOperation), DAYS_OF_WEEK);
      row.requiredRoles = unique(input.requiredRoles);
      this.ctx.audit.record(em, { action: 'setHubServiceDetails', subjectType: 'HubService', subjectId: row.id });
      return row;
    });
  }

  async agreements(): Promise<ReferralAgreement[]> {
    const actor = this.ctx.actor;
    const hub = await this.hub();
    return this.ctx.em.find(
      ReferralAgreement,
      { hub: hub.id, ...(actor.organisationKind === 'PRACTICE' ? { practice: actor.organisationId } : {}) },
      { orderBy: [{ practice: { odsCode: 'asc' } }, { type: 'asc' }], populate: ['practice'] },
    );
  }

  /** Sets the state of a practice<->hub agreement, creating it on first use. */
  async setAgreement(input: {
    practiceOdsCode: string;
    type: AgreementType;
    state: AgreementState;
  }): Promise<ReferralAgreement> {
    const hub = await this.hub();
    if (hub.id !== this.ctx.actor.organisationId) throw ReferralErrors.hubOnly();
    const practice = await this.practice(input.practiceOdsCode);
    return this.ctx.em.transactional(async (em) => {
      let row = await em.findOne(ReferralAgreement, { hub: hub.id, practice: practice.id, type: input.type });
      const before = row?.state ?? 'NONE';
      if (row) {
        row.state = input.state;
        row.updatedBy = this.ctx.actor.id;
      } else {
        row = em.create(ReferralAgreement, {
          id: uuidv7(),
          hub: hub.id,
          practice: practice.id,
          type: input.type,
          state: input.state,
          updatedBy: this.ctx.actor.id,
        });
      }
      this.ctx.audit.record(em, {
        action: 'setReferralAgreement',
        subjectType: 'ReferralAgreement',
        subjectId: row.id,
        reason: `${input.type} ${before} -> ${input.state}`,
      });
      return row;
    });
  }

  async groupMembers(): Promise<Organisation[]> {
    const hub = await this.hub();
    const rows = await this.ctx.em.find(OrganisationGroupMember, { hub: hub.id }, { populate: ['member'] });
    return rows.map((r) => r.member.getEntity()).sort((a, b) => a.odsCode.localeCompare(b.odsCode));
  }

  /** Adds a practice to, or removes it from, the hub's organisation group. */
  async setGroupMembership(input: {
    practiceOdsCode: string;
    member: boolean;
  }): Promise<{ practice: Organisation; member: boolean; group: Organisation[] }> {
    const hub = await this.hub();
    if (hub.id !== this.ctx.actor.organisationId) throw ReferralErrors.hubOnly();
    const practice = await this.practice(input.practiceOdsCode);
    await this.ctx.em.transactional(async (em) => {
      const row = await em.findOne(OrganisationGroupMember, { hub: hub.id, member: practice.id });
      if (input.member && !row)
        em.create(OrganisationGroupMember, {
          id: uuidv7(),
          hub: hub.id,
          member: practice.id,
          addedBy: this.ctx.actor.id,
        });
      if (!input.member && row) em.remove(row);
      this.ctx.audit.record(em, {
        action: 'setOrganisationGroupMembership',
        subjectType: 'Organisation',
        subjectId: practice.id,
        reason: input.member ? 'added' : 'removed',
      });
    });
    return { practice, member: input.member, group: await this.groupMembers() };
  }

  async teams(): Promise<HubTeam[]> {
    const hub = await this.hub();
    return this.ctx.em.find(HubTeam, { hub: hub.id }, { orderBy: { name: 'asc' } });
  }
}
