import { changeRow, type Tx } from '../../../platform/changes.js';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { OnlineConsultation } from '../online-consultation.entity.js';
import {
  lockEffect,
  needsLock,
  transition,
  type ConsultationAction,
  type ConsultationState,
} from '../online-consultation.state.js';
import type { RoutingReason } from '../inbox.codes.js';
import { InboxErrors } from '../inbox.errors.js';
import { recordTransition } from '../inbox.events.js';
import { canSeeConsultation, holdsLock, lockActive, primaryFamily, type LockFacts } from '../inbox.policy.js';

/** How long a claim lasts unless renewed by claiming again. */
export const DEFAULT_LOCK_TTL_MS = 15 * 60_000;

/** What a rule decided: the transition to make and what else changes with it. */
export interface Step {
  readonly action: ConsultationAction;
  readonly to: ConsultationState;
  readonly toOwnerId?: string;
  readonly routingReason?: RoutingReason;
  readonly reason?: string | null;
  readonly changes?: Record<string, unknown>;
  readonly extra?: Record<string, string | number | boolean | null>;
  /** The rule itself allowed this change without the lock (the hub manager's bulk hand-back). */
  readonly lockWaived?: boolean;
  /** The audit action when it is not the transition's own mutation (a bulk operation). */
  readonly auditAction?: string;
}

/** Audit action names: the mutation that made each transition. */
const AUDIT_ACTION: Record<ConsultationAction, string> = {
  ARRIVE: 'submitOnlineConsultation',
  MATCH: 'matchConsultationPatient',
  CLAIM: 'claimConsultation',
  RELEASE: 'releaseConsultation',
  OVERRIDE_LOCK: 'overrideConsultationLock',
  SIGNPOST: 'signpostConsultation',
  PASS_BACK: 'passBackToPractice',
  PULL_TO_HUB: 'pullToHub',
  COMPLETE: 'completeConsultation',
  CANCEL: 'cancelConsultation',
};

export type Rule = (c: OnlineConsultation, tx: Tx, now: Date) => Promise<Step | null>;

/** What a transition recorded, for its audit row. */
interface Recorded {
  readonly step: Step;
  readonly from: ConsultationState;
}

export const lockOf = (c: OnlineConsultation): LockFacts => ({
  holder: c.lockHolder ?? null,
  holderOrgId: c.lockHolderOrgId ?? null,
  holderFamily: c.lockHolderFamily ?? null,
  expiresAt: c.lockExpiresAt ?? null,
});

/**
 * Runs one workflow change in one transaction that locks the consultation row (SELECT … FOR
 * UPDATE): the rule decides (state machine + policy), then the lock, the row, the history row, the
 * audit row and the inbox events are written together, and subscribers are hinted after commit.
 */
export abstract class TransitionRunner {
  constructor(
    protected readonly ctx: AuthenticatedContext,
    private readonly lockTtlMs: number = DEFAULT_LOCK_TTL_MS,
  ) {}

  protected get actor() {
    return this.ctx.actor;
  }

  protected step(action: ConsultationAction, c: OnlineConsultation, wanted?: ConsultationState): ConsultationState {
    const result = transition(action, c.state, wanted);
    if (!result.ok) throw InboxErrors.invalidTransition(c.id, result.from, result.to);
    return result.to;
  }

  protected requireLock(c: OnlineConsultation, now: Date): void {
    const lock = lockOf(c);
    if (holdsLock(this.actor, lock, now)) return;
    throw lockActive(lock, now) ? InboxErrors.lockedByOther(c.id) : InboxErrors.lockNotHeld(c.id);
  }

  /**
   * One transition through the platform's change recipe (`platform/changes.ts`): the locked row,
   * the visibility rule (`'owner'`: the owner's staff see it; `'in-rule'`: the rule decides and
   * throws not-found itself), the rule, then the row, history row, events and audit row; hints
   * after commit. A rule that returns null changed nothing and is not audited.
   */
  protected run(
    globalId: string,
    action: ConsultationAction,
    rule: Rule,
    visibility: 'owner' | 'in-rule' = 'owner',
  ): Promise<OnlineConsultation> {
    const id = expectGlobalId(globalId, 'OnlineConsultation', 'input.consultationId');
    return changeRow<OnlineConsultation, Recorded | null>(this.ctx, {
      entity: OnlineConsultation,
      id,
      action: AUDIT_ACTION[action],
      subjectType: 'OnlineConsultation',
      visible: visibility === 'owner' ? (c) => canSeeConsultation(this.actor, { ownerId: c.owner.id }) : 'in-apply',
      notFound: (missing) => InboxErrors.notFound(missing),
      apply: async (tx, c, events) => {
        const now = new Date();
        const step = await rule(c, tx, now);
        if (!step) return null;
        if (needsLock(step.action) && !step.lockWaived) this.requireLock(c, now);
        const from = c.state;
        const fromOwnerId = c.owner.id;
        const toOwnerId = step.toOwnerId ?? fromOwnerId;
        this.applyLock(c, step, now);
        tx.assign(c, {
          state: step.to,
          owner: toOwnerId,
          ...(step.routingReason ? { routingReason: step.routingReason } : {}),
          ...step.changes,
        });
        events.written(
          await recordTransition(tx, {
            consultation: c,
            action: step.action,
            from,
            to: step.to,
            actorId: this.actor.id,
            reason: step.reason ?? null,
            fromOwnerId: toOwnerId === fromOwnerId ? null : fromOwnerId,
            toOwnerId,
            extra: step.extra,
          }),
        );
        return { step, from };
      },
      audit: (c, done) =>
        done && {
          action: done.step.auditAction ?? AUDIT_ACTION[done.step.action],
          patientId: c.patient?.id ?? null,
          reason: `${done.from}->${done.step.to}`,
        },
    });
  }

  /** A lock expiry `lockTtlMs` from `now`. */
  protected expiry(now: Date): Date {
    return new Date(now.getTime() + this.lockTtlMs);
  }

  private applyLock(c: OnlineConsultation, step: Step, now: Date): void {
    const effect = lockEffect(step.action, step.to);
    const expiresAt = this.expiry(now);
    if (effect === 'GRANT') {
      c.lockHolder = this.actor.id;
      c.lockHolderOrgId = this.actor.organisationId;
      c.lockHolderFamily = primaryFamily(this.actor.roles);
      c.lockSince = now;
      c.lockExpiresAt = expiresAt;
    } else if (effect === 'KEEP') {
      c.lockExpiresAt = expiresAt;
    } else if (effect === 'DROP') {
      c.lockHolder = null;
      c.lockHolderOrgId = null;
      c.lockHolderFamily = null;
      c.lockSince = null;
      c.lockExpiresAt = null;
    }
  }
}
