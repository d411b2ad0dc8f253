import type { AuthenticatedContext } from '../../platform/context.js';
import { HubError } from '../../platform/errors.js';
import { toPluginType } from './plugins.mappers.js';
import { PluginService } from './plugins.service.js';
import type { PluginType } from './plugins.types.js';

/** `node(id:)` for a Plugin: the same visibility as `plugin(id:)`; invisible answers null. */
export async function pluginNode(ctx: AuthenticatedContext, id: string): Promise<PluginType | null> {
  const staffMayView = ['HUB_MANAGER', 'HUB_ADMIN', 'PRACTICE_ADMIN'].some((role) => ctx.actor.roles.has(role as never));
  if (!staffMayView) return null;
  try {
    return toPluginType(await new PluginService(ctx).visible(id, 'id'));
  } catch (error) {
    if (error instanceof HubError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
