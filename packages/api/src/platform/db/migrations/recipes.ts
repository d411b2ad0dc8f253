import type { Migration } from '@mikro-orm/migrations';

/**
 * The statements the committed migrations repeat, each written once. Every recipe returns, to the
 * letter, the statement MikroORM's schema generator writes for it (names `<table>_<columns>_index`,
 * `_unique`, `_foreign`, `_check`), so a migration reads as a list of what it adds while running
 * the same SQL. A committed migration's SQL never changes: a change here must leave every statement
 * of every migration as it was. A statement no recipe covers (a `create table`, a trigger) is
 * written out in the migration's list.
 */

/** A statement, or several in order (as `constraints` and `dropTables` return). */
export type Statements = string | readonly string[];

/** Adds the statements to the migration, in order. */
export function addStatements(migration: Migration, statements: readonly Statements[]): void {
  for (const sql of statements.flat()) migration.addSql(sql);
}

const names = (columns: readonly string[]): string => columns.map((column) => `"${column}"`).join(', ');

/** `create index "<table>_<columns>_index" on "<table>" (<columns>);` */
export function index(table: string, ...columns: string[]): string {
  return `create index "${table}_${columns.join('_')}_index" on "${table}" (${names(columns)});`;
}

/** A unique constraint named `<table>_<columns>_unique`. */
export function unique(table: string, ...columns: string[]): string {
  return `alter table "${table}" add constraint "${table}_${columns.join('_')}_unique" unique (${names(columns)});`;
}

/** An index with its own name, unique or not, over the rows `where` selects (all rows without it). */
export function partialIndex(
  table: string,
  spec: { name: string; columns: readonly string[]; where?: string; unique?: boolean },
): string {
  const where = spec.where === undefined ? '' : ` where ${spec.where}`;
  return `create ${spec.unique ? 'unique ' : ''}index "${spec.name}" on "${table}" (${names(spec.columns)})${where};`;
}

/** The table a foreign key references by its `id`, and what a delete there does to the row. */
export type Reference = string | { references: string; onDelete: 'set null' | 'cascade' };

/** References `table`; a delete there sets the column to null. */
export function onDeleteSetNull(table: string): Reference {
  return { references: table, onDelete: 'set null' };
}

/** References `table`; a delete there deletes the row too. */
export function onDeleteCascade(table: string): Reference {
  return { references: table, onDelete: 'cascade' };
}

/** A foreign key named `<table>_<column>_foreign` to `<references>.id`. */
export function foreignKey(table: string, column: string, reference: Reference): string {
  const target = typeof reference === 'string' ? { references: reference, onDelete: undefined } : reference;
  const onDelete = target.onDelete === undefined ? '' : ` on delete ${target.onDelete}`;
  return `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "${target.references}" ("id")${onDelete};`;
}

/**
 * The check constraint of a coded column, named `<table>_<column>_check`: the column holds one of
 * `values`, the codes separated by spaces (`'DRAFT SAVED'`). A migration writes its codes out as
 * they were then; it never imports today's code lists.
 */
export function check(table: string, column: string, values: string): string {
  const list = values
    .split(' ')
    .map((value) => `'${value}'`)
    .join(', ');
  return `alter table "${table}" add constraint "${table}_${column}_check" check ("${column}" in (${list}));`;
}

/** A table's foreign keys, then its checks, in the order given (the generator's order). */
export function constraints(
  table: string,
  spec: { foreignKeys?: Record<string, Reference>; checks?: Record<string, string> },
): string[] {
  return [
    ...Object.entries(spec.foreignKeys ?? {}).map(([column, reference]) => foreignKey(table, column, reference)),
    ...Object.entries(spec.checks ?? {}).map(([column, values]) => check(table, column, values)),
  ];
}

/** Drops the foreign key `foreignKey(table, column, …)` added. */
export function dropForeignKey(table: string, column: string): string {
  return `alter table "${table}" drop constraint "${table}_${column}_foreign";`;
}

/** `drop table if exists "<table>" cascade;` for each table, in order. */
export function dropTables(...tables: string[]): string[] {
  return tables.map((table) => `drop table if exists "${table}" cascade;`);
}

/** Adds columns in one statement: each column's name and its SQL type and modifiers (`'varchar(20) null'`). */
export function addColumns(table: string, columns: Record<string, string>): string {
  const added = Object.entries(columns).map(([column, type]) => `add "${column}" ${type}`);
  return `alter table "${table}" ${added.join(', ')};`;
}

/** Drops columns in one statement. */
export function dropColumns(table: string, ...columns: string[]): string {
  return `alter table "${table}" ${columns.map((column) => `drop column "${column}"`).join(', ')};`;
}
