import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index.js';
import { createOrm, migrate, migrationsApplied, type Orm } from './orm.js';
import { templateKey } from './pglite-template.js';

/**
 * New PGlite databases start from a cached template of a freshly migrated one. The template holds
 * the schema and the migration bookkeeping only, is made once per PGlite version and migration
 * list, and a broken one is dropped and rebuilt rather than trusted.
 */
describe('PGlite templates', () => {
  let dir: string;
  const opened: Orm[] = [];
  const open = async (dataDir: string | null): Promise<Orm> => {
    const orm = await createOrm({ kind: 'pglite', dataDir, templateDir: join(dir, 'templates') });
    opened.push(orm);
    return orm;
  };
  const templateFile = () => join(dir, 'templates', `pglite-${templateKey()}.tar`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pcn-hub-template-'));
  });
  afterAll(async () => {
    for (const orm of opened) await orm.close(true);
    await rm(dir, { recursive: true, force: true });
  });

  it('saves the template when a new database has received every migration', async () => {
    const orm = await open(null);
    expect(existsSync(templateFile())).toBe(false);
    expect(await migrate(orm)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(existsSync(templateFile())).toBe(true);
    // Data written afterwards is not in the template (it was taken before).
    await orm.em
      .getConnection()
      .execute("insert into mikro_orm_migrations (name, executed_at) values ('not-in-template', now())");
  });

  it('starts a new database, in memory or in a data directory, from the template: nothing left to migrate, no data', async () => {
    for (const dataDir of [null, join(dir, 'data')]) {
      const orm = await open(dataDir);
      expect(await migrate(orm)).toEqual([]);
      const names = await orm.em
        .getConnection()
        .execute<{ name: string }[]>('select name from mikro_orm_migrations order by id');
      expect(names.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((m) => m.name));
      expect(await orm.em.getConnection().execute('select id from organisation')).toEqual([]);
      // Writable like any database.
      await orm.em
        .getConnection()
        .execute("insert into mikro_orm_migrations (name, executed_at) values ('written', now())");
    }
  });

  it('unpacks into a data directory through a staging directory that it removes, with litter of a killed unpack', async () => {
    const parent = join(dir, 'staged');
    mkdirSync(join(parent, 'pglite.unpacking-999999', 'base'), { recursive: true });
    writeFileSync(join(parent, 'pglite.unpacking-999999', 'base', 'half-written'), 'x');
    const orm = await open(join(parent, 'pglite'));
    expect(await migrate(orm)).toEqual([]);
    expect(await readdir(parent)).toEqual(['pglite']);
    expect(existsSync(join(parent, 'pglite', 'PG_VERSION'))).toBe(true);
  });

  it('answers readiness from the migrations table: a database missing one migration record is not ready', async () => {
    const orm = await open(null);
    expect(await migrationsApplied(orm)).toBe(true);
    await orm.em
      .getConnection()
      .execute('delete from mikro_orm_migrations where name = ?', [MIGRATIONS[MIGRATIONS.length - 1]!.name]);
    expect(await migrationsApplied(orm)).toBe(false);
  });

  it('never loads the template into an existing data directory', async () => {
    const orm = await open(join(dir, 'data')); // written to by the previous test
    const names = await orm.em
      .getConnection()
      .execute<{ name: string }[]>("select name from mikro_orm_migrations where name = 'written'");
    expect(names).toHaveLength(1);
  });

  it('drops a template that does not load, makes the database from scratch and saves a good one', async () => {
    await writeFile(templateFile(), 'this is not a tarball of a data directory');
    const orm = await open(null);
    expect(await migrate(orm)).toEqual(MIGRATIONS.map((m) => m.name));
    const files = await readdir(join(dir, 'templates'));
    expect(files).toEqual([`pglite-${templateKey()}.tar`]);
    const again = await open(null);
    expect(await migrate(again)).toEqual([]);
  });

  it('drops a truncated template for an on-disk database too, leaving neither a staging directory nor a half-made database', async () => {
    const good = await readFile(templateFile());
    await writeFile(templateFile(), good.subarray(0, 1024 * 1024 + 100)); // cut inside a file's body
    const parent = join(dir, 'truncated');
    const orm = await open(join(parent, 'pglite'));
    expect(await readdir(parent)).toEqual(['pglite']);
    expect(await migrate(orm)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await orm.em.getConnection().execute('select id from organisation')).toEqual([]);
  });
});
