import DataLoader from 'dataloader';
import type { RequestContext } from '../../platform/context.js';
import { loaderByParent } from '../../platform/db/loaders.js';
import { writeBackStatusByEntry, type EntryWriteBackStatus } from '../write-back/index.js';
import { ConsultationEntry } from './consultation.entity.js';

/** Entries (including removed ones) by consultation id: one statement per batch. */
export const entriesByConsultation = loaderByParent('entriesByConsultation', ConsultationEntry, 'consultation', {
  id: 'asc',
});

/** Write-back status by entry id: two statements per batch. */
export function writeBackByEntry(ctx: RequestContext): DataLoader<string, EntryWriteBackStatus | null> {
  return ctx.loader(
    'writeBackByEntry',
    (c) =>
      new DataLoader<string, EntryWriteBackStatus | null>(async (ids) => {
        const statuses = await writeBackStatusByEntry(c.em, ids);
        return ids.map((id) => statuses.get(id) ?? null);
      }),
  );
}
