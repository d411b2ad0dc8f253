import { expect, it } from 'vitest';
import { describeEachDatabase } from './test/harness.js';
import { coded, patientAt, recordAndSave } from './modules/consultations/consultations.testkit.js';
import { toGlobalId } from './platform/graphql/relay.js';

const NODE = `query ($id: ID!) { node(id: $id) { __typename id ... on HubConsultation { version } ... on Referral { state } } }`;

describeEachDatabase('node(id:) over the newer types', (hub) => {
  it('fetches a hub consultation for its organisation, null for anyone the query would refuse', async () => {
    const c = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(3, 40), entries: [coded()] });
    const own = await hub().gql<any>(NODE, { id: c.id }, 'hub.anp2');
    expect(own.data.node).toEqual({ __typename: 'HubConsultation', id: c.id, version: 1 });
    // Another organisation's staff, and a role the query does not admit: null, like a missing id.
    expect((await hub().gql<any>(NODE, { id: c.id }, 'p3.gp')).data.node).toBeNull();
    expect((await hub().gql<any>(NODE, { id: c.id }, 'pcn.analyst')).data.node).toBeNull();
    expect((await hub().gql<any>(NODE, { id: toGlobalId('HubConsultation', '01900000-0000-7000-8000-0000000000ff') }, 'hub.anp2')).data.node).toBeNull();
  });

  it('answers null, not an error, for referral and prescription ids that do not exist', async () => {
    for (const id of [toGlobalId('Prescription', '01900000-0000-7000-8000-0000000000ee'), toGlobalId('Referral', '01900000-0000-7000-8000-0000000000ef')]) {
      const res = await hub().gql<any>(NODE, { id }, 'hub.manager');
      expect(res.errors).toBeUndefined();
      expect(res.data.node).toBeNull();
    }
  });
});
