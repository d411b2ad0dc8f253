import DataLoader from 'dataloader';
import type { RequestContext } from '../../platform/context.js';
import { Plugin } from './plugin.entity.js';

/** Plugins by name within the viewer's PCN (null when unknown there). */
export function pluginByName(ctx: RequestContext): DataLoader<string, Plugin | null> {
  return ctx.loader(
    'plugins.byName',
    (c) =>
      new DataLoader<string, Plugin | null>(async (names) => {
        const rows = await c.em.find(Plugin, { name: { $in: [...names] }, pcn: c.actor?.pcnId ?? '' });
        const byName = new Map(rows.map((row) => [row.name, row]));
        return names.map((name) => byName.get(name) ?? null);
      }),
  );
}
