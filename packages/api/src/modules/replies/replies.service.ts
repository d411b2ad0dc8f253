import { LockMode } from '@mikro-orm/core';
import type { AuthenticatedContext } from '../../platform/context.js';
import type { Orm } from '../../platform/db/orm.js';
import { Errors } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events/index.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { isUuid, uuidv7 } from '../../platform/ids.js';
import { canSeeConsultation, inboxStream, OnlineConsultation } from '../inbox/index.js';
import { PatientReply } from './patient-reply.entity.js';
import {
  MAX_REPLY_LINK,
  MAX_REPLY_TEXT,
  REPLY_MOVES,
  type ReplyChannel,
  type ReplyOutcome,
  type ReplyTemplate,
} from './replies.codes.js';
import { ReplyErrors } from './replies.errors.js';
import { loaderByParent } from '../../platform/db/loaders.js';

const ERROR_CODE = /^[A-Za-z0-9_-]{1,40}$/;

export interface ReplyInput {
  readonly consultationId: string;
  readonly template: ReplyTemplate;
  readonly text: string;
  readonly link?: string | null;
}

/** What the patient-messaging plugin needs to deliver a reply: the content and where to send it. */
export interface ReplyForDelivery {
  readonly reply: PatientReply;
  readonly to: string;
}

function validLink(link: string | null | undefined): string | null {
  if (link === null || link === undefined || link.trim() === '') return null;
  const value = link.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw ReplyErrors.badLink();
  }
  if (url.protocol !== 'https:' || url.username || url.password || value.length > MAX_REPLY_LINK)
    throw ReplyErrors.badLink();
  return value;
}

/** The replies of consultations, oldest first, one SQL statement per batch. */
export const repliesByConsultation = loaderByParent('replies.byConsultation', PatientReply, 'consultation', {
  id: 'asc',
});

/**
 * Replies to patients (docs/domain/workflows.md#replies-to-patients): staff send one from a
 * consultation they can see; the patient-messaging plugin reads it, delivers it and reports the
 * status. Every change is one transaction with its audit row and an event on the owning inbox's
 * stream (ids and codes only), hinted after commit.
 */
export class ReplyCommands {
  constructor(private readonly ctx: AuthenticatedContext) {}

  async send(input: ReplyInput): Promise<{ reply: PatientReply; consultation: OnlineConsultation }> {
    const id = expectGlobalId(input.consultationId, 'OnlineConsultation', 'input.consultationId');
    const text = input.text.trim();
    if (text.length === 0 || text.length > MAX_REPLY_TEXT) throw ReplyErrors.badText();
    const link = validLink(input.link);
    // Text and link share the room of six SMS segments (the plugin adds the template's opening).
    if (text.length + (link?.length ?? 0) > MAX_REPLY_TEXT) throw ReplyErrors.badText();
    const actor = this.ctx.actor;
    const { reply, consultation, event } = await this.ctx.em.transactional(async (em) => {
      const c = await em.findOne(OnlineConsultation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!c || !canSeeConsultation(actor, { ownerId: c.owner.id })) throw ReplyErrors.consultationNotFound(id);
      const channel: ReplyChannel | null = c.mobile ? 'SMS' : c.email ? 'EMAIL' : null;
      if (!channel) throw ReplyErrors.noContactChannel(id);
      const r = em.create(PatientReply, {
        id: uuidv7(),
        consultation: c,
        ownerId: c.owner.id,
        template: input.template,
        text,
        link,
        channel,
        status: 'QUEUED',
        retries: 0,
        sentBy: actor.id,
      });
      const stored = await appendEvent(em, {
        stream: inboxStream(c.owner.id),
        type: 'REPLY_REQUESTED',
        subjectType: 'OnlineConsultation',
        subjectId: c.id,
        actorId: actor.id,
        payload: { consultationId: c.id, replyId: r.id, template: input.template, channel },
      });
      this.ctx.audit.record(em, {
        action: 'replyToPatient',
        subjectType: 'OnlineConsultation',
        subjectId: c.id,
        patientId: c.patient?.id ?? null,
        reason: `${input.template} ${channel}`,
      });
      return { reply: r, consultation: c, event: stored };
    });
    this.ctx.events.hint({ stream: event.stream, seq: event.seq });
    return { reply, consultation };
  }

  /** A reply for the plugin acting for the inbox that holds it; audited as a read of patient data. */
  async forDelivery(replyId: string): Promise<ReplyForDelivery> {
    if (!isUuid(replyId)) throw Errors.badInput('replyId', 'replyId is not a reply id');
    const reply = await this.ctx.em.findOne(PatientReply, { id: replyId });
    const c = reply ? await this.ctx.em.findOne(OnlineConsultation, { id: reply.consultation.id }) : null;
    if (!reply || !c || reply.ownerId !== this.ctx.actor.organisationId) {
      throw ReplyErrors.replyNotFound(replyId);
    }
    const to = reply.channel === 'SMS' ? c.mobile : c.email;
    if (!to) throw ReplyErrors.noContactChannel(c.id);
    await this.ctx.audit.recordNow(this.ctx.em, [
      {
        action: 'readPatientReply',
        subjectType: 'OnlineConsultation',
        subjectId: c.id,
        patientId: c.patient?.id ?? null,
        reason: reply.id,
      },
    ]);
    return { reply, to };
  }

  /** The plugin's report: RETRYING counts a transient failure; DELIVERED and FAILED are terminal (the same report again is harmless). */
  async recordStatus(input: {
    replyId: string;
    outcome: ReplyOutcome;
    errorCode?: string | null;
  }): Promise<PatientReply> {
    if (!isUuid(input.replyId)) throw ReplyErrors.badReplyId();
    const errorCode = input.errorCode ?? null;
    if (errorCode !== null && !ERROR_CODE.test(errorCode)) throw ReplyErrors.badErrorCode();
    if (input.outcome === 'FAILED' && errorCode === null) throw ReplyErrors.errorCodeRequired();
    const actor = this.ctx.actor;
    const { reply, event } = await this.ctx.em.transactional(async (em) => {
      const r = await em.findOne(PatientReply, { id: input.replyId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!r || r.ownerId !== actor.organisationId) throw ReplyErrors.replyNotFound(input.replyId);
      if (r.status === input.outcome && r.errorCode === errorCode && input.outcome !== 'RETRYING')
        return { reply: r, event: null };
      if (!REPLY_MOVES[input.outcome].includes(r.status))
        throw Errors.invalidTransition('PatientReply', r.id, r.status, input.outcome);
      r.status = input.outcome;
      r.errorCode = errorCode;
      r.reportedBy = actor.plugin?.name ?? actor.id;
      if (input.outcome === 'RETRYING') r.retries += 1;
      const stored = await appendEvent(em, {
        stream: inboxStream(r.ownerId),
        type: 'REPLY_STATUS_CHANGED',
        subjectType: 'OnlineConsultation',
        subjectId: r.consultation.id,
        actorId: actor.id,
        payload: { consultationId: r.consultation.id, replyId: r.id, status: r.status },
      });
      this.ctx.audit.record(em, {
        action: 'recordPatientReplyStatus',
        subjectType: 'OnlineConsultation',
        subjectId: r.consultation.id,
        reason: `${r.id} ${input.outcome}${errorCode ? ` ${errorCode}` : ''}`,
      });
      return { reply: r, event: stored };
    });
    if (event) this.ctx.events.hint({ stream: event.stream, seq: event.seq });
    return reply;
  }
}

/**
 * The plugin webhook queue gave up on an `inbox.REPLY_REQUESTED` event (DEAD or WITHHELD): the
 * reply, if still open, becomes UNDELIVERED so that staff see it. Wired by the composition root.
 */
export async function markReplyUndeliverable(
  orm: Orm,
  delivery: { eventId: number; eventType: string },
): Promise<void> {
  if (delivery.eventType !== 'inbox.REPLY_REQUESTED') return;
  await orm.em
    .fork()
    .getConnection()
    .execute(
      `update patient_reply r set status = 'UNDELIVERED', updated_at = now()
       from event_log e
      where e.id = ? and r.id::text = e.payload->>'replyId' and r.status in ('QUEUED', 'RETRYING')`,
      [delivery.eventId],
    );
}
