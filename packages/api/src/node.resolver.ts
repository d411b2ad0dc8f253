import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AuthenticatedContext, RequestContext } from './platform/context.js';
import { fetchNodeOf } from './platform/graphql/node-fetcher.js';
import { fromGlobalId, Node } from './platform/graphql/relay.js';
import { NODE_FETCHERS } from './modules.js';

/** The types `node(id:)` fetches (a schema test checks that every Node type is one). */
export function fetchableNodeTypes(): string[] {
  return Object.keys(NODE_FETCHERS);
}

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, {
    nullable: true,
    description: 'Fetches any object by its global id. Objects the viewer may not see answer null, like missing ones.',
  })
  async node(
    @Arg('id', () => ID, { description: 'Global id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    // Each type's fetcher (its module's *.node.ts) applies the visibility of the type's own queries.
    return fetchNodeOf(NODE_FETCHERS, ctx as AuthenticatedContext, parsed.type, parsed.id);
  }
}
