import { readFileSync } from 'node:fs';
import { buildSchema, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { fetchableNodeTypes } from './node.resolver.js';
import type { Role } from './platform/auth/roles.js';
import type { AuthenticatedContext } from './platform/context.js';
import { fetchNode, type QueryNodeFetcher } from './platform/graphql/node-fetcher.js';

/** The committed contract (the schema drift check keeps it equal to the API's schema). */
const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));

describe('node(id:) covers every Node type', () => {
  const node = schema.getType('Node');
  const nodeTypes =
    node && isInterfaceType(node)
      ? schema
          .getPossibleTypes(node)
          .filter(isObjectType)
          .map((t) => t.name)
          .sort()
      : [];

  it('finds the Node types in the schema', () => {
    expect(nodeTypes.length).toBeGreaterThan(20);
  });

  it('has a fetcher for every type implementing Node, and none for anything else', () => {
    const fetchable = new Set(fetchableNodeTypes());
    expect(nodeTypes.filter((name) => !fetchable.has(name))).toEqual([]);
    expect([...fetchable].filter((name) => !nodeTypes.includes(name))).toEqual([]);
  });
});

describe('fetchNode: roles for staff, open root fields for plugins', () => {
  const ctxOf = (roles: Role[], scopes?: string[]) =>
    ({
      actor: {
        roles: new Set(roles),
        plugin: scopes ? { id: 'p', name: 'p', keyId: 'k', scopes: new Set(scopes), onBehalfOf: null } : null,
      },
    }) as unknown as AuthenticatedContext;
  const fetcher = (pluginFields?: string[]): QueryNodeFetcher => ({
    roles: ['HUB_MANAGER'],
    pluginFields,
    fetch: vi.fn(async () => ({ id: 'x' })),
  });

  it('staff need one of the roles', async () => {
    expect(await fetchNode(fetcher(), ctxOf(['HUB_MANAGER']), 'x')).toEqual({ id: 'x' });
    const f = fetcher();
    expect(await fetchNode(f, ctxOf(['HUB_ADMIN']), 'x')).toBeNull();
    expect(f.fetch).not.toHaveBeenCalled();
  });

  it('a plugin needs a root field of the type open to its scopes, whatever its roles', async () => {
    // hubConsultation asks consultations:read; pluginWebhookDeliveries is open to a plugin itself (SELF).
    expect(await fetchNode(fetcher(['hubConsultation']), ctxOf(['INTEGRATION'], ['consultations:read']), 'x')).toEqual({
      id: 'x',
    });
    expect(await fetchNode(fetcher(['pluginWebhookDeliveries']), ctxOf(['INTEGRATION'], []), 'x')).toEqual({ id: 'x' });
    for (const f of [fetcher(['hubConsultation']), fetcher(['writeBackAgreements']), fetcher()]) {
      expect(await fetchNode(f, ctxOf(['INTEGRATION', 'HUB_MANAGER'], ['consultations:write']), 'x')).toBeNull();
      expect(f.fetch).not.toHaveBeenCalled();
    }
  });
});
