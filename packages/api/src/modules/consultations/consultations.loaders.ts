import DataLoader from 'dataloader';
import type { RequestContext } from '../../platform/context.js';
import { writeBackStatusByEntry, type EntryWriteBackStatus } from '../write-back/index.js';
import { ConsultationEntry } from './consultation.entity.js';

/** Entries (including removed ones) by consultation id: one statement per batch. */
export function entriesByConsultation(ctx: RequestContext): DataLoader<string, ConsultationEntry[]> {
  return ctx.loader('entriesByConsultation', (c) =>
    new DataLoader<string, ConsultationEntry[]>(async (ids) => {
      const rows = await c.em.find(ConsultationEntry, { consultation: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
      const byConsultation = new Map<string, ConsultationEntry[]>(ids.map((id) => [id, []]));
      for (const row of rows) byConsultation.get(row.consultation.id)?.push(row);
      return ids.map((id) => byConsultation.get(id) ?? []);
    }),
  );
}

/** Write-back status by entry id: two statements per batch. */
export function writeBackByEntry(ctx: RequestContext): DataLoader<string, EntryWriteBackStatus | null> {
  return ctx.loader('writeBackByEntry', (c) =>
    new DataLoader<string, EntryWriteBackStatus | null>(async (ids) => {
      const statuses = await writeBackStatusByEntry(c.em, ids);
      return ids.map((id) => statuses.get(id) ?? null);
    }),
  );
}
