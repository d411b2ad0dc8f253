import { readdirSync } from 'node:fs';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { HUB_ENTITIES, HUB_MODULES, NODE_FETCHERS } from './modules.js';
import { PLATFORM_ENTITIES } from './platform/db/entities.js';
import { RESOLVERS } from './schema.js';

// Every entity and resolver file of the API, loaded whether or not a descriptor names it.
const entityFiles = import.meta.glob<Record<string, unknown>>(
  ['./modules/**/*.entity.ts', './platform/**/*.entity.ts'],
  {
    eager: true,
  },
);
// Every file that may declare a resolver (no entry points: they would start a server).
import.meta.glob(
  ['./modules/**/*.ts', './platform/**/*.ts', './*.resolver.ts', '!**/*.test.ts', '!**/*.testkit.ts', '!**/testing/**'],
  {
    eager: true,
  },
);

/** The classes the entity files export: each is a `defineEntity` class. */
function entityClasses(): unknown[] {
  return Object.values(entityFiles).flatMap((exports) =>
    Object.values(exports).filter(
      (value) => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value)),
    ),
  );
}

describe('the composition root lists every module once', () => {
  it('has a descriptor for every folder under modules/, named after it, once', () => {
    const folders = readdirSync(new URL('./modules/', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const names = HUB_MODULES.map((m) => m.name);
    expect([...names].sort()).toEqual(folders);
    expect(new Set(names).size).toBe(names.length);
  });

  it('maps every entity class of every *.entity.ts, each once', () => {
    const mapped = [...PLATFORM_ENTITIES, ...HUB_ENTITIES];
    expect(new Set(mapped).size).toBe(mapped.length);
    const missing = entityClasses().filter((cls) => !mapped.includes(cls as never));
    expect(missing.map((cls) => (cls as { name: string }).name)).toEqual([]);
    expect(entityClasses().length).toBe(mapped.length);
  });

  it('builds the schema from every @Resolver class of the API, each once', () => {
    const declared = new Set(getMetadataStorage().resolverClasses.map((r) => r.target));
    const listed = new Set<unknown>(RESOLVERS);
    expect(listed.size).toBe(RESOLVERS.length);
    expect([...declared].filter((cls) => !listed.has(cls)).map((cls) => cls.name)).toEqual([]);
    expect([...listed].filter((cls) => !declared.has(cls as never))).toEqual([]);
  });

  it('has one node(id:) fetcher per Node type, from the module that owns it', () => {
    const claimed = HUB_MODULES.flatMap((m) => Object.keys(m.nodeFetchers ?? {}));
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(Object.keys(NODE_FETCHERS).sort()).toEqual([...claimed].sort());
  });
});
