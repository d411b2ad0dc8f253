import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { WriteBackExplanationType } from '../write-back/index.js';
import { pluginByName } from './plugins.loaders.js';
import { toPluginType } from './plugins.mappers.js';
import { PluginType } from './plugins.types.js';

@Resolver(() => WriteBackExplanationType)
export class WriteBackExplanationPluginResolver {
  @FieldResolver(() => PluginType, {
    nullable: true,
    description:
      'The plugin that produced the entry (null for entries made in pcn-hub itself): its entries follow the same rules.',
  })
  async sourcePlugin(@Root() e: WriteBackExplanationType, @Ctx() ctx: RequestContext): Promise<PluginType | null> {
    if (e.sourceProduct === 'NATIVE') return null;
    const plugin = await pluginByName(ctx).load(e.sourceProduct);
    return plugin ? toPluginType(plugin) : null;
  }
}
