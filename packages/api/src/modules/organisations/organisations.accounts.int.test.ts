import { expect, it, vi } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { staffAccountActive } from './organisations.accounts.js';
import { StaffUser } from './staff-user.entity.js';

describeEachDatabase('staff account checks of live streams', (hub) => {
  it('answers many subscribers asking at once with one statement, per account', async () => {
    const orm = hub().app.orm;
    await hub().sql("update staff_user set active = false where username = 'hub.anp2'");
    try {
      // Every fork shares the EntityManager prototype: count the lookups of staff accounts.
      const find = vi.spyOn(Object.getPrototypeOf(orm.em) as { find: (...args: unknown[]) => unknown }, 'find');
      const check = staffAccountActive(orm);
      const names = ['hub.manager', 'hub.anp2', 'no.such.person'];
      const answers = await Promise.all(Array.from({ length: 600 }, (_, i) => check(names[i % 3]!)));
      const lookups = find.mock.calls.filter(([entity]) => entity === StaffUser);
      find.mockRestore();
      expect(lookups).toHaveLength(1);
      // Enabled and unknown (an identity provider's user without a staff row) are active; disabled is not.
      expect(answers.slice(0, 3)).toEqual([true, false, true]);
      expect(new Set(answers.filter((_, i) => i % 3 === 1))).toEqual(new Set([false]));
      // A later turn asks the database again: answers are never cached here.
      await hub().sql("update staff_user set active = true where username = 'hub.anp2'");
      expect(await check('hub.anp2')).toBe(true);
    } finally {
      await hub().sql("update staff_user set active = true where username = 'hub.anp2'");
    }
  });
});
