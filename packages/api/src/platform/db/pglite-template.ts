import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * Templates for new PGlite databases. A new embedded database costs PostgreSQL's initdb in
 * WebAssembly plus every migration (about 4-7 s); loading a tarball of a database that was just
 * migrated costs under 1 s. The first fresh database of a given PGlite version and migration list
 * is dumped (schema and migration bookkeeping only: it is taken before any seed or data) into the
 * template directory; later fresh databases (a new data directory, every `memory://` database of
 * the test suite) start from it and find no migration pending. A template that fails to load is
 * deleted and the database is made the slow way.
 *
 * The key names the PGlite release and the migrations in order, so adding a migration or upgrading
 * PGlite never loads an out-of-date template. The directory should be the deployment's own (by
 * default beside the data directory): whoever can write a template there decides what a new
 * database contains.
 */
export function templateKey(): string {
  const hash = createHash('sha256');
  hash.update(`pglite ${pgliteVersion()}\n`);
  for (const migration of MIGRATIONS) hash.update(`${migration.name}\n`);
  return hash.digest('hex').slice(0, 16);
}

let cachedVersion: string | null = null;

/** The installed PGlite release (its package.json sits one level above its entry module). */
function pgliteVersion(): string {
  if (cachedVersion) return cachedVersion;
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  let dir = join(entry, '..');
  for (let i = 0; i < 4; i++, dir = join(dir, '..')) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    // A synchronous read keeps the key a plain function; it happens once per process.
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (parsed.name === '@electric-sql/pglite' && parsed.version) return (cachedVersion = parsed.version);
  }
  return (cachedVersion = 'unknown');
}

function templatePath(dir: string): string {
  return join(dir, `pglite-${templateKey()}.tar`);
}

/** True when `dataDir` (null: in memory) holds no database yet. */
export function isFreshDatabase(dataDir: string | null): boolean {
  if (dataDir === null) return true;
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/** The current template's bytes, or null when there is none (or it cannot be read). */
export async function readTemplate(dir: string): Promise<Blob | null> {
  try {
    return new Blob([await readFile(templatePath(dir))]);
  } catch {
    return null;
  }
}

/** Forgets a template that failed to load. */
export async function discardTemplate(dir: string): Promise<void> {
  await rm(templatePath(dir), { force: true });
}

/** Something that can dump its data directory (a PGlite instance). */
export interface DumpsDataDir {
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob>;
}

/**
 * Saves a database that was just created and migrated as the template, unless one exists. Written
 * to a temporary name and renamed, so concurrent processes never read half a template.
 */
export async function saveTemplate(dir: string, pglite: DumpsDataDir, logger?: Logger): Promise<void> {
  const target = templatePath(dir);
  if (existsSync(target)) return;
  try {
    const started = performance.now();
    const dump = await pglite.dumpDataDir('none');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    await rename(temporary, target);
    logger?.info({ template: target, ms: Math.round(performance.now() - started) }, 'PGlite template saved');
  } catch (error) {
    // A template only saves time; failing to write one is never fatal.
    logger?.warn({ err: error }, 'PGlite template not saved');
  }
}

/**
 * The template directory for throwaway in-memory hubs (tests, the SDK's embedded hub): the
 * project's `node_modules/.cache/pcn-hub/pglite-templates`, as other build tools keep their
 * caches; 'off' when there is no node_modules beside `cwd`.
 */
export function projectCacheTemplateDir(cwd: string = process.cwd()): string {
  const modules = join(cwd, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'pcn-hub', 'pglite-templates') : 'off';
}
