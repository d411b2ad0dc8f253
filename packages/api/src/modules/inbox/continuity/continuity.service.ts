import { LockMode } from '@mikro-orm/core';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { Errors } from '../../../platform/errors.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { Organisation } from '../../organisations/index.js';
import { findHubOfPcn } from '../../hub-services/index.js';
import { HubClosure } from '../inbox-settings.entity.js';
import type { HubClosureKind } from '../inbox.codes.js';
import { ContinuityErrors, InboxErrors } from '../inbox.errors.js';
import { canManageContinuity } from '../inbox.policy.js';
import { requiredText } from '../inbox.validation.js';
import { closureInForce, closuresOverlapping, effectiveEnd } from './hub-closure.query.js';

/** How far in the past a planned start may lie (clock skew between the client and the hub). */
const START_SKEW_MS = 5 * 60_000;

export interface DeclareClosure {
  readonly kind: HubClosureKind;
  readonly reason: string;
  readonly startsAt?: Date | null;
  readonly endsAt?: Date | null;
  readonly capacityPercent?: number | null;
}

/** Checks a declaration completely before anything is read or stored. */
export function validateDeclaration(
  input: DeclareClosure,
  now: Date,
): { startsAt: Date; endsAt: Date | null; capacityPercent: number | null; reason: string } {
  const reason = requiredText(input.reason, 'input.reason', 2000);
  const startsAt = input.startsAt ?? now;
  if (startsAt.getTime() < now.getTime() - START_SKEW_MS)
    throw Errors.badInput('input.startsAt', 'startsAt cannot be in the past');
  const endsAt = input.endsAt ?? null;
  if (endsAt && endsAt.getTime() <= startsAt.getTime())
    throw Errors.badInput('input.endsAt', 'endsAt must be after startsAt');
  const percent = input.capacityPercent ?? null;
  if (input.kind === 'REDUCED_CAPACITY') {
    if (percent === null || !Number.isInteger(percent) || percent < 1 || percent > 99) {
      throw Errors.badInput('input.capacityPercent', 'capacityPercent must be 1-99 for REDUCED_CAPACITY');
    }
  } else if (percent !== null) {
    throw Errors.badInput('input.capacityPercent', 'capacityPercent is for REDUCED_CAPACITY only');
  }
  return { startsAt, endsAt, capacityPercent: percent, reason };
}

/** Business continuity: the hub manager closes the hub or reduces its capacity, and reopens it. */
export class ContinuityService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private async hub(): Promise<Organisation> {
    const hub = await findHubOfPcn(this.ctx.em, this.ctx.actor.pcnId);
    if (!hub) throw InboxErrors.noHub();
    return hub;
  }

  /** The hub's periods in force or planned (not yet over), earliest first. */
  async current(): Promise<HubClosure[]> {
    const hub = await this.hub();
    return closuresOverlapping(this.ctx.em, hub.id, new Date(), null);
  }

  /** One of the viewer's hub's periods; another hub's answers NOT_FOUND. */
  async byId(globalId: string, field = 'id'): Promise<HubClosure> {
    const id = expectGlobalId(globalId, 'HubClosure', field);
    const hub = await this.hub();
    const found = await this.ctx.em.findOne(HubClosure, { id, hub: hub.id });
    if (!found) throw ContinuityErrors.closureNotFound(id, field);
    return found;
  }

  async declare(input: DeclareClosure): Promise<HubClosure> {
    const now = new Date();
    const clean = validateDeclaration(input, now);
    const hub = await this.hub();
    if (!canManageContinuity(this.ctx.actor, hub.id)) throw ContinuityErrors.notManager();
    return this.ctx.em.transactional(async (em) => {
      // One declaration at a time per hub: the overlap check and the insert see the same periods.
      await em.findOne(Organisation, { id: hub.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const [clash] = await closuresOverlapping(em, hub.id, clean.startsAt, clean.endsAt);
      if (clash) throw ContinuityErrors.overlaps(hub.id, clash.kind, input.kind);
      const closure = em.create(HubClosure, {
        hub: hub.id,
        kind: input.kind,
        startsAt: clean.startsAt,
        endsAt: clean.endsAt,
        capacityPercent: clean.capacityPercent,
        reason: clean.reason,
        declaredBy: this.ctx.actor.id,
        endedAt: null,
        endedBy: null,
        endReason: null,
      });
      this.ctx.audit.record(em, {
        action: 'declareHubClosure',
        subjectType: 'HubClosure',
        subjectId: closure.id,
        reason: `${input.kind}${clean.capacityPercent ? ` ${clean.capacityPercent}%` : ''} ${clean.startsAt.toISOString()}..${clean.endsAt?.toISOString() ?? 'reopen'}`,
      });
      return closure;
    });
  }

  /** Ends the named period (or the one in force now); a planned one not yet started is withdrawn. */
  async reopen(input: { closureId?: string | null; reason: string }): Promise<HubClosure> {
    const reason = requiredText(input.reason, 'input.reason', 2000);
    const wanted = input.closureId ? expectGlobalId(input.closureId, 'HubClosure', 'input.closureId') : null;
    const hub = await this.hub();
    if (!canManageContinuity(this.ctx.actor, hub.id)) throw ContinuityErrors.notManager();
    return this.ctx.em.transactional(async (em) => {
      await em.findOne(Organisation, { id: hub.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const now = new Date();
      const closure = wanted
        ? await em.findOne(HubClosure, { id: wanted, hub: hub.id })
        : await closureInForce(em, hub.id, now);
      if (!closure)
        throw wanted ? ContinuityErrors.closureNotFound(wanted, 'input.closureId') : ContinuityErrors.notClosed(hub.id);
      const end = effectiveEnd(closure);
      if (end && end.getTime() <= now.getTime()) throw ContinuityErrors.alreadyEnded(closure.id);
      em.assign(closure, { endedAt: now, endedBy: this.ctx.actor.id, endReason: reason });
      this.ctx.audit.record(em, {
        action: 'reopenHub',
        subjectType: 'HubClosure',
        subjectId: closure.id,
        reason: `${closure.kind} ended ${now.toISOString()}`,
      });
      return closure;
    });
  }
}
