import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { HUB_ENTITIES, HUB_MODULES, MODULE_WORKERS, NODE_FETCHERS, pluginDeliveryGivenUp } from './modules.js';
import { PLATFORM_ENTITIES } from './platform/db/entities.js';
import { RESOLVERS } from './schema.js';

/** Source files under `folders` (tests, testkits and test helpers excluded) whose name matches `name`. */
function sources(folders: readonly string[], name: RegExp): string[] {
  return folders.flatMap((folder) => {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => name.test(file) && !/\.(test|testkit)\.ts$/.test(file) && !file.split(sep).includes('testing'))
      .map((file) => join(dir, file));
  });
}

// Every entity file, and every file that may declare a resolver, loaded whether or not a
// descriptor names it (no entry points: they would start a server).
const entityFiles = await Promise.all(
  sources(['./modules/', './platform/'], /\.entity\.ts$/).map(
    (file) => import(pathToFileURL(file).href) as Promise<Record<string, unknown>>,
  ),
);
await Promise.all(sources(['./modules/', './platform/'], /\.ts$/).map((file) => import(pathToFileURL(file).href)));

/** The classes the entity files export: each is a `defineEntity` class. */
function entityClasses(): unknown[] {
  return entityFiles.flatMap((exports) =>
    Object.values(exports).filter(
      (value) => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value)),
    ),
  );
}

// The naming rule of module files, as the lint rule `local/module-file-names` states it (eslint.local-rules.js).
const { moduleFileNameProblem } = (await import(new URL('../../../eslint.local-rules.js', import.meta.url).href)) as {
  moduleFileNameProblem: (rel: string, exists: (rel: string) => boolean) => string | null;
};

describe('module files follow one naming rule', () => {
  it('names every file under modules/ (not only those lint sees) <topic>.<role>.ts, its test, index.ts or README.md', () => {
    const modulesDir = fileURLToPath(new URL('./modules/', import.meta.url));
    const files = readdirSync(modulesDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(modulesDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
    expect(files.length).toBeGreaterThan(200);
    const problems = files.flatMap(
      (rel) => moduleFileNameProblem(rel, (other) => existsSync(join(modulesDir, other))) ?? [],
    );
    expect(problems).toEqual([]);
  });
});

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

  it('lists every worker once, by a unique name, from the modules that own them', () => {
    const names = MODULE_WORKERS.map((worker) => worker.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['write-back', 'plugin-webhooks']);
  });

  it('tells every module that asks of a plugin delivery given up on, in module order', async () => {
    const told: string[] = [];
    const saved = HUB_MODULES.map((m) => [m, m.onPluginDeliveryGivenUp] as const);
    try {
      for (const [m] of saved) {
        if (m.onPluginDeliveryGivenUp) {
          (m as { onPluginDeliveryGivenUp?: unknown }).onPluginDeliveryGivenUp = async () => {
            told.push(m.name);
          };
        }
      }
      await pluginDeliveryGivenUp({} as never)({ eventId: 1, eventType: 'eps.X', organisationId: 'o' });
    } finally {
      for (const [m, hook] of saved) (m as { onPluginDeliveryGivenUp?: unknown }).onPluginDeliveryGivenUp = hook;
    }
    expect(told).toEqual(['prescribing', 'replies']);
  });
});
