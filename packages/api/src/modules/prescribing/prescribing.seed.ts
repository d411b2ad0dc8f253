import type { Em } from '../../platform/db/orm.js';
import { uuidv7 } from '../../platform/ids.js';
import { PrescribingCostCentre, Prescriber } from './cost-centre.entity.js';
import type { PrescriberCodeKind, Profession } from './prescribing.codes.js';

/** The demo hub's prescribing cost centre and prescribers: made-up codes in the right shapes. */
export const DEMO_PRESCRIBING = {
  costCentre: { odsCode: 'Y99009', name: 'Harbour and Downs PCN Prescribing (demo)', parentCommissionerCode: '99X' },
  prescribers: [
    { username: 'hub.anp1', codeKind: 'PROFESSIONAL', code: '99A0001A', profession: 'NURSE' },
    { username: 'hub.anp2', codeKind: 'PROFESSIONAL', code: '99A0002B', profession: 'NURSE' },
    { username: 'hub.anp3', codeKind: 'SPURIOUS', code: '699003', profession: 'NURSE' },
    { username: 'hub.pharmacist', codeKind: 'PROFESSIONAL', code: '2099001', profession: 'PHARMACIST' },
  ] satisfies readonly { username: string; codeKind: PrescriberCodeKind; code: string; profession: Profession }[],
} as const;

/** Seeds the demo cost centre for `hubId` (inside the demo seed's transaction, on an empty database). */
export async function seedDemoPrescribing(
  em: Em,
  hubId: string,
  staff: readonly { id: string; username: string }[],
): Promise<void> {
  const now = new Date();
  const costCentreId = uuidv7();
  await em.insert(PrescribingCostCentre, {
    id: costCentreId,
    hub: hubId,
    active: true,
    createdAt: now,
    updatedAt: now,
    ...DEMO_PRESCRIBING.costCentre,
  });
  const idOf = new Map(staff.map((s) => [s.username, s.id]));
  await em.insertMany(
    Prescriber,
    DEMO_PRESCRIBING.prescribers.map((p) => ({
      id: uuidv7(),
      costCentre: costCentreId,
      staffUser: idOf.get(p.username)!,
      codeKind: p.codeKind,
      code: p.code,
      profession: p.profession,
      active: true,
      createdAt: now,
      updatedAt: now,
    })),
  );
}
