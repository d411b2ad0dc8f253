import type { Em } from '../../platform/db/orm.js';

/** Runs SQL in `em`'s current transaction (if any). Hot paths of the outbox use plain SQL. */
export async function exec<T>(em: Em, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  // MikroORM types the transaction as `any`; it is only handed back to execute().
  const trx: unknown = em.getTransactionContext();
  return em.getConnection().execute<T[]>(sql, params, 'all', trx);
}

/** `?, ?, ?` for an IN list of `n` values (n >= 1). */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** A timestamp column as a Date, whichever driver read it. */
export const asDate = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);
