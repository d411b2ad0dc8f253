import type { AuthenticatedContext } from '../../platform/context.js';
import type { Em } from '../../platform/db/orm.js';
import { Organisation } from '../organisations/index.js';
import { HubService } from './hub-service.entity.js';

/** The hub of a PCN (its one organisation of kind HUB), or null when it has none. */
export async function findHubOfPcn(em: Em, pcnId: string): Promise<Organisation | null> {
  return em.findOne(Organisation, { kind: 'HUB', pcn: pcnId, active: true }, { orderBy: { odsCode: 'asc' } });
}

/** Use cases for hub services. */
export class HubServiceCatalogue {
  constructor(private readonly ctx: AuthenticatedContext) {}

  /** The services of the viewer's PCN hub, by name. */
  async list(activeOnly: boolean): Promise<HubService[]> {
    const hub = await findHubOfPcn(this.ctx.em, this.ctx.actor.pcnId);
    if (!hub) return [];
    return this.ctx.em.find(
      HubService,
      { hub: hub.id, ...(activeOnly ? { active: true } : {}) },
      { orderBy: { name: 'asc' } },
    );
  }
}
