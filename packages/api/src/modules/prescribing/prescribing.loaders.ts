import DataLoader from 'dataloader';
import type { RequestContext } from '../../platform/context.js';
import { StaffUser } from '../organisations/index.js';
import { Patient } from '../patients/index.js';

/** Patients by database id, one SQL statement per batch. Visibility is the caller's concern. */
export function patientById(ctx: RequestContext): DataLoader<string, Patient | null> {
  return ctx.loader(
    'prescribing.patientById',
    (c) =>
      new DataLoader<string, Patient | null>(async (ids) => {
        const rows = await c.em.find(Patient, { id: { $in: [...ids] } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/** Staff users by database id, one SQL statement per batch. */
export function staffUserById(ctx: RequestContext): DataLoader<string, StaffUser | null> {
  return ctx.loader(
    'prescribing.staffUserById',
    (c) =>
      new DataLoader<string, StaffUser | null>(async (ids) => {
        const rows = await c.em.find(StaffUser, { id: { $in: [...ids] } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
