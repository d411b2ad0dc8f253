import { LockMode } from '@mikro-orm/core';
import type { AuthenticatedContext } from '../../platform/context.js';
import type { Em } from '../../platform/db/orm.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { releaseSlot } from '../appointments/index.js';
import { PatientTraceTask } from './hub-registration.entity.js';
import { openAttendanceConsultation } from './referral-attendance.js';
import { strategyOf } from './referral-methods.js';
import { lockOpenTask, resolveTrace } from './referral-trace.js';
import { Referral } from './referral.entity.js';
import { SLOT_HOLDING_STATES, canTransition, type ReferralState } from './referral.state.js';
import { ReferralErrors } from './referrals.errors.js';
import { ReferralEvents, hintCommitted, moveReferral } from './referrals.events.js';
import { canCancel, canWorkReferral } from './referrals.policy.js';
import { ReferralService, checkReason } from './referrals.service.js';

type Guard = 'HUB' | 'CANCEL';

/** The moves of a referral after it was made: each locks the row, checks the machine, records history and events. */
export class ReferralLifecycleService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private get actor() {
    return this.ctx.actor;
  }

  private async change(
    globalId: string,
    guard: Guard,
    action: string,
    work: (em: Em, referral: Referral, events: ReferralEvents) => Promise<void>,
  ): Promise<Referral> {
    const id = expectGlobalId(globalId, 'Referral', 'input.referralId');
    const events = new ReferralEvents();
    const referral = await this.ctx.em.transactional(async (em) => {
      const r = await em.findOne(Referral, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const facts = r ? { hubId: r.hub.id, fromOrgId: r.fromOrganisation.id } : null;
      const allowed = facts && (guard === 'HUB' ? canWorkReferral(this.actor, facts) : canCancel(this.actor, facts));
      if (!r || !allowed) throw ReferralErrors.notFound(id);
      await work(em, r, events);
      this.ctx.audit.record(em, { action, subjectType: 'Referral', subjectId: r.id, patientId: r.patient.id });
      await events.appendAll(em);
      return r;
    });
    hintCommitted(this.ctx.events, events);
    return referral;
  }

  /** Leaves a slot-holding state: the slot goes back to FREE (if still in the future). */
  private async leave(
    em: Em,
    referral: Referral,
    to: ReferralState,
    reason: string | null,
    events: ReferralEvents,
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
    const events = new ReferralEvents();
    const result = await this.ctx.em.transactional(async (em) => {
      const task = this.actor.organisationKind === 'HUB' ? await lockOpenTask(em, this.actor.organisationId, id) : null;
      if (!task) throw ReferralErrors.taskNotFound(id);
      if (task.state !== 'OPEN') throw ReferralErrors.traceClosed(id);
      const moved = await resolveTrace(
        em,
        task.hub.id,
        task.patient.id,
        traced ? 'TRACED' : 'FAILED',
        this.actor.id,
        reason,
        events,
      );
      this.ctx.audit.record(em, {
        action: 'completePatientTrace',
        subjectType: 'PatientTraceTask',
        subjectId: task.id,
        patientId: task.patient.id,
        reason: traced ? 'TRACED' : 'FAILED',
      });
      await events.appendAll(em);
      return { taskId: task.id, referrals: moved };
    });
    hintCommitted(this.ctx.events, events);
    const task = await this.ctx.em.fork().findOneOrFail(PatientTraceTask, { id: result.taskId });
    return { task, referrals: result.referrals };
  }
}
