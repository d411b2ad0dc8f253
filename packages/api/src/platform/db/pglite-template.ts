import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
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

/**
 * Unpacks the template straight into a new on-disk data directory with Node's own file system
 * calls, so PGlite then opens it like an existing database. Handing PGlite the tarball instead
 * (`loadDataDir`) writes every file through its WebAssembly file system, about 1 s for the 43 MB
 * template against 0.15-0.4 s here. The files land in a sibling directory that is renamed into
 * place at the end: a process killed midway leaves no half-made database behind. Returns false
 * when there is no template; throws when the template is unreadable (the caller discards it).
 */
export function unpackTemplate(dir: string, dataDir: string): boolean {
  let tar: Buffer;
  try {
    tar = readFileSync(templatePath(dir));
  } catch {
    return false;
  }
  const staging = resolve(`${dataDir}.unpacking-${process.pid}`);
  // What a killed unpack left behind (one process owns a PGlite data directory at a time).
  const parent = dirname(dataDir);
  const stale = `${basename(dataDir)}.unpacking-`;
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      if (name.startsWith(stale)) rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
  try {
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    for (const entry of tarEntries(tar)) {
      const target = resolve(staging, entry.path);
      if (!target.startsWith(staging + sep)) throw new Error('template entry outside the data directory');
      if (entry.kind === 'directory') {
        mkdirSync(target, { recursive: true, mode: 0o700 });
      } else {
        mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
        writeFileSync(target, entry.body, { mode: 0o600 });
      }
    }
    if (!existsSync(join(staging, 'PG_VERSION'))) throw new Error('template holds no PG_VERSION');
    rmSync(dataDir, { recursive: true, force: true }); // empty: isFreshDatabase said so
    renameSync(staging, dataDir);
    return true;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

interface TarEntry {
  readonly path: string;
  readonly kind: 'file' | 'directory';
  readonly body: Buffer;
}

/** The entries of a ustar archive as PGlite's dumpDataDir writes it (regular files and directories). */
function* tarEntries(tar: Buffer): Generator<TarEntry> {
  const text = (from: number, length: number): string => {
    const field = tar.subarray(from, from + length);
    const end = field.indexOf(0);
    return field.subarray(0, end === -1 ? length : end).toString('utf8');
  };
  let offset = 0;
  while (offset + 512 <= tar.length) {
    if (tar.subarray(offset, offset + 512).every((byte) => byte === 0)) return; // end of archive
    const name = text(offset, 100);
    const prefix = text(offset + 345, 155);
    const size = Number.parseInt(text(offset + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(tar[offset + 156] ?? 0);
    if (!Number.isSafeInteger(size) || size < 0 || offset + 512 + size > tar.length)
      throw new Error('template truncated');
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^\/+/, '');
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === '5') yield { path, kind: 'directory', body };
    else if (type === '0' || type === '\0') yield { path, kind: 'file', body };
    else throw new Error(`template entry of unsupported type ${JSON.stringify(type)}`);
  }
}

/** Forgets a template that failed to load. */
export async function discardTemplate(dir: string): Promise<void> {
  await rm(templatePath(dir), { force: true });
}

/** Something that can dump its data directory (a PGlite instance). */
export interface DumpsDataDir {
  exec(sql: string): Promise<unknown>;
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
    // A checkpoint first: a database opened from the dump then has no WAL to replay (opening an
    // unpacked template takes about 0.25 s instead of 0.5 s).
    await pglite.exec('checkpoint');
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
