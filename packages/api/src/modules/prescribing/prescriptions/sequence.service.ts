import { exec } from '../../../platform/db/sql.js';
import { SEQUENCE_MODULUS } from '../prescribing.codes.js';
import type { Tx } from '../../../platform/changes.js';

/**
 * The next short-form sequence value (0..0xFFFFF, wrapping) of an issuing ODS code, inside the
 * caller's transaction. One statement: the upsert takes the row lock and holds it to commit, so
 * concurrent issues under one code serialise (PostgreSQL) and a rolled-back issue gives its value
 * back. PGlite runs one transaction at a time, which gives the same guarantee.
 */
export async function nextSequence(em: Tx, odsCode: string): Promise<number> {
  if (!em.getTransactionContext()) throw new Error('nextSequence must run inside a transaction');
  const [row] = await exec<{ last_value: number | string }>(
    em,
    `insert into prescription_sequence (ods_code, last_value) values (?, 1)
     on conflict (ods_code) do update set last_value = (prescription_sequence.last_value + 1) % ${SEQUENCE_MODULUS}
     returning last_value`,
    [odsCode],
  );
  return Number(row!.last_value);
}
