import { LockMode } from '@mikro-orm/core';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { Errors, HubError } from '../../../platform/errors.js';
import { appendEvent } from '../../../platform/events/index.js';
import { isUuid } from '../../../platform/ids.js';
import { prescribingStream } from '../prescribing.events.js';
import { EPS_ERROR_CODE, type EpsOperation, type EpsOutcome } from './eps.codes.js';
import { EpsMessage } from '../eps-message.entity.js';
import { renderEpsMessageOf } from './eps.message.js';
import { canSeePrescription } from '../prescribing.policy.js';
import { Prescription } from '../prescription.entity.js';
import { loaderByParent } from '../../../platform/db/loaders.js';

/** Who may read an EPS message (it carries the patient's identity): prescribers, and plugins with `eps:send`. */
export function mayReadEpsMessage(ctx: AuthenticatedContext): boolean {
  const { actor } = ctx;
  if (actor.plugin) return actor.plugin.scopes.has('eps:send');
  return actor.roles.has('HUB_PRESCRIBER');
}

/** The EPS messages of prescriptions, oldest first, one SQL statement per batch. Ids and codes only. */
export const epsMessagesByPrescription = loaderByParent('prescribing.epsMessages', EpsMessage, 'prescription', {
  id: 'asc',
});

/** The EPS outbox's use cases: reading a message, and the plugin's report of what EPS answered. */
export class EpsCommands {
  constructor(private readonly ctx: AuthenticatedContext) {}

  /**
   * The message as FHIR JSON text, or null when the prescription has no such message or the reader
   * may not read EPS messages (like `Prescription.patient`, a field others simply do not get). A
   * read is audited with the patient id.
   */
  async bundle(prescriptionId: string, operation: EpsOperation): Promise<string | null> {
    if (!mayReadEpsMessage(this.ctx)) return null;
    const p = await this.ctx.em.findOne(Prescription, { id: prescriptionId });
    if (!p || !canSeePrescription(this.ctx.actor, { hubId: p.hub.id, registeredPracticeId: p.registeredPractice.id })) {
      throw new HubError('NOT_FOUND', `Prescription ${prescriptionId} not found`, { id: prescriptionId });
    }
    const bundle = await renderEpsMessageOf(this.ctx.em, p, operation);
    if (!bundle) return null;
    await this.ctx.audit.recordNow(this.ctx.em, [
      {
        action: 'readEpsMessage',
        subjectType: 'Prescription',
        subjectId: p.id,
        patientId: p.patient.id,
        reason: operation,
      },
    ]);
    return JSON.stringify(bundle);
  }

  /**
   * Records what EPS answered to a message, for a plugin acting for the prescription's hub.
   * ACCEPTED and REJECTED are terminal (repeating the same report is harmless; a different one is
   * INVALID_TRANSITION); RETRYING counts a transient failure. Audited; nothing stored on refusal.
   */
  async recordOutcome(input: {
    messageId: string;
    outcome: EpsOutcome;
    errorCode?: string | null;
  }): Promise<{ message: EpsMessage; prescription: Prescription }> {
    if (!isUuid(input.messageId)) throw Errors.badInput('input.messageId', 'messageId is not an EPS message id');
    const errorCode = input.errorCode ?? null;
    if (errorCode !== null && !EPS_ERROR_CODE.test(errorCode)) {
      throw Errors.badInput('input.errorCode', 'errorCode must be 1-40 of A-Z, a-z, 0-9, underscore, hyphen');
    }
    if (input.outcome === 'REJECTED' && errorCode === null) {
      throw Errors.badInput('input.errorCode', 'A REJECTED outcome needs the error code EPS gave');
    }
    const actor = this.ctx.actor;
    const { message, prescription, event } = await this.ctx.em.transactional(async (em) => {
      const message = await em.findOne(EpsMessage, { id: input.messageId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const p = message ? await em.findOne(Prescription, { id: message.prescription.id }) : null;
      if (!message || !p || p.hub.id !== actor.organisationId) {
        throw new HubError('NOT_FOUND', `EPS message ${input.messageId} not found`, { field: 'input.messageId' });
      }
      if (message.status === 'ACCEPTED' || message.status === 'REJECTED') {
        if (message.status === input.outcome && message.errorCode === errorCode)
          return { message, prescription: p, event: null };
        throw Errors.invalidTransition('EpsMessage', message.id, message.status, input.outcome);
      }
      message.status = input.outcome;
      message.errorCode = errorCode;
      message.reportedBy = actor.plugin?.name ?? actor.id;
      if (input.outcome === 'RETRYING') message.retries += 1;
      this.ctx.audit.record(em, {
        action: 'recordEpsOutcome',
        subjectType: 'Prescription',
        subjectId: p.id,
        patientId: p.patient.id,
        reason: `${message.operation} ${input.outcome}${errorCode ? ` ${errorCode}` : ''}`,
      });
      // Live for prescribers following the hub's prescribing stream (ids and codes only).
      const stored = await appendEvent(em, {
        stream: prescribingStream(p.hub.id),
        type: 'EPS_STATUS_CHANGED',
        subjectType: 'Prescription',
        subjectId: p.id,
        actorId: actor.id,
        payload: { prescriptionId: p.id, messageId: message.id, operation: message.operation, status: message.status },
      });
      return { message, prescription: p, event: stored };
    });
    if (event) this.ctx.events.hint({ stream: event.stream, seq: event.seq });
    return { message, prescription };
  }
}
