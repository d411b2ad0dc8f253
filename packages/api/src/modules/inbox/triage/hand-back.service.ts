import { normaliseOdsCode } from '@pcn-hub/schema';
import type { FilterQuery } from '@mikro-orm/core';
import type { Tx } from '../../../platform/changes.js';
import type { Em } from '../../../platform/db/orm.js';
import { Errors, HubError } from '../../../platform/errors.js';
import { findHubOfPcn } from '../../hub-services/index.js';
import { Patient } from '../../patients/index.js';
import { OnlineConsultation } from '../online-consultation.entity.js';
import { CONSULTATION_STATES, OPEN_STATES, targetsOf, type ConsultationState } from '../online-consultation.state.js';
import { ContinuityErrors, InboxErrors } from '../inbox.errors.js';
import { consultationGlobalId } from '../inbox.mappers.js';
import { canHandBack, canManageContinuity } from '../inbox.policy.js';
import { optionalText, requiredText } from '../inbox.validation.js';
import { TransitionRunner, lockOf } from './transition.service.js';

/** The states a hand-back takes consultations from: those PASS_BACK leaves. */
export const HAND_BACK_STATES: readonly ConsultationState[] = CONSULTATION_STATES.filter(
  (s) => targetsOf('PASS_BACK', s).length > 0,
);

/** At most this many per call: a larger backlog is handed back by calling again (see `remaining`). */
export const HAND_BACK_MAX = 500;

/** Where a pass-back goes: the matched patient's registered practice, else the originating practice. */
export async function passBackTarget(em: Em, c: OnlineConsultation): Promise<string> {
  const patient = c.patient ? await em.findOne(Patient, { id: c.patient.id }) : null;
  return patient?.registeredPractice.id ?? c.originatingPractice.id;
}

export interface HandBackResult {
  readonly handedBack: OnlineConsultation[];
  readonly skipped: { consultationId: string; reason: string }[];
  readonly remaining: number;
}

/**
 * The hub manager's bulk hand-back (business continuity): every selected open hub consultation is
 * passed back to its practice by the usual transition runner, one locked transaction each, so each
 * gets its own history row, audit row and events on the hub's and the practice's inbox streams.
 */
export class HandBackService extends TransitionRunner {
  async handBack(input: {
    reason: string;
    triageNotes?: string | null;
    states?: ConsultationState[] | null;
    originatingPracticeOdsCode?: string | null;
  }): Promise<HandBackResult> {
    const reason = requiredText(input.reason, 'input.reason', 2000);
    const triageNotes = optionalText(input.triageNotes, 'input.triageNotes', 5000);
    const states = input.states?.length ? [...new Set(input.states)] : [...HAND_BACK_STATES];
    const wrong = states.find((s) => !HAND_BACK_STATES.includes(s));
    if (wrong)
      throw Errors.badInput('input.states', `${wrong} cannot be handed back; use ${HAND_BACK_STATES.join(', ')}`);
    const hub = await findHubOfPcn(this.ctx.em, this.actor.pcnId);
    if (!hub) throw InboxErrors.noHub();
    if (!canManageContinuity(this.actor, hub.id)) throw ContinuityErrors.notManager();

    const where: FilterQuery<OnlineConsultation> = { owner: hub.id, state: { $in: states } };
    if (input.originatingPracticeOdsCode) {
      where.originatingPractice = { odsCode: normaliseOdsCode(input.originatingPracticeOdsCode) };
    }
    const candidates = await this.ctx.em.find(OnlineConsultation, where, {
      fields: ['id'],
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      limit: HAND_BACK_MAX,
    });

    const handedBack: OnlineConsultation[] = [];
    const skipped: HandBackResult['skipped'] = [];
    for (const { id } of candidates) {
      try {
        handedBack.push(
          await this.run(
            consultationGlobalId(id),
            'PASS_BACK',
            (c, tx, now) => this.rule(c, tx, now, hub.id, reason, triageNotes),
            'in-rule',
          ),
        );
      } catch (error) {
        // Changed since it was listed (claimed, moved, finished): it stays where it is now.
        if (!(error instanceof HubError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
        const code = error.extensions.reason;
        skipped.push({
          consultationId: consultationGlobalId(id),
          reason: typeof code === 'string' ? code : error.code,
        });
      }
    }
    const remaining = await this.ctx.em
      .fork()
      .count(OnlineConsultation, { owner: hub.id, state: { $in: [...OPEN_STATES] } });
    return { handedBack, skipped, remaining };
  }

  private async rule(
    c: OnlineConsultation,
    em: Tx,
    now: Date,
    hubId: string,
    reason: string,
    triageNotes: string | null,
  ) {
    if (c.owner.id !== hubId) throw InboxErrors.alreadyWithPractice(c.id);
    const to = this.step('PASS_BACK', c);
    if (!canHandBack(this.actor, { ownerId: c.owner.id }, lockOf(c), hubId, now)) throw InboxErrors.lockedByOther(c.id);
    return {
      action: 'PASS_BACK' as const,
      to,
      toOwnerId: await passBackTarget(em, c),
      routingReason: 'PASSED_BACK' as const,
      reason,
      changes: { ...(triageNotes ? { triageNotes } : {}), signpostService: null },
      lockWaived: true,
      auditAction: 'handBackHubConsultations',
      extra: { handBack: true },
    };
  }
}
