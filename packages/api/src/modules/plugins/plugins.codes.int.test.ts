import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { ADD, AMEND, CODES, coded, dbId, note, patientAt } from '../consultations/consultations.testkit.js';
import { asPlugin, ok, registerPlugin } from './plugins.testkit.js';

const RECORD = `mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id entries { id } } } }`;

describeEachDatabase('plugin SNOMED CT codes restricted to its manifest', (hub) => {
  it('a plugin whose manifest declares its codes writes only those: any other is refused naming the field, nothing stored', async () => {
    const plugin = await registerPlugin(hub(), { producesCodes: [CODES.mi] });
    const call = asPlugin(hub(), plugin.key, 'Y99000', 'hub.anp1');
    const nhsNumber = patientAt(3, 62);
    const count = async () =>
      (
        await hub().sql<{ n: number }>('select count(*)::int as n from consultation where source_product = ?', [
          plugin.name,
        ])
      )[0]!.n;

    const refused = await call(RECORD, { input: { nhsNumber, entries: [coded(), coded(CODES.asthma, 'Asthma')] } });
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.entries[1].coded.snomedCode',
    });
    expect(refused.errors![0]!.message).toContain(CODES.asthma);
    expect(await count()).toBe(0);

    const recorded = await ok(
      call<{ recordConsultation: { consultation: { id: string; entries: { id: string }[] } } }>(RECORD, {
        input: { nhsNumber, entries: [coded(), note()] },
      }),
    );
    const c = recorded.recordConsultation.consultation;
    expect(await count()).toBe(1);

    const added = await call(ADD, {
      input: { consultationId: c.id, entry: coded(CODES.hypertension, 'Hypertension') },
    });
    expect(added.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.entry.coded.snomedCode',
    });
    const amended = await call(AMEND, { input: { entryId: c.entries[0]!.id, content: coded(CODES.asthma, 'Asthma') } });
    expect(amended.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.content.coded.snomedCode',
    });
    const rows = await hub().sql<{ snomed_code: string | null }>(
      'select snomed_code from consultation_entry where consultation_id = ? order by id',
      [dbId(c.id)],
    );
    expect(rows).toEqual([{ snomed_code: CODES.mi }, { snomed_code: null }]);

    // Its declared code is accepted everywhere; staff are not restricted.
    await ok(call(ADD, { input: { consultationId: c.id, entry: coded() } }));
    const staff = await hub().gql(
      RECORD,
      { input: { nhsNumber, entries: [coded(CODES.asthma, 'Asthma')] } },
      'hub.anp1',
    );
    expect(staff.errors).toBeUndefined();
  });

  it('a plugin whose manifest declares no codes is not restricted', async () => {
    const plugin = await registerPlugin(hub(), { producesCodes: [] });
    const call = asPlugin(hub(), plugin.key, 'Y99000', 'hub.anp1');
    await ok(call(RECORD, { input: { nhsNumber: patientAt(3, 63), entries: [coded(CODES.asthma, 'Asthma')] } }));
  });
});
