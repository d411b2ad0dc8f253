import { isValidShortFormPrescriptionId } from '@pcn-hub/schema';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/harness.js';
import { ISSUE, issue, item, patientAt, raise, type PrescriptionView } from '../prescribing.testkit.js';

const PRESCRIBERS = ['hub.anp1', 'hub.anp2', 'hub.anp3', 'hub.pharmacist'];

describeEachDatabase('prescribing: short-form id sequence under concurrency', (hub) => {
  it('issues 30 prescriptions in parallel with 30 distinct, valid ids and sequences 1..30', async () => {
    const raised: PrescriptionView[] = [];
    for (let n = 0; n < 30; n += 1) {
      raised.push(
        await raise(hub(), 'hub.anp1', {
          nhsNumber: patientAt(1 + (n % 7), 40 + n),
          items: [item()],
          courseOfTherapy: 'ACUTE',
        }),
      );
    }
    const results = await Promise.all(
      raised.map((p, i) =>
        hub().gql<{ issuePrescription: { prescription: PrescriptionView } }>(ISSUE, { id: p.id }, PRESCRIBERS[i % 4]),
      ),
    );
    for (const res of results) expect(res.errors).toBeUndefined();
    const ids = results.map((r) => r.data!.issuePrescription.prescription.shortFormId!);
    expect(new Set(ids).size).toBe(30);
    for (const id of ids) {
      expect(isValidShortFormPrescriptionId(id)).toBe(true);
      expect(id.slice(7, 13)).toBe('Y99009');
    }
    const sequences = ids.map((id) => parseInt(id.slice(14, 19), 16)).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await hub().sql("select last_value from prescription_sequence where ods_code = 'Y99009'")).toEqual([
      { last_value: 30 },
    ]);
    const [stored] = await hub().sql<{ n: number; d: number }>(
      'select count(*)::int as n, count(distinct short_form_id)::int as d from prescription where short_form_id is not null',
    );
    expect(stored).toEqual({ n: 30, d: 30 });
  });

  it('wraps the sequence after FFFFF and the ids stay valid', async () => {
    await hub().sql("update prescription_sequence set last_value = 1048574 where ods_code = 'Y99009'");
    const blocks: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const raised = await raise(hub(), 'hub.anp2', {
        nhsNumber: patientAt(2, 65 + n),
        items: [item()],
        courseOfTherapy: 'ACUTE',
      });
      const issued = await issue(hub(), 'hub.anp2', raised.id);
      expect(isValidShortFormPrescriptionId(issued.shortFormId!)).toBe(true);
      blocks.push(issued.shortFormId!.slice(14, 19));
    }
    expect(blocks).toEqual(['FFFFF', '00000', '00001']);
  });
});
