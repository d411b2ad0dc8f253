import { normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../../platform/context.js';
import { Organisation } from '../../organisations/index.js';
import { OcRoutingSetting } from '../inbox-settings.entity.js';
import { DEFAULT_OC_ROUTING, type OcRouting } from '../inbox.codes.js';
import { InboxErrors } from '../inbox.errors.js';
import { canSetInboxSharing, canSetRouting } from '../inbox.policy.js';

/** A practice's routing as shown: the stored setting or the default. */
export interface PracticeRouting {
  readonly practice: Organisation;
  readonly routing: OcRouting;
  readonly inboxSharing: boolean;
  readonly updatedBy: string | null;
  readonly updatedAt: Date | null;
}

/** Per-practice online consultation routing. */
export class RoutingService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  /** Routing of the PCN's practices (hub staff) or of the viewer's own practice (practice staff). */
  async list(): Promise<PracticeRouting[]> {
    const actor = this.ctx.actor;
    const practices = await this.ctx.em.find(
      Organisation,
      actor.organisationKind === 'PRACTICE' ? { id: actor.organisationId } : { kind: 'PRACTICE', pcn: actor.pcnId },
      { orderBy: { odsCode: 'asc' } },
    );
    const settings = await this.ctx.em.find(OcRoutingSetting, { practice: { $in: practices.map((p) => p.id) } });
    const byPractice = new Map(settings.map((s) => [s.practice.id, s]));
    return practices.map((practice) => {
      const s = byPractice.get(practice.id);
      return view(practice, s ?? null);
    });
  }

  async set(input: { practiceOdsCode: string; routing: OcRouting }): Promise<PracticeRouting> {
    const practice = await this.practice(input.practiceOdsCode, 'setOnlineConsultationRouting', canSetRouting);
    return this.change(practice, 'setOnlineConsultationRouting', (row) => {
      const before = row?.routing ?? DEFAULT_OC_ROUTING;
      return { values: { routing: input.routing }, reason: `${before}->${input.routing}` };
    });
  }

  /** Shared queues on or off for one practice (the same people as routing). */
  async setSharing(input: { practiceOdsCode: string; shared: boolean }): Promise<PracticeRouting> {
    const practice = await this.practice(input.practiceOdsCode, 'setInboxSharing', canSetInboxSharing);
    return this.change(practice, 'setInboxSharing', (row) => {
      const before = row?.inboxSharing ?? false;
      return {
        values: { inboxSharing: input.shared },
        reason: `${before ? 'SHARED' : 'NOT_SHARED'}->${input.shared ? 'SHARED' : 'NOT_SHARED'}`,
      };
    });
  }

  /** A PCN practice the actor may configure; another answers like an unknown one (the denial is audited). */
  private async practice(
    odsCode: string,
    action: string,
    allowed: (actor: AuthenticatedContext['actor'], practice: { id: string; pcnId: string | null }) => boolean,
  ): Promise<Organisation> {
    const actor = this.ctx.actor;
    const practice = await this.ctx.em.findOne(Organisation, {
      odsCode: normaliseOdsCode(odsCode),
      kind: 'PRACTICE',
      pcn: actor.pcnId,
    });
    if (!practice) throw InboxErrors.practiceNotFound('input.practiceOdsCode');
    if (!allowed(actor, { id: practice.id, pcnId: practice.pcn?.id ?? null })) {
      await this.ctx.audit.recordNow(this.ctx.em, [
        { action, subjectType: 'Organisation', subjectId: practice.id, outcome: 'DENIED' },
      ]);
      throw InboxErrors.practiceNotFound('input.practiceOdsCode');
    }
    return practice;
  }

  /** Writes the practice's settings row (made on first change) and its audit row in one transaction. */
  private async change(
    practice: Organisation,
    action: string,
    decide: (row: OcRoutingSetting | null) => {
      values: Partial<Pick<OcRoutingSetting, 'routing' | 'inboxSharing'>>;
      reason: string;
    },
  ): Promise<PracticeRouting> {
    const actor = this.ctx.actor;
    const setting = await this.ctx.em.transactional(async (em) => {
      let row = await em.findOne(OcRoutingSetting, { practice: practice.id });
      const { values, reason } = decide(row);
      if (row) em.assign(row, { ...values, updatedBy: actor.id });
      else
        row = em.create(OcRoutingSetting, {
          practice: practice.id,
          routing: DEFAULT_OC_ROUTING,
          ...values,
          updatedBy: actor.id,
        });
      this.ctx.audit.record(em, { action, subjectType: 'Organisation', subjectId: practice.id, reason });
      return row;
    });
    return view(practice, setting);
  }
}

function view(practice: Organisation, s: OcRoutingSetting | null): PracticeRouting {
  return {
    practice,
    routing: s?.routing ?? DEFAULT_OC_ROUTING,
    inboxSharing: s?.inboxSharing ?? false,
    updatedBy: s?.updatedBy ?? null,
    updatedAt: s?.updatedAt ?? null,
  };
}
