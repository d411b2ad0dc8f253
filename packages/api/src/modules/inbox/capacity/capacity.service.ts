import type { AuthenticatedContext } from '../../../platform/context.js';
import type { Em } from '../../../platform/db/orm.js';
import { Errors } from '../../../platform/errors.js';
import { expectGlobalId } from '../../../platform/graphql/relay.js';
import { HubService, findHubOfPcn } from '../../hub-services/index.js';
import type { Organisation } from '../../organisations/index.js';
import { CapacityPlan } from '../inbox-settings.entity.js';
import { OnlineConsultation } from '../online-consultation.entity.js';
import { OPEN_STATES } from '../online-consultation.state.js';
import {
  capacityState,
  hubCapacity,
  londonDate,
  londonDayStart,
  mostRestrictive,
  scaled,
  type HubCapacityFacts,
} from './capacity.rules.js';
import { closureInForce, closuresOverlapping } from '../continuity/hub-closure.query.js';
import type { HubClosure } from '../inbox-settings.entity.js';
import type { CapacityState, OverflowMode } from '../inbox.codes.js';
import { canPlanCapacity } from '../inbox.policy.js';

const MAX_COUNT = 100_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day after `date` (YYYY-MM-DD). */
function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Hub-wide capacity at the instant `at`: open hub-owned consultations against the sums of that
 * (London) day's plans, scaled or closed by the business continuity period in force then.
 */
export async function loadHubCapacity(em: Em, hubId: string, at: Date): Promise<HubCapacityFacts> {
  const plans = await em.find(CapacityPlan, { date: londonDate(at), service: { hub: hubId, active: true } });
  const load = await em.count(OnlineConsultation, { owner: hubId, state: { $in: [...OPEN_STATES] } });
  return hubCapacity(load, plans, await closureInForce(em, hubId, at));
}

export interface ServiceCapacity {
  readonly service: HubService;
  readonly plan: CapacityPlan | null;
  readonly load: number;
  readonly state: CapacityState;
}

export interface CapacityOverview extends HubCapacityFacts {
  readonly date: string;
  /** The continuity period applied: in force now (today), or the most restrictive overlapping the day. */
  readonly closure: HubClosure | null;
  readonly services: ServiceCapacity[];
}

/** Capacity plans and the capacity view. */
export class CapacityService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private async hub(): Promise<Organisation> {
    const hub = await findHubOfPcn(this.ctx.em, this.ctx.actor.pcnId);
    if (!hub) throw Errors.conflict('This PCN has no hub', { reason: 'NO_HUB' });
    return hub;
  }

  /**
   * Per service: its queue load (open consultations signposted to it, queued or in progress) against
   * its plan for `date`; and the hub as a whole, as routing sees it.
   */
  async overview(date: string | null): Promise<CapacityOverview> {
    const day = date ?? londonDate(new Date());
    const hub = await this.hub();
    const em = this.ctx.em;
    const services = await em.find(HubService, { hub: hub.id, active: true }, { orderBy: { name: 'asc' } });
    const plans = await em.find(CapacityPlan, { date: day, service: { $in: services.map((s) => s.id) } });
    const rows = await em.getConnection().execute<{ service_id: string; n: string | number }[]>(
      `select signpost_service_id as service_id, count(*) as n from online_consultation
        where owner_id = ? and state in ('HUB_SERVICE_QUEUE', 'IN_PROGRESS') and signpost_service_id is not null
        group by signpost_service_id`,
      [hub.id],
    );
    const loads = new Map(rows.map((r) => [r.service_id, Number(r.n)]));
    const planOf = new Map(plans.map((p) => [p.service.id, p]));
    const hubLoad = await em.count(OnlineConsultation, { owner: hub.id, state: { $in: [...OPEN_STATES] } });
    const now = new Date();
    const closure =
      day === londonDate(now)
        ? await closureInForce(em, hub.id, now)
        : mostRestrictive(await closuresOverlapping(em, hub.id, londonDayStart(day), londonDayStart(nextDay(day))));
    const hubFacts = hubCapacity(hubLoad, plans, closure);
    const percent = hubFacts.capacityPercent;
    return {
      date: day,
      closure,
      ...hubFacts,
      services: services.map((service) => {
        const plan = planOf.get(service.id) ?? null;
        const load = loads.get(service.id) ?? 0;
        // Reduced capacity scales each service's thresholds as it scales the hub's.
        const limits = plan && {
          softThreshold: scaled(plan.softThreshold, percent),
          hardThreshold: scaled(plan.hardThreshold, percent),
        };
        return { service, plan, load, state: capacityState(load, limits) };
      }),
    };
  }

  async setPlan(input: {
    serviceId: string;
    date: string;
    plannedCapacity: number;
    softThreshold: number;
    hardThreshold: number;
    overflowMode: OverflowMode;
  }): Promise<CapacityPlan> {
    const serviceId = expectGlobalId(input.serviceId, 'HubService', 'input.serviceId');
    if (!ISO_DATE.test(input.date)) throw Errors.badInput('input.date', 'date must be YYYY-MM-DD');
    if (input.date < londonDate(new Date())) throw Errors.badInput('input.date', 'date cannot be in the past');
    for (const field of ['plannedCapacity', 'softThreshold', 'hardThreshold'] as const) {
      const value = input[field];
      if (!Number.isInteger(value) || value < 0 || value > MAX_COUNT) {
        throw Errors.badInput(`input.${field}`, `${field} must be 0-${MAX_COUNT}`);
      }
    }
    if (input.softThreshold > input.hardThreshold) {
      throw Errors.badInput('input.softThreshold', 'softThreshold cannot exceed hardThreshold');
    }
    const service = await this.ctx.em.findOne(HubService, { id: serviceId });
    if (!service || !canPlanCapacity(this.ctx.actor, { hubId: service.hub.id })) {
      // A service of another hub answers like a missing one.
      throw Errors.notFound('HubService', input.serviceId);
    }
    return this.ctx.em.transactional(async (em) => {
      let plan = await em.findOne(CapacityPlan, { service: serviceId, date: input.date });
      const values = {
        plannedCapacity: input.plannedCapacity,
        softThreshold: input.softThreshold,
        hardThreshold: input.hardThreshold,
        overflowMode: input.overflowMode,
        updatedBy: this.ctx.actor.id,
      };
      if (plan) em.assign(plan, values);
      else plan = em.create(CapacityPlan, { service: serviceId, date: input.date, ...values });
      this.ctx.audit.record(em, {
        action: 'setCapacityPlan',
        subjectType: 'CapacityPlan',
        subjectId: plan.id,
        reason: `${input.date} ${input.overflowMode} ${input.softThreshold}/${input.hardThreshold}`,
      });
      return plan;
    });
  }
}
