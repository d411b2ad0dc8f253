import type { FilterQuery } from '@mikro-orm/core';
import { normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../platform/context.js';
import { Errors } from '../../platform/errors.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { keyset } from '../../platform/graphql/keyset.js';
import type { ReferralMethod } from '../hub-services/index.js';
import { Organisation } from '../organisations/index.js';
import { PatientTraceTask } from './hub-registration.entity.js';
import { Referral } from './referral.entity.js';
import type { ReferralState } from './referral.state.js';
import type { TraceTaskState } from './referrals.codes.js';
import { ReferralErrors } from './referrals.errors.js';
import { canSeeReferral, referralScope } from './referrals.policy.js';

export interface ReferralFilter {
  serviceId?: string | null;
  practice?: string | null;
  state?: ReferralState | null;
  method?: ReferralMethod | null;
  from?: Date | null;
  to?: Date | null;
}

const byId = { property: 'id', part: 'uuid', of: (row: { id: string }) => row.id } as const;
/** Referrals, newest first (ids are UUIDv7, so creation order). */
const REFERRAL_PAGE = keyset([byId], 'desc');
/** Trace tasks, oldest first. */
const TRACE_TASK_PAGE = keyset([byId], 'asc');

/** Cursor over id (the same for both orders). */
export const idCursor = REFERRAL_PAGE.cursorOf;

/** Reads of referrals and trace tasks. Referral reads carry NHS numbers, so each is audited. */
export class ReferralQueries {
  constructor(private readonly ctx: AuthenticatedContext) {}

  async byId(globalId: string, field = 'id'): Promise<Referral> {
    const id = expectGlobalId(globalId, 'Referral', field);
    const r = await this.ctx.em.findOne(Referral, { id });
    if (!r || !canSeeReferral(this.ctx.actor, { hubId: r.hub.id, fromOrgId: r.fromOrganisation.id })) {
      await this.ctx.audit.recordNow(this.ctx.em, [
        {
          action: 'readReferral',
          subjectType: 'Referral',
          subjectId: id,
          outcome: 'FAILED',
          reason: 'not found or not visible',
        },
      ]);
      throw ReferralErrors.notFound(id, field);
    }
    await this.audit([r]);
    return r;
  }

  /** A keyset page, newest first. Hub staff see the hub's referrals; practice staff their own only. */
  async list(filter: ReferralFilter, size: number, after: string | null): Promise<Referral[]> {
    const where: FilterQuery<Referral>[] = [referralScope(this.ctx.actor)];
    if (filter.serviceId) where.push({ service: expectGlobalId(filter.serviceId, 'HubService', 'filter.serviceId') });
    if (filter.practice) {
      const practice = await this.ctx.em.findOne(Organisation, {
        odsCode: normaliseOdsCode(filter.practice),
        kind: 'PRACTICE',
        pcn: this.ctx.actor.pcnId,
      });
      if (!practice) throw ReferralErrors.practiceNotFound('filter.practice');
      where.push({ fromOrganisation: practice.id });
    }
    if (filter.state) where.push({ state: filter.state });
    if (filter.method) where.push({ method: filter.method });
    if (filter.from && filter.to && filter.to <= filter.from)
      throw Errors.badInput('filter.to', 'to must be after from');
    if (filter.from) where.push({ createdAt: { $gte: filter.from } });
    if (filter.to) where.push({ createdAt: { $lt: filter.to } });
    const next = REFERRAL_PAGE.after(after);
    if (next) where.push(next);
    const rows = await this.ctx.em.find(Referral, { $and: where }, { orderBy: REFERRAL_PAGE.orderBy, limit: size + 1 });
    await this.audit(rows.slice(0, size));
    return rows;
  }

  /** The hub's trace tasks in `state`, oldest first (the order they should be worked). */
  async traceTasks(state: TraceTaskState, size: number, after: string | null): Promise<PatientTraceTask[]> {
    const actor = this.ctx.actor;
    if (actor.organisationKind !== 'HUB') return [];
    const where: FilterQuery<PatientTraceTask>[] = [{ hub: actor.organisationId, state }];
    const next = TRACE_TASK_PAGE.after(after);
    if (next) where.push(next);
    const rows = await this.ctx.em.find(
      PatientTraceTask,
      { $and: where },
      { orderBy: TRACE_TASK_PAGE.orderBy, limit: size + 1 },
    );
    await this.ctx.audit.recordNow(
      this.ctx.em,
      rows.slice(0, size).map((t) => ({
        action: 'readPatientTraceTask',
        subjectType: 'PatientTraceTask',
        subjectId: t.id,
        patientId: t.patient.id,
      })),
    );
    return rows;
  }

  private async audit(rows: readonly Referral[]): Promise<void> {
    await this.ctx.audit.recordNow(
      this.ctx.em,
      rows.map((r) => ({ action: 'readReferral', subjectType: 'Referral', subjectId: r.id, patientId: r.patient.id })),
    );
  }
}
