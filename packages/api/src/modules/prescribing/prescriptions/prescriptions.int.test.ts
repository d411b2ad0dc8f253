import { isValidShortFormPrescriptionId } from '@pcn-hub/schema';
import { expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../../platform/graphql/relay.js';
import { codeOf, describeEachDatabase, seedForeignPcn } from '../../../test/harness.js';
import {
  CANCEL,
  DISPENSED,
  asUser,
  DMD,
  GET,
  ISSUE,
  RAISE,
  footprint,
  issue,
  item,
  must,
  patientAt,
  raise,
  raiseAndIssue,
  type PrescriptionView,
} from '../prescribing.testkit.js';

describeEachDatabase('prescribing: raise and issue at the hub', (hub) => {
  it('raises an acute prescription and issues it under the PCN cost centre with a valid EPS id', async () => {
    const raised = await raise(hub(), 'hub.anp1', {
      nhsNumber: patientAt(1, 1),
      items: [item(), item(DMD.paracetamol, 32.5)],
      courseOfTherapy: 'ACUTE',
      nominatedDispenserOds: 'fa565',
    });
    expect(raised.state).toBe('RAISED');
    expect(raised.shortFormId).toBeNull();
    expect(raised.items.map((i) => [i.lineNo, i.dmdCode, i.quantity, i.unit])).toEqual([
      [1, DMD.amoxicillin, 21, 'capsule'],
      [2, DMD.paracetamol, 32.5, 'capsule'],
    ]);
    expect(raised.history).toEqual([
      { action: 'RAISE', fromState: null, toState: 'RAISED', actorId: 'hub.anp1', reason: null },
    ]);

    const issued = await issue(hub(), 'hub.anp2', raised.id);
    expect(issued.state).toBe('ISSUED');
    expect(isValidShortFormPrescriptionId(issued.shortFormId!)).toBe(true);
    expect(issued.shortFormId!.slice(7, 13)).toBe('Y99009');
    expect(issued.longFormId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(issued).toMatchObject({
      issuerOds: 'Y99009',
      prescriberCode: '99A0002B',
      prescriberCodeKind: 'PROFESSIONAL',
      prescriptionType: '0104',
    });
    expect(issued.history.map((h) => [h.action, h.fromState, h.toState, h.actorId])).toEqual([
      ['RAISE', null, 'RAISED', 'hub.anp1'],
      ['ISSUE', 'RAISED', 'ISSUED', 'hub.anp2'],
    ]);

    const id = fromGlobalId(issued.id)!.id;
    const events = await hub().sql<{ stream: string; type: string; payload: unknown }>(
      'select stream, type, payload from event_log where subject_id = ? order by id',
      [id],
    );
    const [row] = await hub().sql<{ hub_id: string; registered_practice_id: string }>(
      'select hub_id, registered_practice_id from prescription where id = ?',
      [id],
    );
    expect(events.map((e) => e.type)).toEqual([
      'PRESCRIPTION_RAISED',
      'PRESCRIPTION_RAISED',
      'PRESCRIPTION_ISSUED',
      'PRESCRIPTION_ISSUED',
      // The EPS prescription-order, queued for the EPS plugin in the same transaction.
      'EPS_ORDER_REQUESTED',
    ]);
    expect(new Set(events.map((e) => e.stream))).toEqual(
      new Set([`prescribing:${row!.hub_id}`, `prescribing:${row!.registered_practice_id}`, `eps:${row!.hub_id}`]),
    );
    // Events carry ids and codes only.
    expect(JSON.stringify(events)).not.toContain(patientAt(1, 1));
    const audits = await hub().sql(
      "select action from audit_event where subject_id = ? and outcome = 'SUCCESS' order by at",
      [id],
    );
    expect(audits.map((a) => a.action)).toEqual(['raisePrescription', 'issue']);
  });

  it('takes the patient by global id, and keeps a controlled drug (Schedule 2) with its schedule', async () => {
    const [p] = await hub().sql<{ id: string }>('select id from patient where nhs_number = ?', [patientAt(3, 2)]);
    const raised = await raise(hub(), 'hub.pharmacist', {
      patientId: toGlobalId('Patient', p!.id),
      items: [item(DMD.scheduleTwo, 10)],
      courseOfTherapy: 'ACUTE',
    });
    expect(raised.items[0]!.controlledDrugSchedule).toBe('SCHEDULE_2');
    expect(raised.registeredPractice.odsCode).toBe('Y99013');
    const issued = await issue(hub(), 'hub.pharmacist', raised.id);
    expect(issued.prescriptionType).toBe('0108');
  });

  it.each([
    ['an invalid dm+d code', { items: [item('39732311000001105')] }, 'input.items[0].dmdCode', 'BAD_USER_INPUT'],
    ['no items', { items: [] }, 'input.items', 'BAD_USER_INPUT'],
    ['five items', { items: [item(), item(), item(), item(), item()] }, 'input.items', 'BAD_USER_INPUT'],
    ['a zero quantity', { items: [item(DMD.amoxicillin, 0)] }, 'input.items[0].quantity', 'BAD_USER_INPUT'],
    [
      'a negative quantity',
      { items: [item(), item(DMD.amoxicillin, -2)] },
      'input.items[1].quantity',
      'BAD_USER_INPUT',
    ],
    [
      'a Schedule 1 controlled drug',
      { items: [item(), item(DMD.scheduleOne)] },
      'input.items[1].dmdCode',
      'BAD_USER_INPUT',
    ],
    ['an empty dosage', { items: [{ ...item(), dosageText: '  ' }] }, 'input.items[0].dosageText', 'BAD_USER_INPUT'],
    [
      'a malformed dispenser ODS code',
      { nominatedDispenserOds: 'not-ods' },
      'input.nominatedDispenserOds',
      'BAD_USER_INPUT',
    ],
    ['an unknown patient', { nhsNumber: patientAt(1, 9000) }, 'input.nhsNumber', 'NOT_FOUND'],
    ['no patient at all', { nhsNumber: null }, 'input.patientId', 'BAD_USER_INPUT'],
  ])('refuses %s naming the field, writing nothing', async (_name, override, field, code) => {
    const before = await footprint(hub());
    const res = await hub().gql(
      RAISE,
      { input: { nhsNumber: patientAt(1, 3), items: [item()], courseOfTherapy: 'ACUTE', ...override } },
      'hub.anp1',
    );
    expect(codeOf(res)).toBe(code);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await footprint(hub())).toEqual(before);
  });

  it("answers NOT_FOUND for another PCN's patient exactly as for an unknown one", async () => {
    const { nhsNumber, patientId } = await seedForeignPcn(hub());
    const before = await footprint(hub());
    const base = { items: [item()], courseOfTherapy: 'ACUTE' };
    const foreign = await hub().gql(RAISE, { input: { ...base, nhsNumber } }, 'hub.anp1');
    const unknown = await hub().gql(RAISE, { input: { ...base, nhsNumber: patientAt(1, 9001) } }, 'hub.anp1');
    const byId = await hub().gql(
      RAISE,
      { input: { ...base, patientId: toGlobalId('Patient', patientId) } },
      'hub.anp1',
    );
    expect([codeOf(foreign), codeOf(unknown), codeOf(byId)]).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(foreign.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(JSON.stringify(foreign)).not.toContain(nhsNumber);
    expect(await footprint(hub())).toEqual(before);
  });

  it('lets only prescribers of the cost centre issue: FORBIDDEN otherwise, nothing written', async () => {
    const raised = await raise(hub(), 'hub.anp1', {
      nhsNumber: patientAt(2, 4),
      items: [item()],
      courseOfTherapy: 'ACUTE',
    });
    const before = await footprint(hub());
    // A hub clinician without the prescriber role is refused by the access rule ...
    expect(codeOf(await hub().gql(ISSUE, { id: raised.id }, 'hub.physio'))).toBe('FORBIDDEN');
    // ... and one holding HUB_PRESCRIBER but no prescriber record by the cost-centre rule (the
    // account must hold the role too: a token keeps only the roles its staff account holds).
    await hub().sql("update staff_user set roles = '{HUB_CLINICIAN,HUB_PRESCRIBER}' where username = 'hub.physio'");
    const res = await hub()
      .gql(ISSUE, { id: raised.id }, await asUser(hub(), 'hub.physio', ['HUB_PRESCRIBER']))
      .finally(() => hub().sql("update staff_user set roles = '{HUB_CLINICIAN}' where username = 'hub.physio'"));
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors![0]!.extensions!.rule).toBe('PRESCRIBER_OF_COST_CENTRE');
    expect(await footprint(hub())).toEqual(before);
    const denied = await hub().sql("select 1 from audit_event where actor_id = 'hub.physio' and outcome = 'DENIED'");
    expect(denied.length).toBe(2);
    expect(
      (await must(hub().gql<{ prescription: PrescriptionView }>(GET, { id: raised.id }, 'hub.anp1'))).prescription
        .state,
    ).toBe('RAISED');
  });

  it('refuses to issue twice (INVALID_TRANSITION naming both states) and hides prescriptions from other organisations', async () => {
    const issued = await raiseAndIssue(hub(), patientAt(1, 5));
    const again = await hub().gql(ISSUE, { id: issued.id }, 'hub.anp1');
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
    expect(again.errors![0]!.extensions).toMatchObject({ from: 'ISSUED', to: 'ISSUED' });
    // The registered practice sees it; another practice gets NOT_FOUND, as for an unknown id.
    expect(
      (await must(hub().gql<{ prescription: PrescriptionView }>(GET, { id: issued.id }, 'p1.gp'))).prescription.patient,
    ).not.toBeNull();
    const other = await hub().gql(GET, { id: issued.id }, 'p2.gp');
    const unknown = await hub().gql(
      GET,
      { id: toGlobalId('Prescription', '01900000-0000-7000-8000-00000000abcd') },
      'p2.gp',
    );
    expect(codeOf(other)).toBe('NOT_FOUND');
    expect(other.errors![0]!.message.replace(/[0-9a-f-]{36}/, 'ID')).toBe(
      unknown.errors![0]!.message.replace(/[0-9a-f-]{36}/, 'ID'),
    );
  });

  it('cancels with a reason before dispensing; a dispensed prescription cannot be cancelled', async () => {
    const issued = await raiseAndIssue(hub(), patientAt(4, 1));
    // Only a prescriber cancels an issued prescription; a hub clinician is refused.
    const clinician = await asUser(hub(), 'hub.physio', ['HUB_CLINICIAN']);
    expect(codeOf(await hub().gql(CANCEL, { id: issued.id, reason: 'wrong drug' }, clinician))).toBe('FORBIDDEN');
    expect(codeOf(await hub().gql(CANCEL, { id: issued.id, reason: ' ' }, 'hub.anp1'))).toBe('BAD_USER_INPUT');

    const cancelled = await must(
      hub().gql<{ cancelPrescription: { prescription: PrescriptionView } }>(
        CANCEL,
        { id: issued.id, reason: 'Wrong strength' },
        'hub.anp3',
      ),
    );
    expect(cancelled.cancelPrescription.prescription).toMatchObject({
      state: 'CANCELLED',
      statusReason: 'Wrong strength',
    });
    expect(cancelled.cancelPrescription.prescription.history.at(-1)).toEqual({
      action: 'CANCEL',
      fromState: 'ISSUED',
      toState: 'CANCELLED',
      actorId: 'hub.anp3',
      reason: 'Wrong strength',
    });

    const other = await raiseAndIssue(hub(), patientAt(4, 2));
    expect(codeOf(await hub().gql(DISPENSED, { id: other.id }, 'hub.anp1'))).toBe('FORBIDDEN');
    const dispensed = await must(
      hub().gql<{ recordPrescriptionDispensed: { prescription: PrescriptionView } }>(
        DISPENSED,
        { id: other.id },
        'oc.supplier',
      ),
    );
    expect(dispensed.recordPrescriptionDispensed.prescription.state).toBe('DISPENSED');
    const before = await footprint(hub());
    const res = await hub().gql(CANCEL, { id: other.id, reason: 'Too late' }, 'hub.anp1');
    expect(codeOf(res)).toBe('INVALID_TRANSITION');
    expect(res.errors![0]!.extensions).toMatchObject({ from: 'DISPENSED', to: 'CANCELLED' });
    expect(await footprint(hub())).toEqual(before);
  });

  it('a raised prescription is withdrawn by the hub before issue', async () => {
    const raised = await raise(hub(), 'hub.anp2', {
      nhsNumber: patientAt(5, 1),
      items: [item()],
      courseOfTherapy: 'ACUTE',
    });
    expect(codeOf(await hub().gql(CANCEL, { id: raised.id, reason: 'Not needed' }, 'p5.gp'))).toBe('FORBIDDEN');
    const res = await must(
      hub().gql<{ cancelPrescription: { prescription: PrescriptionView } }>(
        CANCEL,
        { id: raised.id, reason: 'Not needed' },
        'hub.anp2',
      ),
    );
    expect(res.cancelPrescription.prescription.state).toBe('CANCELLED');
    expect(codeOf(await hub().gql(ISSUE, { id: raised.id }, 'hub.anp1'))).toBe('INVALID_TRANSITION');
  });

  it('replays a raise with the same idempotency key and refuses the key with other input', async () => {
    const input = {
      nhsNumber: patientAt(6, 1),
      items: [item()],
      courseOfTherapy: 'ACUTE',
      idempotencyKey: 'rx-retry-1',
    };
    const first = await raise(hub(), 'hub.anp1', input);
    const before = await footprint(hub());
    const second = await raise(hub(), 'hub.anp1', input);
    expect(second.id).toBe(first.id);
    expect(await footprint(hub())).toEqual(before);
    const reused = await hub().gql(RAISE, { input: { ...input, items: [item(DMD.paracetamol)] } }, 'hub.anp1');
    expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('links the consultation it is raised in: same patient, same organisation', async () => {
    const RECORD =
      'mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id } } }';
    const record = async (nhsNumber: string, user: string) =>
      (
        await must(
          hub().gql<{ recordConsultation: { consultation: { id: string } } }>(RECORD, { input: { nhsNumber } }, user),
        )
      ).recordConsultation.consultation.id;
    const consultation = await record(patientAt(7, 1), 'hub.anp1');
    const base = { items: [item()], courseOfTherapy: 'ACUTE', consultationId: consultation };
    const linked = await raise(hub(), 'hub.anp2', { ...base, nhsNumber: patientAt(7, 1) });
    expect(linked.consultationId).toBe(consultation);
    const before = await footprint(hub());
    const otherPatient = await hub().gql(RAISE, { input: { ...base, nhsNumber: patientAt(7, 2) } }, 'hub.anp2');
    expect(codeOf(otherPatient)).toBe('BAD_USER_INPUT');
    expect(otherPatient.errors![0]!.extensions!.field).toBe('input.consultationId');
    const atPractice = await record(patientAt(7, 1), 'p7.gp');
    const foreign = await hub().gql(
      RAISE,
      { input: { ...base, consultationId: atPractice, nhsNumber: patientAt(7, 1) } },
      'hub.anp2',
    );
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors![0]!.extensions!.field).toBe('input.consultationId');
    expect(await footprint(hub())).toEqual(before);
  });
  it('writes an issued prescription back: its items become medication entries of the saved consultation', async () => {
    const RECORD =
      'mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id } } }';
    const SAVE =
      'mutation ($id: ID!) { saveConsultation(input: { consultationId: $id }) { consultation { id version } } }';
    const nhsNumber = patientAt(4, 5);
    const recorded = await must(
      hub().gql<{ recordConsultation: { consultation: { id: string } } }>(
        RECORD,
        { input: { nhsNumber, entries: [{ note: { text: 'Sore throat, seen at the hub', adminOnly: false } }] } },
        'hub.anp1',
      ),
    );
    const consultationId = recorded.recordConsultation.consultation.id;
    await must(hub().gql(SAVE, { id: consultationId }, 'hub.anp1'));
    const rx = await raise(hub(), 'hub.anp1', { nhsNumber, items: [item()], courseOfTherapy: 'ACUTE', consultationId });
    const issued = await issue(hub(), 'hub.anp1', rx.id);
    const dbId = Buffer.from(consultationId, 'base64url').toString('utf8').split(':')[1];
    const entries = await hub().sql<{ kind: string; id: string }>(
      "select kind, id from consultation_entry where consultation_id = ? and kind = 'MEDICATION'",
      [dbId],
    );
    expect(entries).toHaveLength(1);
    const [consultation] = await hub().sql<{ version: number }>('select version from consultation where id = ?', [
      dbId,
    ]);
    expect(consultation!.version).toBe(2);
    const records = await hub().sql<{ decision: string }>('select decision from write_back_record where entry_id = ?', [
      entries[0]!.id,
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]!.decision).toBe('WRITE_BACK');
    expect(issued.shortFormId).toBeTruthy();
  });
});
