import { changeRow, runChange, type ChangeEvents, type Tx } from '../../../platform/changes.js';
import type { AuthenticatedContext } from '../../../platform/context.js';

import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { releaseSlot } from '../../appointments/index.js';
import { PatientTraceTask } from '../hub-registration.entity.js';
import { openAttendanceConsultation } from './attendance.service.js';
import { strategyOf } from '../referral-methods.rules.js';
import { lockOpenTask, resolveTrace } from './trace.service.js';
import { Referral } from '../referral.entity.js';
import { SLOT_HOLDING_STATES, canTransition, type ReferralState } from '../referral.state.js';
import { ReferralErrors } from '../referrals.errors.js';
import { moveReferral } from '../referrals.events.js';
import { canCancel, canWorkReferral } from '../referrals.policy.js';
import { ReferralService, checkReason } from '../referring/referring.service.js';

type Guard = 'HUB' | 'CANCEL';

/** The moves of a referral after it was made: each locks the row, checks the machine, records history and events. */
export class ReferralLifecycleService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private get actor() {
    return this.ctx.actor;
  }

  /** One move through the platform's change recipe: the locked, visible referral, `work`, audit; hints after commit. */
  private change(
    globalId: string,
    guard: Guard,
    action: string,
    work: (tx: Tx, referral: Referral, events: ChangeEvents) => Promise<void>,
  ): Promise<Referral> {
    return changeRow(this.ctx, {
      entity: Referral,
      id: expectGlobalId(globalId, 'Referral', 'input.referralId'),
      action,
      subjectType: 'Referral',
      visible: (r) => {
        const facts = { hubId: r.hub.id, fromOrgId: r.fromOrganisation.id };
        return guard === 'HUB' ? canWorkReferral(this.actor, facts) : canCancel(this.actor, facts);
      },
      notFound: (id) => ReferralErrors.notFound(id),
      apply: work,
      audit: (r) => ({ patientId: r.patient.id }),
    });
  }

  /** Leaves a slot-holding state: the slot goes back to FREE (if still in the future). */
  private async leave(
    em: Tx,
    referral: Referral,
    to: ReferralState,
    reason: string | null,
    events: ChangeEvents,
  ): Promise<void> {
    const held = SLOT_HOLDING_STATES.includes(referral.state) && referral.slot;
    if (to === 'CANCELLED' || to === 'REJECTED') referral.outcomeReason = reason?.slice(0, 500) ?? null;
    await moveReferral(em, referral, to, this.actor.id, reason, events);
    if (held && (to === 'CANCELLED' || to === 'REJECTED')) await releaseSlot(em, referral.slot!.id);
  }

  /** The hub takes on a referral without a slot (task, letter, signposted consultation): REQUESTED -> READY. */
  accept(input: { referralId: string; reason?: string | null }): Promise<Referral> {
    const reason = checkReason(input.reason, false, 500);
    return this.change(input.referralId, 'HUB', 'acceptReferral', (em, r, events) =>
      moveReferral(em, r, 'READY', this.actor.id, reason, events),
    );
  }

  /** The hub refuses a referral, with a reason. */
  reject(input: { referralId: string; reason: string }): Promise<Referral> {
    const reason = checkReason(input.reason, true, 500);
    return this.change(input.referralId, 'HUB', 'rejectReferral', (em, r, events) =>
      this.leave(em, r, 'REJECTED', reason, events),
    );
  }

  /** The referring practice or the hub withdraws a referral, with a reason; its slot is freed. */
  cancel(input: { referralId: string; reason: string }): Promise<Referral> {
    const reason = checkReason(input.reason, true, 500);
    return this.change(input.referralId, 'CANCEL', 'cancelReferral', (em, r, events) =>
      this.leave(em, r, 'CANCELLED', reason, events),
    );
  }

  /** The hub books a slot for a REQUESTED referral (REQUESTED -> BOOKED -> READY or AWAITING_TRACE). */
  async book(input: { referralId: string; slotId: string }): Promise<Referral> {
    const slotId = expectGlobalId(input.slotId, 'Slot', 'input.slotId');
    const creator = new ReferralService(this.ctx);
    return this.change(input.referralId, 'HUB', 'bookReferral', async (em, r, events) => {
      if (!canTransition(r.state, 'BOOKED')) throw ReferralErrors.invalidTransition(r.id, r.state, 'BOOKED');
      await creator.checkSlot(em, slotId, r.hub.id, r.service.id, false);
      await creator.book(em, r, slotId, strategyOf(r.method), events);
    });
  }

  /** Attendance: ATTENDED opens a hub consultation for the patient; otherwise DID_NOT_ATTEND. */
  recordAttendance(input: { referralId: string; attended: boolean; reason?: string | null }): Promise<Referral> {
    const reason = checkReason(input.reason, false, 500);
    return this.change(
      input.referralId,
      'HUB',
      input.attended ? 'recordAttendance' : 'recordDidNotAttend',
      async (em, r, events) => {
        if (!input.attended) {
          await moveReferral(em, r, 'DID_NOT_ATTEND', this.actor.id, reason, events);
          return;
        }
        await moveReferral(em, r, 'ATTENDED', this.actor.id, reason, events);
        r.consultationId = await openAttendanceConsultation(this.ctx, em, r);
      },
    );
  }

  /** The work is done: READY or ATTENDED -> COMPLETED. */
  complete(input: { referralId: string; reason?: string | null }): Promise<Referral> {
    const reason = checkReason(input.reason, false, 500);
    return this.change(input.referralId, 'HUB', 'completeReferral', (em, r, events) =>
      moveReferral(em, r, 'COMPLETED', this.actor.id, reason, events),
    );
  }

  /**
   * Hub admin traced (or could not trace) the patient of a trace task: TRACED registers them at
   * the hub and makes every referral waiting on them READY; not traced rejects those referrals.
   */
  async completeTrace(input: {
    taskId: string;
    traced?: boolean | null;
    reason?: string | null;
  }): Promise<{ task: PatientTraceTask; referrals: Referral[] }> {
    const id = expectGlobalId(input.taskId, 'PatientTraceTask', 'input.taskId');
    const traced = input.traced ?? true;
    const reason = checkReason(input.reason, !traced, 500);
    const result = await runChange(this.ctx, {
      action: 'completePatientTrace',
      subjectType: 'PatientTraceTask',
      subjectId: id,
      work: async (tx, events) => {
        const task =
          this.actor.organisationKind === 'HUB' ? await lockOpenTask(tx, this.actor.organisationId, id) : null;
        if (!task) throw ReferralErrors.taskNotFound(id);
        if (task.state !== 'OPEN') throw ReferralErrors.traceClosed(id);
        const outcome = traced ? 'TRACED' : 'FAILED';
        const moved = await resolveTrace(tx, task.hub.id, task.patient.id, outcome, this.actor.id, reason, events);
        return { taskId: task.id, patientId: task.patient.id, referrals: moved };
      },
      audit: (done) => ({ subjectId: done.taskId, patientId: done.patientId, reason: traced ? 'TRACED' : 'FAILED' }),
    });
    const task = await this.ctx.em.fork().findOneOrFail(PatientTraceTask, { id: result.taskId });
    return { task, referrals: result.referrals };
  }
}
