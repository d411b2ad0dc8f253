import DataLoader from 'dataloader';
import type { RequestContext } from '../../platform/context.js';
import { Patient, patientScope } from '../patients/index.js';
import { ConsultationTransition } from './online-consultation.entity.js';

/** Matched patients by id, limited to those the viewer may see; one statement per batch. */
export function visiblePatientById(ctx: RequestContext): DataLoader<string, Patient | null> {
  return ctx.loader('inbox.visiblePatientById', (c) =>
    new DataLoader<string, Patient | null>(async (ids) => {
      const rows = c.actor
        ? await c.em.find(Patient, { $and: [{ id: { $in: [...ids] } }, patientScope(c.actor)] })
        : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}

/** The history of consultations, oldest first; one statement per batch. */
export function historyByConsultation(ctx: RequestContext): DataLoader<string, ConsultationTransition[]> {
  return ctx.loader('inbox.historyByConsultation', (c) =>
    new DataLoader<string, ConsultationTransition[]>(async (ids) => {
      const rows = await c.em.find(
        ConsultationTransition,
        { consultation: { $in: [...ids] } },
        { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      );
      const byId = new Map<string, ConsultationTransition[]>(ids.map((id) => [id, []]));
      for (const row of rows) byId.get(row.consultation.id)?.push(row);
      return ids.map((id) => byId.get(id) ?? []);
    }),
  );
}
