import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../test/harness.js';
import { recordIssuedMedication } from './saving.service.js';
import {
  ADD,
  AMEND,
  CODES,
  coded,
  dbId,
  document,
  getConsultation,
  medication,
  must,
  note,
  patientAt,
  RECORD,
  recordAndSave,
  REMOVE,
  save,
  SAVE,
  type ConsultationView,
} from './consultations.testkit.js';

type Recorded = { recordConsultation: { consultation: ConsultationView } };

describeEachDatabase('hub consultations', (hub) => {
  it('records a draft with every entry kind, saves it as version 1, and audits both', async () => {
    const nhsNumber = patientAt(1, 1);
    const recorded = await must(
      hub().gql<Recorded>(
        RECORD,
        { input: { nhsNumber, entries: [coded(), note(), medication(), document()] } },
        'hub.anp1',
      ),
    );
    const draft = recorded.recordConsultation.consultation;
    expect(draft).toMatchObject({
      state: 'DRAFT',
      version: 0,
      sourceProduct: 'NATIVE',
      clinicallyRelevant: true,
      writeBackState: null,
    });
    expect(draft.entries.map((e) => e.kind)).toEqual(['CODED', 'NOTE', 'MEDICATION', 'DOCUMENT']);
    expect(draft.entries.every((e) => e.unsaved && e.writeBack === null)).toBe(true);

    const saved = await save(hub(), 'hub.anp1', draft.id);
    expect(saved).toMatchObject({ state: 'SAVED', version: 1 });
    expect(saved.entries.every((e) => !e.unsaved && e.writeBack !== null)).toBe(true);
    const audit = await hub().sql<{ action: string }>(
      "select action from audit_event where subject_id = ? and actor_id = 'hub.anp1' order by at",
      [dbId(draft.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['recordConsultation', 'saveConsultation']);
  });

  it('adds, amends and removes entries; each save bumps the version; saving nothing new is INVALID_TRANSITION', async () => {
    const c = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(2, 1), entries: [coded()] });
    const added = await must(
      hub().gql<{ addConsultationEntry: { entry: { id: string }; consultation: { state: string } } }>(
        ADD,
        { input: { consultationId: c.id, entry: coded(CODES.hypertension, 'Hypertension') } },
        'hub.anp1',
      ),
    );
    expect(added.addConsultationEntry.consultation.state).toBe('DRAFT');
    await must(
      hub().gql(AMEND, { input: { entryId: c.entries[0]!.id, content: coded(CODES.asthma, 'Asthma') } }, 'hub.anp1'),
    );
    const v2 = await save(hub(), 'hub.anp1', c.id);
    expect(v2.version).toBe(2);
    expect(codeOf(await hub().gql(SAVE, { input: { consultationId: c.id } }, 'hub.anp1'))).toBe('INVALID_TRANSITION');

    await must(hub().gql(REMOVE, { input: { entryId: added.addConsultationEntry.entry.id } }, 'hub.anp1'));
    const v3 = await save(hub(), 'hub.anp1', c.id);
    expect(v3.version).toBe(3);
    expect(v3.entries.find((e) => e.id === added.addConsultationEntry.entry.id)?.removed).toBe(true);
    const current = await getConsultation(hub(), 'hub.anp1', c.id);
    expect(current.entries.filter((e) => !e.removed).length).toBe(1);
  });

  it('removes a never-saved entry outright', async () => {
    const recorded = await must(
      hub().gql<Recorded>(RECORD, { input: { nhsNumber: patientAt(3, 1), entries: [coded(), note()] } }, 'hub.anp1'),
    );
    const c = recorded.recordConsultation.consultation;
    await must(hub().gql(REMOVE, { input: { entryId: c.entries[1]!.id } }, 'hub.anp1'));
    expect(await hub().sql('select 1 from consultation_entry where id = ?', [dbId(c.entries[1]!.id)])).toEqual([]);
  });

  it('lets only the author amend a saved version: another author gets CONFLICT and nothing changes', async () => {
    const c = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(4, 1), entries: [coded()] });
    const before = await hub().sql('select revision, term from consultation_entry where id = ?', [
      dbId(c.entries[0]!.id),
    ]);
    const res = await hub().gql(
      AMEND,
      { input: { entryId: c.entries[0]!.id, content: coded(CODES.asthma, 'Asthma') } },
      'hub.anp2',
    );
    expect(codeOf(res)).toBe('CONFLICT');
    expect(
      await hub().sql('select revision, term from consultation_entry where id = ?', [dbId(c.entries[0]!.id)]),
    ).toEqual(before);
    expect(codeOf(await hub().gql(ADD, { input: { consultationId: c.id, entry: note() } }, 'hub.anp2'))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await hub().gql(SAVE, { input: { consultationId: c.id } }, 'hub.anp2'))).toBe('CONFLICT');
  });

  it('answers NOT_FOUND to another organisation, exactly as to a missing consultation', async () => {
    const c = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(1, 2), entries: [coded()] });
    const foreign = await hub().gql(ADD, { input: { consultationId: c.id, entry: note() } }, 'p1.gp');
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(codeOf(await hub().gql('query ($id: ID!) { hubConsultation(id: $id) { id } }', { id: c.id }, 'p1.gp'))).toBe(
      'NOT_FOUND',
    );
  });

  it('checks the optimistic revision: a stale expectedRevision is CONFLICT naming the field', async () => {
    const recorded = await must(
      hub().gql<Recorded>(RECORD, { input: { nhsNumber: patientAt(5, 1), entries: [coded()] } }, 'hub.anp1'),
    );
    const c = recorded.recordConsultation.consultation;
    await must(
      hub().gql(ADD, { input: { consultationId: c.id, entry: note(), expectedRevision: c.revision } }, 'hub.anp1'),
    );
    const stale = await hub().gql(
      ADD,
      { input: { consultationId: c.id, entry: note(), expectedRevision: c.revision } },
      'hub.anp1',
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions!.field).toBe('input.expectedRevision');
  });

  it('replays a create with the same idempotency key and refuses the key with different input', async () => {
    const input = { nhsNumber: patientAt(6, 1), entries: [coded()], idempotencyKey: 'rec-key-1' };
    const first = await must(hub().gql<Recorded>(RECORD, { input }, 'hub.anp1'));
    const again = await must(hub().gql<Recorded>(RECORD, { input }, 'hub.anp1'));
    expect(again.recordConsultation.consultation.id).toBe(first.recordConsultation.consultation.id);
    const reused = await hub().gql(RECORD, { input: { ...input, location: 'Elsewhere' } }, 'hub.anp1');
    expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
    const rows = await hub().sql<{ n: number }>(
      'select count(*)::int as n from consultation where patient_id = (select id from patient where nhs_number = ?)',
      [input.nhsNumber],
    );
    expect(rows[0]!.n).toBe(1);
    // Another actor's key space is separate.
    const other = await must(hub().gql<Recorded>(RECORD, { input }, 'hub.anp2'));
    expect(other.recordConsultation.consultation.id).not.toBe(first.recordConsultation.consultation.id);
  });

  it('answers concurrent first uses of one idempotency key with one consultation', async () => {
    const input = { nhsNumber: patientAt(6, 2), entries: [coded()], idempotencyKey: 'rec-key-race' };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => hub().gql<Recorded>(RECORD, { input }, 'hub.anp1')),
    );
    for (const res of results) expect(res.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data!.recordConsultation.consultation.id)).size).toBe(1);
    const rows = await hub().sql<{ n: number }>(
      "select count(*)::int as n from idempotency_key where key = 'rec-key-race'",
    );
    expect(rows[0]!.n).toBe(1);
  });

  it("adds issued medication inside a caller's transaction: saves the next version of a SAVED consultation, leaves a DRAFT for its author", async () => {
    const pcnId = (await hub().sql<{ id: string }>("select id from organisation where ods_code = 'U99001'"))[0]!.id;
    const medicationEntry = {
      kind: 'MEDICATION' as const,
      dmdCode: CODES.amoxicillin,
      name: 'Amoxicillin (EPS 1)',
      dose: 'One capsule three times a day',
      quantity: '21 capsule',
    };
    const saved = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(1, 40), entries: [coded()] });
    const hints = await hub()
      .app.orm.em.fork()
      .transactional((em) =>
        recordIssuedMedication(em, {
          consultationId: dbId(saved.id),
          actorId: 'hub.pharmacist',
          pcnId,
          entries: [medicationEntry],
        }),
      );
    expect(hints.length).toBe(1);
    const after = await getConsultation(hub(), 'hub.anp1', saved.id);
    expect(after).toMatchObject({ state: 'SAVED', version: 2 });
    expect(after.entries.map((e) => e.kind)).toEqual(['CODED', 'MEDICATION']);
    expect(after.entries[1]!.writeBack!.decision).toBe('WRITE_BACK');

    const recorded = await must(
      hub().gql<Recorded>(RECORD, { input: { nhsNumber: patientAt(1, 41), entries: [coded()] } }, 'hub.anp1'),
    );
    const draftId = recorded.recordConsultation.consultation.id;
    const none = await hub()
      .app.orm.em.fork()
      .transactional((em) =>
        recordIssuedMedication(em, {
          consultationId: dbId(draftId),
          actorId: 'hub.pharmacist',
          pcnId,
          entries: [medicationEntry],
        }),
      );
    expect(none).toEqual([]);
    const draft = await getConsultation(hub(), 'hub.anp1', draftId);
    expect(draft).toMatchObject({ state: 'DRAFT', version: 0 });
    expect(draft.entries.map((e) => [e.kind, e.unsaved])).toEqual([
      ['CODED', true],
      ['MEDICATION', true],
    ]);
  });

  it.each([
    ['an invalid SNOMED CT concept id', { entries: [coded('22298007')] }, 'input.entries[0].coded.snomedCode'],
    ['a SNOMED CT description id', { entries: [coded('751689013')] }, 'input.entries[0].coded.snomedCode'],
    ['an invalid dm+d code', { entries: [medication('39732311000001105')] }, 'input.entries[0].medication.dmdCode'],
    ['an entry with two kinds', { entries: [{ ...coded(), ...note() }] }, 'input.entries[0]'],
    ['an empty note', { entries: [note('   ')] }, 'input.entries[0].note.text'],
    ['a bad source product', { sourceProduct: 'Not A Plugin!' }, 'input.sourceProduct'],
  ])('rejects %s as BAD_USER_INPUT naming the field and writes nothing', async (_what, override, field) => {
    const nhsNumber = patientAt(7, 3);
    const res = await hub().gql(RECORD, { input: { nhsNumber, entries: [coded()], ...override } }, 'hub.anp3');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await hub().sql("select 1 from consultation where author_id = 'hub.anp3'")).toEqual([]);
  });

  it('rejects an invalid code on amendment and keeps the entry as it was', async () => {
    const c = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(7, 4), entries: [coded()] });
    const res = await hub().gql(AMEND, { input: { entryId: c.entries[0]!.id, content: coded('12345') } }, 'hub.anp1');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe('input.content.coded.snomedCode');
    const rows = await hub().sql<{ snomed_code: string; revision: number }>(
      'select snomed_code, revision from consultation_entry where id = ?',
      [dbId(c.entries[0]!.id)],
    );
    expect(rows[0]).toMatchObject({ snomed_code: CODES.mi, revision: 1 });
  });

  it('records third-party consultations under the integration plugin id, never as NATIVE', async () => {
    const recorded = await must(
      hub().gql<Recorded>(RECORD, { input: { nhsNumber: patientAt(2, 2), entries: [coded()] } }, 'oc.supplier'),
    );
    expect(recorded.recordConsultation.consultation.sourceProduct).toBe('oc.supplier');
    const res = await hub().gql(
      RECORD,
      { input: { nhsNumber: patientAt(2, 2), sourceProduct: 'NATIVE' } },
      'oc.supplier',
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });
});
