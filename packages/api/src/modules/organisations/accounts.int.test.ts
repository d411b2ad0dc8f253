import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { hintStaffAccountChanged, staffAccountActive } from './accounts.service.js';

describeEachDatabase('staff account checks', (hub) => {
  /** Counts the statements that read staff accounts while `fn` runs. */
  async function lookupsDuring<T>(fn: () => Promise<T>): Promise<{ value: T; lookups: number }> {
    const logger = hub().app.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    let lookups = 0;
    logger.logQuery = (context) => {
      if (/from staff_user/.test(context.query ?? '')) lookups += 1;
      original(context);
    };
    try {
      return { value: await fn(), lookups };
    } finally {
      logger.logQuery = original;
    }
  }

  it('answers many subscribers asking at once with one statement, per account', async () => {
    const orm = hub().app.orm;
    await hub().sql("update staff_user set active = false where username = 'hub.anp2'");
    hintStaffAccountChanged(hub().app.events);
    try {
      const check = staffAccountActive(orm);
      const names = ['hub.manager', 'hub.anp2', 'no.such.person'];
      const { value: answers, lookups } = await lookupsDuring(() =>
        Promise.all(Array.from({ length: 600 }, (_, i) => check(names[i % 3]!))),
      );
      expect(lookups).toBe(1);
      // Enabled and unknown (an identity provider's user without a staff row) are active; disabled is not.
      expect(answers.slice(0, 3)).toEqual([true, false, true]);
      expect(new Set(answers.filter((_, i) => i % 3 === 1))).toEqual(new Set([false]));
    } finally {
      await hub().sql("update staff_user set active = true where username = 'hub.anp2'");
      hintStaffAccountChanged(hub().app.events);
    }
  });

  it('remembers accounts until a change hint, which every change of an account sends', async () => {
    const check = staffAccountActive(hub().app.orm);
    expect(await check('hub.anp2')).toBe(true);
    // Remembered: no statement for the next answers.
    expect((await lookupsDuring(() => check('hub.anp2'))).lookups).toBe(0);
    try {
      // A change behind the hub's back (not through the harness, which hints) is not seen until a
      // hint, or the cache's 10 s bound...
      await hub()
        .app.orm.em.fork()
        .getConnection()
        .execute("update staff_user set active = false where username = 'hub.anp2'");
      expect(await check('hub.anp2')).toBe(true);
      // ...and at once after one: the staff mutations send it after they commit.
      hintStaffAccountChanged(hub().app.events);
      const { value, lookups } = await lookupsDuring(() => check('hub.anp2'));
      expect(value).toBe(false);
      expect(lookups).toBe(1);
    } finally {
      await hub().sql("update staff_user set active = true where username = 'hub.anp2'");
      hintStaffAccountChanged(hub().app.events);
    }
    expect(await check('hub.anp2')).toBe(true);
  });
});
