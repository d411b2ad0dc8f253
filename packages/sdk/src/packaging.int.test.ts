/**
 * The packages a vendor installs, as a vendor gets them: `pnpm pack` for @pcn-hub/schema,
 * @pcn-hub/sdk and @pcn-hub/api (the command the guide gives), then `npm install` of the tarballs
 * into an empty project outside the workspace, where the guide's first steps, every snippet of the
 * guide, a `startTestHub` test under `node --test` and a type check of the guide run against what
 * npm installed and nothing else. Needs the built `dist` of the three (the global setup's `tsc -b`)
 * and the npm registry for their dependencies (npm's own cache is used as is).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const README = new URL('../README.md', import.meta.url);
const PACKAGES = {
  schema: { name: '@pcn-hub/schema', dir: 'packages/schema' },
  sdk: { name: '@pcn-hub/sdk', dir: 'packages/sdk' },
  api: { name: '@pcn-hub/api', dir: 'packages/api' },
} as const;
type Key = keyof typeof PACKAGES;
const KEYS = Object.keys(PACKAGES) as Key[];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, never throwing: the caller asserts on the exit code with the output in view. */
function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeout = 180_000,
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr: error && code === null ? `${stderr}\n${error.message}` : stderr });
    });
  });
}

function expectSuccess(result: Run, what: string): void {
  const tail = (text: string) => text.slice(-4000);
  expect(result.code, `${what} failed\n--- stdout\n${tail(result.stdout)}\n--- stderr\n${tail(result.stderr)}`).toBe(0);
}

/**
 * The environment of a fresh shell: no trace of vitest or of the pnpm that may have started it, no
 * NODE_PATH or NODE_OPTIONS that could reach into the workspace. npm's cache, registry and proxy
 * settings are kept.
 */
function vendorEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(vitest|pnpm_|npm_(?!config_)|npm_config_(user_agent|verify_deps_before_run)$)/i.test(name)) continue;
    if (['NODE_ENV', 'NODE_OPTIONS', 'TEST', 'INIT_CWD'].includes(name)) continue;
    env[name] = value;
  }
  env.NODE_PATH = '';
  return env;
}

/** The guide's runnable TypeScript: each ```ts block after `<!-- guide:<name> -->` (as vendor-guide.int.test.ts reads them). */
function guideSnippets(markdown: string): { name: string; code: string }[] {
  return [...markdown.matchAll(/<!-- guide:([a-z-]+) -->\n\n?```ts\n([\s\S]*?)```/g)].map((m) => ({
    name: m[1]!,
    code: m[2]!,
  }));
}

/** The guide's JavaScript for an installed project: each ```js block after `<!-- packaged:<name> -->`. */
function packagedSnippets(markdown: string): Map<string, string> {
  return new Map(
    [...markdown.matchAll(/<!-- packaged:([a-z-]+) -->\n\n?```js\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!]),
  );
}

/** One module running the guide's snippets in order, as vendor-guide.int.test.ts assembles them. */
function assembleGuide(snippets: { code: string }[], returned: readonly string[]): string {
  const imports = new Set<string>();
  const body: string[] = [];
  for (const { code } of snippets) {
    for (const line of code.split('\n')) {
      if (line.startsWith('import ')) imports.add(line);
      else body.push(line);
    }
  }
  return `${[...imports].join('\n')}\n\nexport async function run() {\n${body.join('\n')}\nreturn { ${returned.join(', ')} };\n}\n`;
}

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  repository?: { url?: string; directory?: string };
  exports: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** An `exports` map without the workspace-only `source` condition. */
function withoutSource(exports: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(exports).map(([path, target]) => {
      if (typeof target !== 'object' || target === null) return [path, target];
      return [path, Object.fromEntries(Object.entries(target).filter(([condition]) => condition !== 'source'))];
    }),
  );
}

let work: string;
const tarballs = {} as Record<Key, string>;
const entries = {} as Record<Key, string[]>;
const manifests = {} as Record<Key, Manifest>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pcn-hub-packaging-'));
  const packed = join(work, 'packed');
  await mkdir(packed);
  // The command the guide gives for packing from a checkout.
  const filters = KEYS.flatMap((key) => ['--filter', PACKAGES[key].name]);
  expectSuccess(await run('pnpm', [...filters, 'pack', '--pack-destination', packed], ROOT, process.env), 'pnpm pack');
  const files = await readdir(packed);
  for (const key of KEYS) {
    const file = files.find((name) => name.startsWith(`pcn-hub-${key}-`) && name.endsWith('.tgz'));
    expect(file, `tarball of ${PACKAGES[key].name} in ${files.join(', ')}`).toBeDefined();
    tarballs[key] = join(packed, file!);
    const listed = await run('tar', ['tzf', tarballs[key]], packed, process.env);
    expectSuccess(listed, `tar tzf ${file!}`);
    entries[key] = listed.stdout.split('\n').filter(Boolean);
    const manifest = await run('tar', ['xzOf', tarballs[key], 'package/package.json'], packed, process.env);
    expectSuccess(manifest, `package.json of ${file!}`);
    manifests[key] = JSON.parse(manifest.stdout) as Manifest;
  }
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it('hold the compiled library, its types, README and LICENSE: no tests, test kits, sources, maps or configs', () => {
    for (const key of KEYS) {
      const files = entries[key];
      expect(
        files.every((file) => file.startsWith('package/')),
        key,
      ).toBe(true);
      expect(files, key).toEqual(
        expect.arrayContaining(['package/package.json', 'package/LICENSE', 'package/README.md']),
      );
      const unwanted = files.filter((file) =>
        /\.(test|int\.test|testkit|testing)\.|\.map$|tsconfig|tsbuildinfo|^package\/(src|scripts)\/|^package\/dist\/(bundle|test|guide)\//.test(
          file,
        ),
      );
      expect(unwanted, key).toEqual([]);
      expect(files.filter((file) => file.endsWith('.js')).length, key).toBeGreaterThan(0);
      // Every module ships its declarations.
      for (const js of files.filter((file) => file.endsWith('.js')))
        expect(files, key).toContain(js.replace(/\.js$/, '.d.ts'));
    }
    expect(entries.schema).toContain('package/schema.graphql');
    // The testing hub's migrations are compiled modules: all of them are in the tarball.
    expect(
      entries.api.filter((file) => /^package\/dist\/platform\/db\/migrations\/migration-.*\.js$/.test(file)).length,
    ).toBeGreaterThan(0);
  });

  it('have publishable manifests: real versions, MIT, exports with types, the peers a consumer needs', async () => {
    for (const key of KEYS) {
      const manifest = manifests[key];
      const workspace = JSON.parse(await readFile(join(ROOT, PACKAGES[key].dir, 'package.json'), 'utf8')) as Manifest;
      expect(manifest.name).toBe(PACKAGES[key].name);
      expect(manifest.private, key).toBeUndefined();
      expect(manifest.license, key).toBe('MIT');
      expect(manifest.repository, key).toMatchObject({
        url: expect.stringMatching(/^git\+https:/),
        directory: PACKAGES[key].dir,
      });
      expect(JSON.stringify(manifest), key).not.toContain('workspace:');
      // The published exports are the workspace's without `source` (the TypeScript the workspace resolves).
      expect(manifest.exports, key).toEqual(withoutSource(workspace.exports));
      for (const [path, target] of Object.entries(manifest.exports)) {
        const targets = typeof target === 'string' ? { default: target } : (target as Record<string, string>);
        if (typeof target !== 'string' && path !== './package.json')
          expect(Object.keys(targets), `${key} ${path}`).toEqual(['types', 'default']);
        for (const file of Object.values(targets))
          expect(entries[key], `${key} ${path}`).toContain(`package/${file.replace(/^\.\//, '')}`);
      }
      expect(manifest.peerDependencies?.graphql, key).toBe('^16.15.0');
      expect(manifest.dependencies?.graphql, key).toBeUndefined();
    }
    const { sdk, schema, api } = manifests;
    expect(sdk.dependencies?.['@pcn-hub/schema']).toBe(schema.version);
    expect(sdk.peerDependencies?.['@pcn-hub/api']).toBe(`^${api.version}`);
    expect(sdk.peerDependenciesMeta?.['@pcn-hub/api']).toEqual({ optional: true });
    expect(api.dependencies?.['@pcn-hub/schema']).toBe(schema.version);
    expect(Object.keys(api.exports)).toEqual(['./embedded', './package.json']);
  });

  it('import at run time only what they declare (no test helper pulling in a development dependency)', async () => {
    for (const key of KEYS) {
      const unpacked = join(work, 'unpacked', key);
      await mkdir(unpacked, { recursive: true });
      expectSuccess(await run('tar', ['xzf', tarballs[key], '-C', unpacked], unpacked, process.env), `tar xzf ${key}`);
      const { dependencies = {}, peerDependencies = {} } = manifests[key];
      const declared = new Set([...Object.keys(dependencies), ...Object.keys(peerDependencies)]);
      const undeclared: string[] = [];
      for (const file of entries[key].filter((entry) => entry.endsWith('.js'))) {
        const code = await readFile(join(unpacked, file), 'utf8');
        // Static imports and re-exports (at the start of a line, as tsc emits them) and import().
        const imports =
          /^(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
        for (const match of code.matchAll(imports)) {
          const specifier = (match[1] ?? match[2] ?? match[3])!;
          if (specifier.startsWith('.') || isBuiltin(specifier)) continue;
          const name = specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/');
          if (!declared.has(name)) undeclared.push(`${file}: ${specifier}`);
        }
      }
      expect(undeclared, key).toEqual([]);
    }
  });

  it(
    'install with npm into an empty project outside the workspace, where the guide, a startTestHub test and its types work',
    { timeout: 300_000 },
    async () => {
      const vendor = await realpath(await mkdtemp(join(tmpdir(), 'pcn-hub-vendor-')));
      const inWorkspace = !relative(await realpath(ROOT), vendor).startsWith('..');
      expect(inWorkspace, `${vendor} must be outside the workspace`).toBe(false);
      const env = vendorEnv();
      const npm = (args: string[]) => run('npm', [...args, '--no-audit', '--no-fund'], vendor, env);
      const node = (args: string[]) => run(process.execPath, args, vendor, env, 120_000);
      const readme = await readFile(README, 'utf8');
      try {
        expectSuccess(await run('npm', ['init', '-y'], vendor, env), 'npm init');
        // As the guide says: the SDK (with the schema, until it is on a registry) for the product, the API
        // for its tests. graphql comes as the SDK's peer. TypeScript only to check the guide's types.
        expectSuccess(await npm(['install', tarballs.schema, tarballs.sdk]), 'npm install @pcn-hub/sdk');
        const root = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
          devDependencies: Record<string, string>;
        };
        const typescript = `typescript@${root.devDependencies.typescript!}`;
        const nodeTypes = `@types/node@${root.devDependencies['@types/node']!}`;
        expectSuccess(
          await npm(['install', '--save-dev', tarballs.api, typescript, nodeTypes]),
          'npm install @pcn-hub/api',
        );

        // Everything resolves inside the project, graphql exactly once (a second copy fails the schema).
        const specifiers = [
          '@pcn-hub/sdk',
          '@pcn-hub/sdk/client',
          '@pcn-hub/sdk/plugin',
          '@pcn-hub/sdk/testing',
          '@pcn-hub/schema',
          '@pcn-hub/api/embedded',
          'graphql',
        ];
        await writeFile(
          join(vendor, 'resolve.mjs'),
          `import { fileURLToPath } from 'node:url';\nconst found = {};\nfor (const s of ${JSON.stringify(specifiers)}) {\n  await import(s);\n  found[s] = fileURLToPath(import.meta.resolve(s));\n}\nfound['@pcn-hub/schema/schema.graphql'] = fileURLToPath(import.meta.resolve('@pcn-hub/schema/schema.graphql'));\nconsole.log(JSON.stringify(found));\n`,
        );
        const resolved = await node(['resolve.mjs']);
        expectSuccess(resolved, 'resolve.mjs');
        for (const [specifier, file] of Object.entries(JSON.parse(resolved.stdout) as Record<string, string>)) {
          expect(file.startsWith(`${vendor}${sep}node_modules${sep}`), `${specifier} -> ${file}`).toBe(true);
        }
        const graphqls = (await readdir(join(vendor, 'node_modules'), { recursive: true })).filter(
          (path) =>
            path === join('graphql', 'package.json') ||
            path.endsWith(`${sep}node_modules${sep}graphql${sep}package.json`),
        );
        expect(graphqls).toEqual([join('graphql', 'package.json')]);

        // The guide's first steps, verbatim.
        const packaged = packagedSnippets(readme);
        expect([...packaged.keys()]).toEqual(['first-steps', 'node-test']);
        await writeFile(join(vendor, 'first-steps.mjs'), packaged.get('first-steps')!);
        const firstSteps = await node(['first-steps.mjs']);
        expectSuccess(firstSteps, 'first-steps.mjs');
        expect(firstSteps.stdout).toContain("hub.manager [ 'HUB_MANAGER' ] Y99000");

        // Every snippet of the guide, in order, as TypeScript (Node strips the types) against a test hub.
        const returned = ['plugin', 'apiKey', 'entry', 'explained', 'delivered', 'fieldAtFault', 'viewer'];
        await writeFile(join(vendor, 'guide.mts'), assembleGuide(guideSnippets(readme), returned));
        await writeFile(
          join(vendor, 'run-guide.mjs'),
          [
            "import { startTestHub } from '@pcn-hub/sdk/testing';",
            "const hub = await startTestHub({ env: { PLUGIN_WEBHOOK_POLL_MS: '50', WRITE_BACK_POLL_MS: '50' } });",
            'try {',
            '  process.env.PCN_HUB_URL = hub.url;',
            "  process.env.HUB_MANAGER_TOKEN = await hub.token('hub.manager', 3600);",
            "  process.env.PRACTICE_ADMIN_TOKEN = await hub.token('p1.admin', 3600);",
            "  const { run } = await import('./guide.mts');",
            "  console.log('GUIDE ' + JSON.stringify(await run()));",
            '} finally {',
            '  await hub.stop();',
            '}',
            '',
          ].join('\n'),
        );
        const stripTypes = process.features.typescript ? [] : ['--experimental-strip-types'];
        const guide = await node([...stripTypes, 'run-guide.mjs']);
        expectSuccess(guide, 'the guide');
        const line = guide.stdout.split('\n').find((text) => text.startsWith('GUIDE '));
        expect(line, guide.stdout).toBeDefined();
        const out = JSON.parse(line!.slice('GUIDE '.length)) as Record<string, any>;
        expect(out.plugin.name).toBe('acme-minor-illness');
        expect(out.apiKey).toMatch(/^pcnhub_/);
        expect(out.explained).toMatchObject({
          willWriteBack: true,
          state: 'DELIVERED',
          sourcePlugin: { name: 'acme-minor-illness' },
        });
        expect(out.delivered).toMatchObject({
          type: 'write-back.WRITE_BACK_DELIVERED',
          organisation: { odsCode: 'Y99011' },
        });
        expect(out.delivered.data.entryId).toBe(out.entry.id);
        expect(out.fieldAtFault).toMatch(/^input\.entries\[0\]/);
        expect(out.viewer).toMatchObject({ name: 'acme-minor-illness' });

        // A vendor's test file with a test hub, under Node's own runner.
        await writeFile(join(vendor, 'hub.test.mjs'), packaged.get('node-test')!);
        const tested = await node(['--test', '--test-reporter=tap', 'hub.test.mjs']);
        expectSuccess(tested, 'node --test hub.test.mjs');
        expect(tested.stdout).toMatch(/^# pass 1$/m);
        expect(tested.stdout).toMatch(/^# fail 0$/m);

        // The guide type-checks against the installed declarations (library files included).
        await writeFile(
          join(vendor, 'entry-points.mts'),
          [
            "import type { EmbeddedHub } from '@pcn-hub/api/embedded';",
            "import { ERROR_CODES, isValidNhsNumber } from '@pcn-hub/schema';",
            "import { HubApiError } from '@pcn-hub/sdk';",
            "import { createHubClient } from '@pcn-hub/sdk/client';",
            "import { definePlugin } from '@pcn-hub/sdk/plugin';",
            "import { startTestHub, type TestHub } from '@pcn-hub/sdk/testing';",
            'export type Used = [EmbeddedHub, TestHub, typeof ERROR_CODES, typeof isValidNhsNumber, typeof HubApiError];',
            'export const used = [createHubClient, definePlugin, startTestHub];',
            '',
          ].join('\n'),
        );
        await writeFile(
          join(vendor, 'tsconfig.json'),
          JSON.stringify({
            compilerOptions: {
              target: 'ES2023',
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              strict: true,
              noEmit: true,
              skipLibCheck: false,
              types: ['node'],
            },
            files: ['guide.mts', 'entry-points.mts'],
          }),
        );
        expectSuccess(
          await node([join(vendor, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']),
          'tsc in the vendor project',
        );
      } finally {
        await rm(vendor, { recursive: true, force: true });
      }
    },
  );
});
