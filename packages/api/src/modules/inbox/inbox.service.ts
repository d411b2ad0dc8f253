import { normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../platform/context.js';
import { exec, placeholders, SqlConditions } from '../../platform/db/sql.js';
import { decodeCursor, encodeCursor, expectGlobalId } from '../../platform/graphql/relay.js';
import { readPage, recordOf, type ConsultationRecord, type PageReads, type PageRow } from './inbox.read.js';
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

/** The keyset of each order: the sort values, then id, encoded in the cursor. */
export function consultationCursor(order: InboxOrder, c: ConsultationRecord): string {
  const at = c.submittedAt.toISOString();
  switch (order) {
    case 'OLDEST':
      return encodeCursor([at, c.id]);
    case 'URGENCY':
      return encodeCursor([c.urgencyRank, at, c.id]);
    case 'RED_FLAGS':
      return encodeCursor([c.redFlagCount, at, c.id]);
    case 'OVERDUE':
      return encodeCursor([c.dueAt.toISOString(), at, c.id]);
    default: {
      const never: never = order;
      return never;
    }
  }
}

/**
 * Rows strictly after (or, paging backwards, before) the cursor in `order`, added to `where`.
 * The cursor's parts are checked by their kind before they reach SQL (BAD_USER_INPUT otherwise).
 */
function keyset(where: SqlConditions, order: InboxOrder, cursor: string, direction: 'after' | 'before'): void {
  const later = direction === 'after' ? '>' : '<';
  const earlier = direction === 'after' ? '<' : '>';
  if (order === 'OLDEST') {
    const [at, id] = decodeCursor(cursor, ['time', 'uuid'], direction);
    where.add(`(oc.submitted_at, oc.id) ${later} (?, ?)`, new Date(at as string), id);
    return;
  }
  if (order === 'OVERDUE') {
    const [due, at, id] = decodeCursor(cursor, ['time', 'time', 'uuid'], direction);
    where.add(`(oc.due_at, oc.submitted_at, oc.id) ${later} (?, ?, ?)`, new Date(due as string), new Date(at as string), id);
    return;
  }
  const [key, at, id] = decodeCursor(cursor, ['int', 'time', 'uuid'], direction);
  const t = new Date(at as string);
  if (order === 'URGENCY') {
    where.add(`(oc.urgency_rank, oc.submitted_at, oc.id) ${later} (?, ?, ?)`, key, t, id);
    return;
  }
  // RED_FLAGS: the count descends, then time and id ascend.
  where.add(
    `oc.red_flag_count ${earlier} ? or (oc.red_flag_count = ? and (oc.submitted_at, oc.id) ${later} (?, ?))`,
    key,
    key,
    t,
    id,
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
   * One keyset page (`size + 1` rows fetched, to know whether more follow), with the joins `reads`
   * asks for: one SELECT, then one audit INSERT for the consultations returned.
   */
  async page(
    organisationId: string,
    filter: InboxFilterInput | null,
    order: InboxOrder,
    size: number,
    cursor: { after: string | null; before?: string | null },
    reads: PageReads = { content: true, patient: false, owner: false, originatingPractice: false },
  ): Promise<{ rows: PageRow[]; more: boolean }> {
    const where = await this.filtered(organisationId, filter);
    if (!where) return { rows: [], more: false };
    if (cursor.after) keyset(where, order, cursor.after, 'after');
    if (cursor.before) keyset(where, order, cursor.before, 'before');
    const backwards = Boolean(cursor.before) && !cursor.after;
    const rows = await readPage(this.ctx.em, this.ctx.actor, where, order, backwards, size + 1, reads);
    // Backwards, the rows came nearest-first: the page is the `size` nearest, in the usual order.
    const page = backwards ? rows.slice(0, size).reverse() : rows.slice(0, size);
    await this.auditReads(page.map((row) => row.record));
    return { rows: page, more: rows.length > size };
  }

  /** Consultations matching the filter, counted up to {@link INBOX_COUNT_BOUND}. */
  async count(organisationId: string, filter: InboxFilterInput | null): Promise<number> {
    const where = await this.filtered(organisationId, filter);
    if (!where) return 0;
    const [row] = await exec<{ n: string | number }>(
      this.ctx.em,
      `select count(*) as n from (select 1 from online_consultation oc where ${where.and()} limit ?) bounded`,
      [...where.params, INBOX_COUNT_BOUND],
    );
    return Number(row?.n ?? 0);
  }

  /** The conditions of the viewer's inbox and filter (on `online_consultation oc`); null when the scope is empty. */
  private async filtered(organisationId: string, filter: InboxFilterInput | null): Promise<SqlConditions | null> {
    const f = filter ?? {};
    const where = new SqlConditions();
    if (f.sharedFromHub) {
      const hubId = await this.sharedHubId();
      if (!hubId) return null;
      where.add("oc.owner_id = ? and oc.originating_practice_id = ? and oc.state = 'AWAITING_TRIAGE'", hubId, organisationId);
    } else {
      where.add('oc.owner_id = ?', organisationId);
    }
    if (f.folder) {
      const folder = folderFilter(f.folder);
      where.add(`oc.state in (${placeholders(folder.states.length)})`, ...folder.states);
      if (folder.type) where.add('oc.type = ?', folder.type);
      if (folder.overdue) where.add('oc.due_at < ?', new Date());
    }
    if (f.states?.length) where.add(`oc.state in (${placeholders(f.states.length)})`, ...f.states);
    if (f.type) where.add('oc.type = ?', f.type);
    if (f.urgencies?.length) where.add(`oc.urgency in (${placeholders(f.urgencies.length)})`, ...f.urgencies);
    if (f.originatingPracticeOdsCode) {
      where.add(
        'oc.originating_practice_id in (select o.id from organisation o where o.ods_code = ?)',
        normaliseOdsCode(f.originatingPracticeOdsCode),
      );
    }
    if (f.unmatched != null) where.add(f.unmatched ? 'oc.patient_id is null' : 'oc.patient_id is not null');
    if (f.hasRedFlags != null) where.add(f.hasRedFlags ? 'oc.red_flag_count > 0' : 'oc.red_flag_count = 0');
    if (f.assignedToMe) where.add('oc.lock_holder = ? and oc.lock_expires_at > ?', this.ctx.actor.id, new Date());
    return where;
  }

  /**
   * The hub whose queue a practice may take from during shared triage (its own consultations
   * awaiting triage there); null when the hub is not in SHARED_TRIAGE overflow (or the viewer is hub staff).
   */
  private async sharedHubId(): Promise<string | null> {
    if (this.ctx.actor.organisationKind !== 'PRACTICE') return null;
    const hub = await findHubOfPcn(this.ctx.em, this.ctx.actor.pcnId);
    if (!hub) return null;
    const capacity = await loadHubCapacity(this.ctx.em, hub.id, londonDate(new Date()));
    if (capacity.state === 'NORMAL' || capacity.overflowMode !== 'SHARED_TRIAGE') return null;
    return hub.id;
  }

  /** Counts per folder for the organisation's inbox: one grouped statement. */
  async folderCounts(organisationId: string): Promise<Record<InboxFolder, number>> {
    const rows = await this.ctx.em
      .getConnection()
      .execute<{ state: ConsultationState; type: ConsultationType; n: string | number; overdue: string | number }[]>(
        'select state, type, count(*) as n, count(*) filter (where due_at < ?) as overdue from online_consultation where owner_id = ? group by state, type',
        [new Date(), organisationId],
      );
    return countFolders(rows.map((r) => ({ state: r.state, type: r.type, count: Number(r.n), overdue: Number(r.overdue) })));
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
    await this.auditReads([recordOf(c)]);
    return c;
  }

  private async auditReads(rows: readonly ConsultationRecord[]): Promise<void> {
    await this.ctx.audit.recordNow(
      this.ctx.em,
      rows.map((c) => ({
        action: 'readOnlineConsultation',
        subjectType: 'OnlineConsultation',
        subjectId: c.id,
        patientId: c.patientId,
      })),
    );
  }
}
