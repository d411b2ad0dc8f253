import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../test/harness.js';

describeEachDatabase('organisations', (hub) => {
  it('answers viewer for a demo token', async () => {
    const res = await hub().gql<{ viewer: { id: string; roles: string[]; organisation: { odsCode: string; kind: string } } }>(
      '{ viewer { id roles organisation { odsCode kind } } }',
      {},
      'hub.manager',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.viewer).toEqual({ id: 'hub.manager', roles: ['HUB_MANAGER'], organisation: { odsCode: 'Y99000', kind: 'HUB' } });
  });

  it('refuses viewer without a token', async () => {
    const res = await hub().gql('{ viewer { id } }');
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });
});
