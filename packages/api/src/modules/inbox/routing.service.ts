import { normaliseOdsCode } from '@pcn-hub/schema';
import type { AuthenticatedContext } from '../../platform/context.js';
import { Organisation } from '../organisations/index.js';
import { OcRoutingSetting } from './inbox-settings.entity.js';
import { DEFAULT_OC_ROUTING, type OcRouting } from './inbox.codes.js';
import { InboxErrors } from './inbox.errors.js';
import { canSetRouting } from './inbox.policy.js';

/** A practice's routing as shown: the stored setting or the default. */
export interface PracticeRouting {
  readonly practice: Organisation;
  readonly routing: OcRouting;
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
      return { practice, routing: s?.routing ?? DEFAULT_OC_ROUTING, updatedBy: s?.updatedBy ?? null, updatedAt: s?.updatedAt ?? null };
    });
  }

  async set(input: { practiceOdsCode: string; routing: OcRouting }): Promise<PracticeRouting> {
    const actor = this.ctx.actor;
    const practice = await this.ctx.em.findOne(Organisation, {
      odsCode: normaliseOdsCode(input.practiceOdsCode),
      kind: 'PRACTICE',
      pcn: actor.pcnId,
    });
    if (!practice) throw InboxErrors.practiceNotFound('input.practiceOdsCode');
    if (!canSetRouting(actor, { id: practice.id, pcnId: practice.pcn?.id ?? null })) {
      await this.ctx.audit.recordNow(this.ctx.em, [
        { action: 'setOnlineConsultationRouting', subjectType: 'Organisation', subjectId: practice.id, outcome: 'DENIED' },
      ]);
      // Another practice's routing answers exactly like an unknown practice (the denial is audited).
      throw InboxErrors.practiceNotFound('input.practiceOdsCode');
    }
    const setting = await this.ctx.em.transactional(async (em) => {
      let row = await em.findOne(OcRoutingSetting, { practice: practice.id });
      const before = row?.routing ?? DEFAULT_OC_ROUTING;
      if (row) em.assign(row, { routing: input.routing, updatedBy: actor.id });
      else row = em.create(OcRoutingSetting, { practice: practice.id, routing: input.routing, updatedBy: actor.id });
      this.ctx.audit.record(em, {
        action: 'setOnlineConsultationRouting',
        subjectType: 'Organisation',
        subjectId: practice.id,
        reason: `${before}->${input.routing}`,
      });
      return row;
    });
    return { practice, routing: setting.routing, updatedBy: setting.updatedBy, updatedAt: setting.updatedAt };
  }
}
