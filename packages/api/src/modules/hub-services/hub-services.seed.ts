import type { Em } from '../../platform/db/orm.js';
import type { DemoPcn } from '../../platform/hub-module.js';
import { uuidv7 } from '../../platform/ids.js';
import { HubService, type HubServiceKind } from './hub-service.entity.js';

/** The demo hub's services (their referral set-up is the referrals module's seed). */
export const DEMO_HUB_SERVICES = [
  { kind: 'MINOR_ILLNESS', name: 'Minor Illness' },
  { kind: 'ENHANCED_ACCESS', name: 'Enhanced Access' },
  { kind: 'FCP_PHYSIO', name: 'Physiotherapy' },
  { kind: 'PHARMACY', name: 'Pharmacy' },
] as const satisfies readonly { kind: HubServiceKind; name: string }[];

/** Seeds the demo hub's services, active. */
export async function seedDemoHubServices(em: Em, demo: DemoPcn): Promise<void> {
  await em.insertMany(
    HubService,
    DEMO_HUB_SERVICES.map((service) => ({
      id: uuidv7(),
      hub: demo.hub.id,
      kind: service.kind,
      name: service.name,
      active: true,
      createdAt: demo.now,
    })),
  );
}
