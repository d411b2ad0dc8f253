import { normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { exec, placeholders, SqlConditions } from '../../../platform/db/sql.js';
import { decodeCursor, encodeCursor, expectGlobalId } from '../../../platform/graphql/relay.js';
import { readPage, recordOf, type ConsultationRecord, type PageReads, type PageRow } from './page.query.js';
import { OnlineConsultation } from '../online-consultation.entity.js';
import { countFolders, folderFilter, type ConsultationState, type InboxFolder } from '../online-consultation.state.js';
import type { ConsultationType, Urgency } from '../inbox.codes.js';
import type { InboxOrder } from '../inbox.enums.js';
import { InboxErrors } from '../inbox.errors.js';
import {
  canFollowInbox,
  canReadInbox,
  canViewConsultation,
  practiceViewOfHubQueue,
  statesOfView,
} from '../inbox.policy.js';
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
    where.add(
      `(oc.due_at, oc.submitted_at, oc.id) ${later} (?, ?, ?)`,
      new Date(due as string),
      new Date(at as string),
      id,
    );
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

  /**
   * One keyset page (`size + 1` rows fetched, to know whether more follow), with the joins `reads`
   * asks for: one statement that reads the rows and writes the audit rows of those returned.
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
    // One statement reads `size + 1` rows and audits the `size` of them that make the page.
    const audit = { log: this.ctx.audit, count: size };
    const rows = await readPage(this.ctx.sqlEm, this.ctx.actor, where, order, backwards, size + 1, reads, audit);
    // Backwards, the rows came nearest-first: the page is the `size` nearest, in the usual order.
    const page = backwards ? rows.slice(0, size).reverse() : rows.slice(0, size);
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
      const shared = await this.sharedHubView();
      if (!shared) return null;
      where.add(
        `oc.owner_id = ? and oc.originating_practice_id = ? and oc.state in (${placeholders(shared.states.length)})`,
        shared.hubId,
        organisationId,
        ...shared.states,
      );
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
   * What a practice sees of the hub queue: its own patients' consultations there, all open ones
   * when it shares its inbox, those awaiting triage during SHARED_TRIAGE overflow; null otherwise
   * (and for hub staff).
   */
  private async sharedHubView(): Promise<{ hubId: string; states: ConsultationState[] } | null> {
    if (this.ctx.actor.organisationKind !== 'PRACTICE') return null;
    const hub = await sharingFacts(this.ctx.em, this.ctx.actor);
    const view = hub ? practiceViewOfHubQueue(this.ctx.actor, hub) : null;
    if (!hub || !view) return null;
    return { hubId: hub.id, states: [...statesOfView(view)] };
  }

  /** Counts per folder for the organisation's inbox: one grouped statement. */
  async folderCounts(organisationId: string): Promise<Record<InboxFolder, number>> {
    const rows = await this.ctx.em
      .getConnection()
      .execute<{ state: ConsultationState; type: ConsultationType; n: string | number; overdue: string | number }[]>(
        'select state, type, count(*) as n, count(*) filter (where due_at < ?) as overdue from online_consultation where owner_id = ? group by state, type',
        [new Date(), organisationId],
      );
    return countFolders(
      rows.map((r) => ({ state: r.state, type: r.type, count: Number(r.n), overdue: Number(r.overdue) })),
    );
  }

  /** One consultation the viewer may see; any other answers NOT_FOUND. */
  async byId(globalId: string): Promise<OnlineConsultation> {
    const id = expectGlobalId(globalId, 'OnlineConsultation', 'id');
    const c = await this.ctx.em.findOne(OnlineConsultation, { id });
    if (!c || !(await this.mayView(c))) {
      await this.ctx.audit.recordNow(this.ctx.em, [
        {
          action: 'readOnlineConsultation',
          subjectType: 'OnlineConsultation',
          subjectId: id,
          outcome: 'FAILED',
          reason: 'not found or not visible',
        },
      ]);
      throw InboxErrors.notFound(id, 'id');
    }
    await this.auditReads([recordOf(c)]);
    return c;
  }

  /** The owner's staff, or a viewer the shared queues let read it (facts loaded only then). */
  private async mayView(c: OnlineConsultation): Promise<boolean> {
    const actor = this.ctx.actor;
    const facts = { ownerId: c.owner.id, originatingPracticeId: c.originatingPractice.id, state: c.state };
    if (canReadInbox(actor, c.owner.id)) return true;
    const hub = await sharingFacts(this.ctx.em, actor);
    if (!hub) return false;
    const owner =
      actor.organisationKind === 'HUB' && c.owner.id !== hub.id ? await ownerSharing(this.ctx.em, c.owner.id) : null;
    return canViewConsultation(actor, facts, { hub, owner });
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
