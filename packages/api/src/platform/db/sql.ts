import type { Em } from './orm.js';

/**
 * Plain SQL for the hot paths (read pages, outbox claims): runs `sql` with `?` placeholders in
 * `em`'s current transaction when there is one, through the ORM's connection so it is logged and
 * counted like every other statement. Rows come back as the database sent them: alias columns to
 * the names the caller wants, and normalise driver differences with the helpers below.
 */
export async function exec<T>(em: Em, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  // MikroORM types the transaction as `any`; it is only handed back to execute().
  const trx: unknown = em.getTransactionContext();
  return em.getConnection().execute<T[]>(sql, params, 'all', trx);
}

/** `?, ?, ?` for an IN list of `n` values (n >= 1). */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** A timestamp column as a Date, whichever driver read it. */
export function asDate(value: Date | string): Date;
export function asDate(value: Date | string | null): Date | null;
export function asDate(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

/**
 * WHERE conditions and their values, built together so a placeholder never drifts from its value.
 * `and()` joins them (`true` when there are none).
 */
export class SqlConditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  and(): string {
    return this.parts.length === 0 ? 'true' : this.parts.map((part) => `(${part})`).join(' and ');
  }
}
