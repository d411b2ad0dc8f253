import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { exec } from './sql.js';

describeEachDatabase('plain SQL (exec)', (hub) => {
  it('runs a statement marked prepared as a named statement on PostgreSQL, with the same answers', async () => {
    const em = hub().app.orm.em.fork();
    const text = "select ?::int + 1 as n, 'a?b' as s";
    const seen = await em.transactional(async (tx) => {
      const first = await exec<{ n: number; s: string }>(tx, text, [1], { prepared: true });
      const second = await exec<{ n: number; s: string }>(tx, text, [41], { prepared: true });
      // The same connection (the transaction's) now holds the statement by name, on PostgreSQL.
      const held = await exec<{ name: string }>(
        tx,
        "select name from pg_prepared_statements where statement = 'select $1::int + 1 as n, ''a?b'' as s'",
      );
      return { answers: [first[0], second[0]], held: held.map((row) => row.name) };
    });
    expect(seen.answers).toEqual([
      { n: 2, s: 'a?b' },
      { n: 42, s: 'a?b' },
    ]);
    if (hub().kind === 'postgresql') expect(seen.held).toEqual([expect.stringMatching(/^pcn_hub_\d+$/)]);
    else expect(seen.held).toEqual([]);
  });

  it('answers a failing prepared statement with the ORM exception and leaves the connection usable', async () => {
    const em = hub().app.orm.em.fork();
    const text = 'select 1 / ?::int as n';
    await expect(exec(em, text, [0], { prepared: true })).rejects.toThrow(/division by zero/);
    expect(await exec<{ n: number }>(em, text, [1], { prepared: true })).toEqual([{ n: 1 }]);
  });
});
