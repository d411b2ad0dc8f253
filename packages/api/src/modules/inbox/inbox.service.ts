import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../platform/context.js';
import { Errors } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, expectGlobalId } from '../../platform/graphql/relay.js';
import { OnlineConsultation } from './online-consultation.entity.js';
import { countFolders, folderFilter, type ConsultationState, type InboxFolder } from './online-consultation.status.js';
import type { ConsultationType, Urgency } from './inbox.codes.js';
import type { InboxOrder } from './inbox.enums.js';
import { InboxErrors } from './inbox.errors.js';
import { canFollowInbox, canReadInbox, canViewConsultation, practiceViewOfHubQueue, statesOfView } from './inbox.policy.js';
import { ownerSharing, practiceSharing, sharingFacts } from './sharing.query.js';

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

/** Rows strictly after (or, paging backwards, before) the cursor in `order`. */
function keyset(order: InboxOrder, cursor: string, direction: 'after' | 'before'): Where {
  const later = direction === 'after' ? '$gt' : '$lt';
  const earlier = direction === 'after' ? '$lt' : '$gt';
  if (order === 'OLDEST') {
    const [at, id] = decodeCursor(cursor, ['time', 'uuid'], direction);
    const t = afterTime(at);
    return { $or: [{ submittedAt: { [later]: t } }, { submittedAt: t, id: { [later]: afterId(id) } }] };
  }
  const [k, at, id] = decodeCursor(cursor, ['int', 'time', 'uuid'], direction);
  const key = afterInt(k);
  const t = afterTime(at);
  const i = afterId(id);
  const field = order === 'URGENCY' ? 'urgencyRank' : 'redFlagCount';
  // URGENCY ascends (0 = most urgent); RED_FLAGS descends.
  const beyond = order === 'URGENCY' ? { [later]: key } : { [earlier]: key };
  return {
    $or: [
      { [field]: beyond },
      { [field]: key, submittedAt: { [later]: t } },
      { [field]: key, submittedAt: t, id: { [later]: i } },
    ],
  };
}

const ORDER_BY: Record<InboxOrder, QueryOrderMap<OnlineConsultation>[]> = {
  OLDEST: [{ submittedAt: 'asc' }, { id: 'asc' }],
  URGENCY: [{ urgencyRank: 'asc' }, { submittedAt: 'asc' }, { id: 'asc' }],
  RED_FLAGS: [{ redFlagCount: 'desc' }, { submittedAt: 'asc' }, { id: 'asc' }],
};

/** The same order read backwards (for `last`/`before`). */
function reversed(order: InboxOrder): QueryOrderMap<OnlineConsultation>[] {
  return ORDER_BY[order].map((part) =>
    Object.fromEntries(Object.entries(part).map(([k, v]) => [k, v === 'asc' ? 'desc' : 'asc'])),
  );
}

/** The most a total counts; a larger inbox answers this bound (counting is linear in the rows). */
export const INBOX_COUNT_BOUND = 10_000;

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

  /**
   * The inbox `odsCode` names, for reading: the viewer's own organisation, or (hub staff) a PCN
   * practice that shares its inbox with the hub; anything else answers NOT_FOUND.
   */
  async readableInboxId(odsCode: string): Promise<string> {
    const ods = normaliseOdsCode(odsCode);
    const actor = this.ctx.actor;
    if (ods === actor.organisationOds) return this.inboxOrganisationId(ods);
    if (actor.organisationKind === 'HUB') {
      const shared = await practiceSharing(this.ctx.em, ods, actor);
      if (shared) return shared;
    }
    throw InboxErrors.inboxNotFound(ods);
  }

  /**
   * The inbox `odsCode` names, for following live: the viewer's own (staff, or a plugin acting for
   * it), or (hub staff) a PCN practice sharing its inbox; anything else answers NOT_FOUND.
   */
  async followableInboxId(odsCode: string): Promise<string> {
    const ods = normaliseOdsCode(odsCode);
    if (ods === this.ctx.actor.organisationOds || this.ctx.actor.plugin) return this.inboxOrganisationId(ods, true);
    return this.readableInboxId(ods);
  }

  /** One keyset page (`size + 1` rows fetched, to know whether more follow). One SELECT, one audit INSERT. */
  async page(
    organisationId: string,
    filter: InboxFilterInput | null,
    order: InboxOrder,
    size: number,
    cursor: { after: string | null; before?: string | null },
  ): Promise<{ rows: OnlineConsultation[]; more: boolean }> {
    const where = await this.filtered(organisationId, filter);
    if (!where) return { rows: [], more: false };
    if (cursor.after) where.push(keyset(order, cursor.after, 'after'));
    if (cursor.before) where.push(keyset(order, cursor.before, 'before'));
    const backwards = Boolean(cursor.before) && !cursor.after;
    const rows = await this.ctx.em.find(OnlineConsultation, { $and: where }, { orderBy: backwards ? reversed(order) : ORDER_BY[order], limit: size + 1 });
    // Backwards, the rows came nearest-first: the page is the `size` nearest, in the usual order.
    const page = backwards ? rows.slice(0, size).reverse() : rows.slice(0, size);
    await this.auditReads(page);
    return { rows: page, more: rows.length > size };
  }

  /** Consultations matching the filter, counted up to {@link INBOX_COUNT_BOUND}. */
  async count(organisationId: string, filter: InboxFilterInput | null): Promise<number> {
    const where = await this.filtered(organisationId, filter);
    if (!where) return 0;
    const ids: unknown[] = await this.ctx.em
      .createQueryBuilder(OnlineConsultation, 'c')
      .select('c.id')
      .where({ $and: where } as never)
      .limit(INBOX_COUNT_BOUND)
      .execute('all', false);
    return ids.length;
  }

  /** The conditions of the viewer's inbox and filter; null when the scope is empty. */
  private async filtered(organisationId: string, filter: InboxFilterInput | null): Promise<Where[] | null> {
    const f = filter ?? {};
    const scope = f.sharedFromHub ? await this.sharedScope(organisationId) : { owner: organisationId };
    if (!scope) return null;
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
    return where;
  }

  /**
   * What a practice sees of the hub queue: its own patients' consultations there, all open ones
   * when it shares its inbox, those awaiting triage during SHARED_TRIAGE overflow; null otherwise
   * (and for hub staff).
   */
  private async sharedScope(practiceId: string): Promise<Where | null> {
    if (this.ctx.actor.organisationKind !== 'PRACTICE') return null;
    const hub = await sharingFacts(this.ctx.em, this.ctx.actor);
    const view = hub ? practiceViewOfHubQueue(this.ctx.actor, hub) : null;
    if (!hub || !view) return null;
    return { owner: hub.id, originatingPractice: practiceId, state: { $in: [...statesOfView(view)] } };
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
    if (!c || !(await this.mayView(c))) {
      await this.ctx.audit.recordNow(this.ctx.em, [
        { action: 'readOnlineConsultation', subjectType: 'OnlineConsultation', subjectId: id, outcome: 'FAILED', reason: 'not found or not visible' },
      ]);
      throw InboxErrors.notFound(id, 'id');
    }
    await this.auditReads([c]);
    return c;
  }

  /** The owner's staff, or a viewer the shared queues let read it (facts loaded only then). */
  private async mayView(c: OnlineConsultation): Promise<boolean> {
    const actor = this.ctx.actor;
    const facts = { ownerId: c.owner.id, originatingPracticeId: c.originatingPractice.id, state: c.state };
    if (canReadInbox(actor, c.owner.id)) return true;
    const hub = await sharingFacts(this.ctx.em, actor);
    if (!hub) return false;
    const owner = actor.organisationKind === 'HUB' && c.owner.id !== hub.id ? await ownerSharing(this.ctx.em, c.owner.id) : null;
    return canViewConsultation(actor, facts, { hub, owner });
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
