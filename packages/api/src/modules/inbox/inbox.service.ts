import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../platform/context.js';
import { Errors } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, expectGlobalId } from '../../platform/graphql/relay.js';
import { OnlineConsultation } from './online-consultation.entity.js';
import { countFolders, folderFilter, type ConsultationState, type InboxFolder } from './online-consultation.status.js';
import type { ConsultationType, Urgency } from './inbox.codes.js';
import type { InboxOrder } from './inbox.enums.js';
import { findHubOfPcn } from '../hub-services/index.js';
import { InboxErrors } from './inbox.errors.js';
import { londonDate } from './inbox.capacity.js';
import { loadHubCapacity } from './capacity.service.js';
import { canFollowInbox, canReadInbox, canSeeConsultation } from './inbox.policy.js';

export interface InboxFilterInput {
  folder?: InboxFolder | null;
  states?: ConsultationState[] | null;
  type?: ConsultationType | null;
  urgencies?: Urgency[] | null;
  originatingPracticeOdsCode?: string | null;
  unmatched?: boolean | null;
  hasRedFlags?: boolean | null;
  assignedToMe?: boolean | null;
  sharedFromHub?: boolean | null;
}

type Where = FilterQuery<OnlineConsultation>;

/** The keyset of each order: the sort values, then id, encoded in the cursor. */
export function consultationCursor(order: InboxOrder, c: OnlineConsultation): string {
  const at = c.submittedAt.toISOString();
  switch (order) {
    case 'OLDEST':
      return encodeCursor([at, c.id]);
    case 'URGENCY':
      return encodeCursor([c.urgencyRank, at, c.id]);
    case 'RED_FLAGS':
      return encodeCursor([c.redFlagCount, at, c.id]);
    default: {
      const never: never = order;
      return never;
    }
  }
}

function afterTime(value: string | number | undefined): Date {
  const at = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw Errors.badInput('after', 'after is not a valid cursor');
  return at;
}

function afterInt(value: string | number | undefined): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw Errors.badInput('after', 'after is not a valid cursor');
  return value;
}

function afterId(value: string | number | undefined): string {
  if (typeof value !== 'string') throw Errors.badInput('after', 'after is not a valid cursor');
  return value;
}

/** Rows strictly after the cursor in `order`. */
function keyset(order: InboxOrder, after: string): Where {
  if (order === 'OLDEST') {
    const [at, id] = decodeCursor(after, ['time', 'uuid']);
    const t = afterTime(at);
    return { $or: [{ submittedAt: { $gt: t } }, { submittedAt: t, id: { $gt: afterId(id) } }] };
  }
  const [k, at, id] = decodeCursor(after, ['int', 'time', 'uuid']);
  const key = afterInt(k);
  const t = afterTime(at);
  const i = afterId(id);
  const field = order === 'URGENCY' ? 'urgencyRank' : 'redFlagCount';
  // URGENCY ascends (0 = most urgent); RED_FLAGS descends.
  const beyond = order === 'URGENCY' ? { $gt: key } : { $lt: key };
  return {
    $or: [
      { [field]: beyond },
      { [field]: key, submittedAt: { $gt: t } },
      { [field]: key, submittedAt: t, id: { $gt: i } },
    ],
  };
}

const ORDER_BY: Record<InboxOrder, QueryOrderMap<OnlineConsultation>[]> = {
  OLDEST: [{ submittedAt: 'asc' }, { id: 'asc' }],
  URGENCY: [{ urgencyRank: 'asc' }, { submittedAt: 'asc' }, { id: 'asc' }],
  RED_FLAGS: [{ redFlagCount: 'desc' }, { submittedAt: 'asc' }, { id: 'asc' }],
};

/** Reading inboxes and consultations. Every consultation read is audited, with its patient. */
export class InboxService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  /** The viewer's own organisation, when `odsCode` names it and they work its inbox; else NOT_FOUND. */
  inboxOrganisationId(odsCode: string, follow = false): string {
    const ods = normaliseOdsCode(odsCode);
    const actor = this.ctx.actor;
    const allowed = follow ? canFollowInbox(actor, actor.organisationId) : canReadInbox(actor, actor.organisationId);
    if (ods !== actor.organisationOds || !allowed) throw InboxErrors.inboxNotFound(ods);
    return actor.organisationId;
  }

  /** One keyset page (`size + 1` rows fetched, to know whether more follow). One SELECT, one audit INSERT. */
  async page(
    organisationId: string,
    filter: InboxFilterInput | null,
    order: InboxOrder,
    size: number,
    after: string | null,
  ): Promise<OnlineConsultation[]> {
    const f = filter ?? {};
    const scope = f.sharedFromHub ? await this.sharedScope(organisationId) : { owner: organisationId };
    if (!scope) return [];
    const where: Where[] = [scope];
    if (f.folder) {
      const folder = folderFilter(f.folder);
      where.push({ state: { $in: [...folder.states] } });
      if (folder.type) where.push({ type: folder.type });
    }
    if (f.states?.length) where.push({ state: { $in: f.states } });
    if (f.type) where.push({ type: f.type });
    if (f.urgencies?.length) where.push({ urgency: { $in: f.urgencies } });
    if (f.originatingPracticeOdsCode) {
      where.push({ originatingPractice: { odsCode: normaliseOdsCode(f.originatingPracticeOdsCode) } });
    }
    if (f.unmatched != null) where.push({ patient: f.unmatched ? null : { $ne: null } });
    if (f.hasRedFlags != null) where.push({ redFlagCount: f.hasRedFlags ? { $gt: 0 } : 0 });
    if (f.assignedToMe) where.push({ lockHolder: this.ctx.actor.id, lockExpiresAt: { $gt: new Date() } });
    if (after) where.push(keyset(order, after));
    const rows = await this.ctx.em.find(OnlineConsultation, { $and: where }, { orderBy: ORDER_BY[order], limit: size + 1 });
    await this.auditReads(rows.slice(0, size));
    return rows;
  }

  /**
   * What a practice may take from the hub queue during shared triage: its own consultations
   * awaiting triage there; null when the hub is not in SHARED_TRIAGE overflow (or the viewer is hub staff).
   */
  private async sharedScope(practiceId: string): Promise<Where | null> {
    if (this.ctx.actor.organisationKind !== 'PRACTICE') return null;
    const hub = await findHubOfPcn(this.ctx.em, this.ctx.actor.pcnId);
    if (!hub) return null;
    const capacity = await loadHubCapacity(this.ctx.em, hub.id, londonDate(new Date()));
    if (capacity.state === 'NORMAL' || capacity.overflowMode !== 'SHARED_TRIAGE') return null;
    return { owner: hub.id, originatingPractice: practiceId, state: 'AWAITING_TRIAGE' };
  }

  /** Counts per folder for the organisation's inbox: one grouped statement. */
  async folderCounts(organisationId: string): Promise<Record<InboxFolder, number>> {
    const rows = await this.ctx.em
      .getConnection()
      .execute<{ state: ConsultationState; type: ConsultationType; n: string | number }[]>(
        'select state, type, count(*) as n from online_consultation where owner_id = ? group by state, type',
        [organisationId],
      );
    return countFolders(rows.map((r) => ({ state: r.state, type: r.type, count: Number(r.n) })));
  }

  /** One consultation the viewer may see; any other answers NOT_FOUND. */
  async byId(globalId: string): Promise<OnlineConsultation> {
    const id = expectGlobalId(globalId, 'OnlineConsultation', 'id');
    const c = await this.ctx.em.findOne(OnlineConsultation, { id });
    if (!c || !canSeeConsultation(this.ctx.actor, { ownerId: c.owner.id })) {
      await this.ctx.audit.recordNow(this.ctx.em, [
        { action: 'readOnlineConsultation', subjectType: 'OnlineConsultation', subjectId: id, outcome: 'FAILED', reason: 'not found or not visible' },
      ]);
      throw InboxErrors.notFound(id, 'id');
    }
    await this.auditReads([c]);
    return c;
  }

  private async auditReads(rows: readonly OnlineConsultation[]): Promise<void> {
    await this.ctx.audit.recordNow(
      this.ctx.em,
      rows.map((c) => ({
        action: 'readOnlineConsultation',
        subjectType: 'OnlineConsultation',
        subjectId: c.id,
        patientId: c.patient?.id ?? null,
      })),
    );
  }
}
