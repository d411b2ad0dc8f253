import DataLoader from 'dataloader';
import type { RequestContext } from '../../platform/context.js';
import { Patient, patientScope } from '../patients/index.js';
import { HubTeam } from './referral-setup.entity.js';
import { Referral, ReferralTransition } from './referral.entity.js';

/** Patients by id, limited to those the viewer may see; one statement per batch. */
export function visiblePatientById(ctx: RequestContext): DataLoader<string, Patient | null> {
  return ctx.loader(
    'referrals.visiblePatientById',
    (c) =>
      new DataLoader<string, Patient | null>(async (ids) => {
        const rows = c.actor
          ? await c.em.find(Patient, { $and: [{ id: { $in: [...ids] } }, patientScope(c.actor)] })
          : [];
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/** Referral histories, oldest first; one statement per batch. */
export function historyByReferral(ctx: RequestContext): DataLoader<string, ReferralTransition[]> {
  return ctx.loader(
    'referrals.historyByReferral',
    (c) =>
      new DataLoader<string, ReferralTransition[]>(async (ids) => {
        const rows = await c.em.find(ReferralTransition, { referral: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
        const byId = new Map<string, ReferralTransition[]>(ids.map((id) => [id, []]));
        for (const row of rows) byId.get(row.referral.id)?.push(row);
        return ids.map((id) => byId.get(id) ?? []);
      }),
  );
}

/** Hub teams by id; one statement per batch. */
export function teamById(ctx: RequestContext): DataLoader<string, HubTeam | null> {
  return ctx.loader(
    'referrals.teamById',
    (c) =>
      new DataLoader<string, HubTeam | null>(async (ids) => {
        const rows = await c.em.find(HubTeam, { id: { $in: [...ids] } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/** Referrals by id (visibility is the caller's concern); one statement per batch. */
export function referralById(ctx: RequestContext): DataLoader<string, Referral | null> {
  return ctx.loader(
    'referrals.referralById',
    (c) =>
      new DataLoader<string, Referral | null>(async (ids) => {
        const rows = await c.em.find(Referral, { id: { $in: [...ids] } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
