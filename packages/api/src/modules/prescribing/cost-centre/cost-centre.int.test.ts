import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../../test/harness.js';
import { ISSUE, item, must, patientAt, raise, issue } from '../prescribing.testkit.js';

const COST_CENTRE =
  '{ prescribingCostCentre { odsCode name parentCommissionerCode active hub { odsCode } prescribers { id username codeKind code profession prescriptionType active } } }';
const SET =
  'mutation ($input: SetPrescribingCostCentreInput!) { setPrescribingCostCentre(input: $input) { costCentre { odsCode name active } } }';
const ADD =
  'mutation ($input: AddPrescriberInput!) { addPrescriber(input: $input) { prescriber { id username code active } } }';
const DEACTIVATE =
  'mutation ($id: ID!) { deactivatePrescriber(input: { prescriberId: $id }) { prescriber { username active } } }';

type CostCentre = {
  prescribingCostCentre: {
    odsCode: string;
    parentCommissionerCode: string | null;
    hub: { odsCode: string };
    prescribers: { id: string; username: string; codeKind: string; code: string; prescriptionType: string }[];
  } | null;
};

describeEachDatabase('prescribing: cost centre and prescribers', (hub) => {
  it('seeds the demo cost centre Y99009 with four prescribers, readable by hub staff and PCN analysts', async () => {
    const res = await must(hub().gql<CostCentre>(COST_CENTRE, {}, 'hub.manager'));
    expect(res.prescribingCostCentre).toMatchObject({
      odsCode: 'Y99009',
      parentCommissionerCode: '99X',
      hub: { odsCode: 'Y99000' },
    });
    expect(res.prescribingCostCentre!.prescribers.map((p) => [p.username, p.codeKind, p.prescriptionType])).toEqual([
      ['hub.anp1', 'PROFESSIONAL', '0104'],
      ['hub.anp2', 'PROFESSIONAL', '0104'],
      ['hub.anp3', 'SPURIOUS', '0104'],
      ['hub.pharmacist', 'PROFESSIONAL', '0108'],
    ]);
    expect((await must(hub().gql<CostCentre>(COST_CENTRE, {}, 'pcn.analyst'))).prescribingCostCentre!.odsCode).toBe(
      'Y99009',
    );
    expect(codeOf(await hub().gql(COST_CENTRE, {}, 'p1.gp'))).toBe('FORBIDDEN');
  });

  it.each([
    ['a malformed code', { odsCode: 'Y9900' }, 'BAD_USER_INPUT', 'input.odsCode'],
    ['a code of the PCN itself', { odsCode: 'U99001' }, 'CONFLICT', 'input.odsCode'],
    ['a member practice code', { odsCode: 'Y99011' }, 'CONFLICT', 'input.odsCode'],
    ['an empty name', { name: ' ' }, 'BAD_USER_INPUT', 'input.name'],
  ])('refuses %s', async (_name, override, code, field) => {
    const res = await hub().gql(
      SET,
      { input: { odsCode: 'Y99008', name: 'PCN prescribing', ...override } },
      'hub.manager',
    );
    expect(codeOf(res)).toBe(code);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect((await must(hub().gql<CostCentre>(COST_CENTRE, {}, 'hub.manager'))).prescribingCostCentre!.odsCode).toBe(
      'Y99009',
    );
  });

  it('lets only hub managers change it', async () => {
    expect(codeOf(await hub().gql(SET, { input: { odsCode: 'Y99008', name: 'x' } }, 'hub.anp1'))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await hub().gql(
          ADD,
          { input: { username: 'hub.anp1', codeKind: 'DIN', code: '123456', profession: 'MEDICAL' } },
          'hub.anp1',
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it.each([
    ['a staff member without HUB_PRESCRIBER', { username: 'hub.physio' }, 'BAD_USER_INPUT', 'input.username'],
    ['a practice user', { username: 'p1.gp' }, 'NOT_FOUND', 'input.username'],
    ['an existing prescriber', { username: 'hub.anp1' }, 'CONFLICT', 'input.username'],
    ['a DIN of five digits', { username: 'hub.anp1', code: '12345' }, 'BAD_USER_INPUT', 'input.code'],
    [
      'an NMC PIN for a pharmacist',
      { username: 'hub.anp1', codeKind: 'PROFESSIONAL', code: '12A3456B', profession: 'PHARMACIST' },
      'BAD_USER_INPUT',
      'input.code',
    ],
  ])('refuses to add %s', async (_name, override, code, field) => {
    const res = await hub().gql(
      ADD,
      { input: { codeKind: 'DIN', code: '123456', profession: 'MEDICAL', ...override } },
      'hub.manager',
    );
    expect(codeOf(res)).toBe(code);
    expect(res.errors![0]!.extensions!.field).toBe(field);
  });

  it('a deactivated prescriber cannot issue until added again', async () => {
    const before = (await must(hub().gql<CostCentre>(COST_CENTRE, {}, 'hub.manager'))).prescribingCostCentre!;
    const anp2 = before.prescribers.find((p) => p.username === 'hub.anp2')!;
    const off = await must(
      hub().gql<{ deactivatePrescriber: { prescriber: { active: boolean } } }>(
        DEACTIVATE,
        { id: anp2.id },
        'hub.manager',
      ),
    );
    expect(off.deactivatePrescriber.prescriber.active).toBe(false);
    const raised = await raise(hub(), 'hub.anp2', {
      nhsNumber: patientAt(1, 20),
      items: [item()],
      courseOfTherapy: 'ACUTE',
    });
    expect(codeOf(await hub().gql(ISSUE, { id: raised.id }, 'hub.anp2'))).toBe('FORBIDDEN');
    await must(
      hub().gql(
        ADD,
        { input: { username: 'hub.anp2', codeKind: 'PROFESSIONAL', code: '99A0002C', profession: 'NURSE' } },
        'hub.manager',
      ),
    );
    expect((await issue(hub(), 'hub.anp2', raised.id)).prescriberCode).toBe('99A0002C');
    const audits = await hub().sql<{ action: string }>(
      "select action from audit_event where actor_id = 'hub.manager' and action in ('addPrescriber', 'deactivatePrescriber') order by at",
    );
    expect(audits.map((a) => a.action)).toEqual(['deactivatePrescriber', 'addPrescriber']);
  });

  it('a new code retires the old cost centre: its prescribers are prescribers of another cost centre until added', async () => {
    const raised = await raise(hub(), 'hub.anp1', {
      nhsNumber: patientAt(2, 20),
      items: [item()],
      courseOfTherapy: 'ACUTE',
    });
    const set = await must(
      hub().gql<{ setPrescribingCostCentre: { costCentre: { odsCode: string; active: boolean } } }>(
        SET,
        { input: { odsCode: 'y99008', name: 'Harbour and Downs PCN Prescribing 2', parentCommissionerCode: '99Y' } },
        'hub.manager',
      ),
    );
    expect(set.setPrescribingCostCentre.costCentre).toMatchObject({ odsCode: 'Y99008', active: true });
    const refused = await hub().gql(ISSUE, { id: raised.id }, 'hub.anp1');
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.extensions!.rule).toBe('PRESCRIBER_OF_COST_CENTRE');
    expect(
      (await must(hub().gql<CostCentre>(COST_CENTRE, {}, 'hub.manager'))).prescribingCostCentre!.prescribers,
    ).toEqual([]);

    await must(
      hub().gql(
        ADD,
        { input: { username: 'hub.anp1', codeKind: 'SPURIOUS', code: '612345', profession: 'NURSE' } },
        'hub.manager',
      ),
    );
    const issued = await issue(hub(), 'hub.anp1', raised.id);
    expect(issued.shortFormId!.slice(7, 13)).toBe('Y99008');
    expect(issued.prescriberCode).toBe('612345');

    // Back to the first code: its prescribers are attached again.
    await must(
      hub().gql(
        SET,
        {
          input: { odsCode: 'Y99009', name: 'Harbour and Downs PCN Prescribing (demo)', parentCommissionerCode: '99X' },
        },
        'hub.manager',
      ),
    );
    const again = await raise(hub(), 'hub.anp3', {
      nhsNumber: patientAt(2, 21),
      items: [item()],
      courseOfTherapy: 'ACUTE',
    });
    expect((await issue(hub(), 'hub.anp3', again.id)).shortFormId!.slice(7, 13)).toBe('Y99009');
    const rows = await hub().sql<{ ods_code: string; active: boolean }>(
      'select ods_code, active from prescribing_cost_centre order by ods_code',
    );
    expect(rows).toEqual([
      { ods_code: 'Y99008', active: false },
      { ods_code: 'Y99009', active: true },
    ]);
    expect(
      (await hub().sql("select 1 from audit_event where action = 'setPrescribingCostCentre' and outcome = 'SUCCESS'"))
        .length,
    ).toBe(2);
  });
});
