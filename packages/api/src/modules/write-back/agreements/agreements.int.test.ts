import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase, seedForeignPcn, type TestHub } from '../../../test/harness.js';
import {
  coded,
  dbId,
  eventually,
  EXPLAIN,
  getConsultation,
  must,
  note,
  patientAt,
  recordAndSave,
} from '../../consultations/consultations.testkit.js';

const REQUEST =
  'mutation ($input: RequestWriteBackAgreementInput!) { requestWriteBackAgreement(input: $input) { agreement { id state oneToOne source { odsCode } target { odsCode } } } }';
const act = (verb: 'activate' | 'suspend' | 'revoke') =>
  `mutation ($input: WriteBackAgreementInput!) { ${verb}WriteBackAgreement(input: $input) { agreement { id state sourceActivatedAt targetActivatedAt } } }`;
const SWITCH =
  'mutation ($enabled: Boolean!) { setPracticeToPracticeWriteBack(input: { enabled: $enabled }) { policy { practiceToPracticeWriteBack updatedBy } } }';
const AGREEMENTS = '{ writeBackAgreements { id state oneToOne source { odsCode } target { odsCode } } }';
const RECORD_ENTRIES =
  'query ($n: NHSNumber!) { patient(nhsNumber: $n) { writtenBackEntries { heading fromHub version snomedCode term archived messageId sourceProduct sourceOrganisation { odsCode } } } }';

interface Agreement {
  id: string;
  state: string;
  oneToOne: boolean;
  source: { odsCode: string };
  target: { odsCode: string };
}

async function agreementFor(hub: TestHub, source: string, target: string): Promise<Agreement> {
  const all = (await must(hub.gql<{ writeBackAgreements: Agreement[] }>(AGREEMENTS, {}, 'hub.manager')))
    .writeBackAgreements;
  return all.find((a) => a.source.odsCode === source && a.target.odsCode === target && a.state !== 'REVOKED')!;
}

async function request(hub: TestHub, user: string, input: Record<string, unknown>): Promise<Agreement> {
  return (await must(hub.gql<{ requestWriteBackAgreement: { agreement: Agreement } }>(REQUEST, { input }, user)))
    .requestWriteBackAgreement.agreement;
}

async function change(
  hub: TestHub,
  user: string,
  verb: 'activate' | 'suspend' | 'revoke',
  id: string,
): Promise<{ state: string }> {
  const res = await must(
    hub.gql<Record<string, { agreement: { state: string } }>>(act(verb), { input: { agreementId: id } }, user),
  );
  return res[`${verb}WriteBackAgreement`]!.agreement;
}

/** Saves a consultation with one coded entry and waits until its write-back state is terminal. */
async function writeBackOf(hub: TestHub, user: string, nhsNumber: string, extra: Record<string, unknown> = {}) {
  const c = await recordAndSave(hub, user, { nhsNumber, entries: [coded()], ...extra });
  const entry = await eventually(
    async () => {
      const fresh = await getConsultation(hub, user, c.id);
      const e = fresh.entries[0]!;
      return ['DELIVERED', 'BLOCKED', 'NOT_REQUIRED', 'DEAD'].includes(e.writeBack!.state) ? e : undefined;
    },
    15_000,
    'a terminal write-back state',
  );
  return { consultation: c, entry };
}

const RECORD_ONLY =
  'mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id } } }';

const explain = async (hub: TestHub, user: string, entry: string) =>
  (await must(hub.gql<{ explainWriteBack: Record<string, unknown> & { reasons: string[] } }>(EXPLAIN, { entry }, user)))
    .explainWriteBack;

describeEachDatabase(
  'write-back agreements and policy matrix',
  (hub) => {
    it('seeds ACTIVE hub -> practice agreements for every demo practice', async () => {
      const all = (await must(hub().gql<{ writeBackAgreements: Agreement[] }>(AGREEMENTS, {}, 'hub.manager')))
        .writeBackAgreements;
      expect(
        all
          .filter((a) => a.source.odsCode === 'Y99000' && a.state === 'ACTIVE')
          .map((a) => a.target.odsCode)
          .sort(),
      ).toEqual(['Y99011', 'Y99012', 'Y99013', 'Y99014', 'Y99015', 'Y99016', 'Y99017']);
      // A practice sees only agreements it is a side of.
      const mine = (await must(hub().gql<{ writeBackAgreements: Agreement[] }>(AGREEMENTS, {}, 'p1.admin')))
        .writeBackAgreements;
      expect(mine.every((a) => a.source.odsCode === 'Y99011' || a.target.odsCode === 'Y99011')).toBe(true);
    });

    it('hub -> practice with an ACTIVE agreement: written back once into the practice record, marked as from the hub', async () => {
      const nhsNumber = patientAt(1, 10);
      const { entry } = await writeBackOf(hub(), 'hub.anp1', nhsNumber);
      expect(entry.writeBack).toMatchObject({ state: 'DELIVERED', decision: 'WRITE_BACK' });
      expect(entry.writeBack!.delivery).toMatchObject({ version: 1, replacesMessageId: null, state: 'DELIVERED' });
      const record = await must(
        hub().gql<{ patient: { writtenBackEntries: Record<string, unknown>[] } }>(
          RECORD_ENTRIES,
          { n: nhsNumber },
          'p1.gp',
        ),
      );
      expect(record.patient.writtenBackEntries).toEqual([
        expect.objectContaining({
          heading: 'Enterprise Consultation (Harbour and Downs PCN Hub (demo))',
          fromHub: true,
          version: 1,
          snomedCode: '22298006',
          archived: false,
          messageId: entry.writeBack!.delivery!.messageId,
          sourceOrganisation: { odsCode: 'Y99000' },
        }),
      ]);
      // Other practices and the hub see nothing of that practice's record.
      const elsewhere = await hub().gql<{ patient: { writtenBackEntries: unknown[] } }>(
        RECORD_ENTRIES,
        { n: nhsNumber },
        'hub.anp1',
      );
      expect(elsewhere.data!.patient.writtenBackEntries).toEqual([]);
      const why = await explain(hub(), 'p1.admin', entry.id);
      expect(why).toMatchObject({
        willWriteBack: true,
        state: 'DELIVERED',
        direction: 'HUB_TO_PRACTICE',
        agreementFound: true,
        agreementState: 'ACTIVE',
      });
    });

    it('hub -> practice without an ACTIVE agreement (revoked, suspended): BLOCKED with the reason; re-activation lets new entries through', async () => {
      const revoked = await agreementFor(hub(), 'Y99000', 'Y99017');
      expect((await change(hub(), 'hub.manager', 'revoke', revoked.id)).state).toBe('REVOKED');
      const blocked = await writeBackOf(hub(), 'hub.anp1', patientAt(7, 10));
      expect(blocked.entry.writeBack).toMatchObject({ state: 'BLOCKED', decision: 'BLOCKED' });
      expect(blocked.entry.writeBack!.reason).toContain('REVOKED');
      expect(await hub().sql('select 1 from write_back_delivery where entry_id = ?', [dbId(blocked.entry.id)])).toEqual(
        [],
      );
      const why = await explain(hub(), 'hub.manager', blocked.entry.id);
      expect(why).toMatchObject({
        willWriteBack: false,
        state: 'BLOCKED',
        agreementFound: true,
        agreementState: 'REVOKED',
      });

      const suspended = await agreementFor(hub(), 'Y99000', 'Y99016');
      expect((await change(hub(), 'hub.manager', 'suspend', suspended.id)).state).toBe('SUSPENDED');
      const held = await writeBackOf(hub(), 'hub.anp1', patientAt(6, 10));
      expect(held.entry.writeBack!.state).toBe('BLOCKED');
      expect(held.entry.writeBack!.reason).toContain('SUSPENDED');
      expect((await change(hub(), 'hub.manager', 'activate', suspended.id)).state).toBe('ACTIVE');
      const flowing = await writeBackOf(hub(), 'hub.anp1', patientAt(6, 11));
      expect(flowing.entry.writeBack!.state).toBe('DELIVERED');
    });

    it('practice -> practice: blocked with the switch off unless one-to-one; the switch on lets an ACTIVE agreement through', async () => {
      const target = patientAt(2, 12); // registered at Y99012
      // No care relationship yet between practice 1 and practice 2's patient: like an unknown NHS number.
      expect(codeOf(await hub().gql(RECORD_ONLY, { input: { nhsNumber: target } }, 'p1.gp'))).toBe('NOT_FOUND');

      const pair = await request(hub(), 'p1.admin', { sourceOdsCode: 'Y99011', targetOdsCode: 'Y99012' });
      expect(pair.state).toBe('REQUESTED');
      expect((await writeBackOf(hub(), 'p1.gp', target)).entry.writeBack!.reason).toContain('switched OFF');
      expect((await change(hub(), 'p1.admin', 'activate', pair.id)).state).toBe('REQUESTED');
      expect(codeOf(await hub().gql(act('activate'), { input: { agreementId: pair.id } }, 'p3.admin'))).toBe(
        'NOT_FOUND',
      );
      expect((await change(hub(), 'p2.admin', 'activate', pair.id)).state).toBe('ACTIVE');
      const offButActive = await writeBackOf(hub(), 'p1.gp', patientAt(2, 13));
      expect(offButActive.entry.writeBack).toMatchObject({ state: 'BLOCKED' });
      expect(offButActive.entry.writeBack!.reason).toContain('not one-to-one');

      await must(hub().gql(SWITCH, { enabled: true }, 'hub.manager'));
      const on = await writeBackOf(hub(), 'p1.gp', patientAt(2, 14));
      expect(on.entry.writeBack).toMatchObject({ state: 'DELIVERED', decision: 'WRITE_BACK' });
      expect((await explain(hub(), 'p2.gp', on.entry.id)).practiceToPracticeWriteBack).toBe(true);
      await must(hub().gql(SWITCH, { enabled: false }, 'hub.manager'));

      const oneToOne = await request(hub(), 'hub.manager', {
        sourceOdsCode: 'Y99013',
        targetOdsCode: 'Y99014',
        oneToOne: true,
      });
      await change(hub(), 'p3.admin', 'activate', oneToOne.id);
      await change(hub(), 'p4.admin', 'activate', oneToOne.id);
      const pairwise = await writeBackOf(hub(), 'p3.gp', patientAt(4, 12));
      expect(pairwise.entry.writeBack).toMatchObject({ state: 'DELIVERED', decision: 'WRITE_BACK' });
      expect(pairwise.entry.writeBack!.reason).toContain('one-to-one');
      // The reverse direction has no agreement.
      expect((await writeBackOf(hub(), 'p4.gp', patientAt(3, 12))).entry.writeBack!.state).toBe('BLOCKED');

      const audit = await hub().sql<{ action: string }>(
        "select action from audit_event where action in ('requestWriteBackAgreement', 'activateWriteBackAgreement', 'setPracticeToPracticeWriteBack')",
      );
      expect(audit.length).toBeGreaterThanOrEqual(8);
    });

    it('patient registered at the authoring organisation, admin-only consultations and admin notes: NOT_REQUIRED', async () => {
      const own = await writeBackOf(hub(), 'p1.gp', patientAt(1, 15));
      expect(own.entry.writeBack).toMatchObject({ state: 'NOT_REQUIRED' });
      expect((await explain(hub(), 'p1.gp', own.entry.id)).patientRegisteredAtAuthoringOrganisation).toBe(true);
      const admin = await writeBackOf(hub(), 'hub.anp1', patientAt(1, 16), { clinicallyRelevant: false });
      expect(admin.entry.writeBack!.state).toBe('NOT_REQUIRED');
      expect(admin.entry.writeBack!.reason).toContain('admin-only');
      const c = await recordAndSave(hub(), 'hub.anp1', {
        nhsNumber: patientAt(1, 17),
        entries: [note('Booked a follow-up', true)],
      });
      expect(c.entries[0]!.writeBack!.state).toBe('NOT_REQUIRED');
      expect(c.writeBackState).toBe('NOT_REQUIRED');
    });

    it('third-party (plugin) entries follow the same path and say so', async () => {
      const nhsNumber = patientAt(5, 12);
      const { entry } = await writeBackOf(hub(), 'oc.supplier', nhsNumber);
      expect(entry.writeBack!.state).toBe('DELIVERED');
      const record = await must(
        hub().gql<{ patient: { writtenBackEntries: { sourceProduct: string }[] } }>(
          RECORD_ENTRIES,
          { n: nhsNumber },
          'p5.gp',
        ),
      );
      expect(record.patient.writtenBackEntries.map((e) => e.sourceProduct)).toEqual(['oc.supplier']);
      const why = await explain(hub(), 'hub.manager', entry.id);
      expect(why.sourceProduct).toBe('oc.supplier');
      expect(why.reasons.join(' ')).toContain('third-party');
    });

    it('explainWriteBack answers NOT_FOUND to organisations that are neither author nor registered practice', async () => {
      const { entry } = await writeBackOf(hub(), 'hub.anp1', patientAt(1, 18));
      expect(codeOf(await hub().gql(EXPLAIN, { entry: entry.id }, 'p2.gp'))).toBe('NOT_FOUND');
    });

    it.each([
      ['an unknown source', { sourceOdsCode: 'Y12345', targetOdsCode: 'Y99011' }, 'NOT_FOUND', 'input.sourceOdsCode'],
      [
        'a practice of another PCN',
        { sourceOdsCode: 'Y99000', targetOdsCode: 'Y99021' },
        'NOT_FOUND',
        'input.targetOdsCode',
      ],
      ['the PCN itself', { sourceOdsCode: 'U99001', targetOdsCode: 'Y99011' }, 'BAD_USER_INPUT', 'input.sourceOdsCode'],
      [
        'the hub as target',
        { sourceOdsCode: 'Y99011', targetOdsCode: 'Y99000' },
        'BAD_USER_INPUT',
        'input.targetOdsCode',
      ],
      [
        'the same organisation twice',
        { sourceOdsCode: 'Y99011', targetOdsCode: 'Y99011' },
        'BAD_USER_INPUT',
        'input.targetOdsCode',
      ],
      [
        'one-to-one from the hub',
        { sourceOdsCode: 'Y99000', targetOdsCode: 'Y99011', oneToOne: true },
        'BAD_USER_INPUT',
        'input.oneToOne',
      ],
      [
        'a pair already covered',
        { sourceOdsCode: 'Y99000', targetOdsCode: 'Y99011' },
        'CONFLICT',
        'input.targetOdsCode',
      ],
    ])('refuses an agreement naming %s and writes nothing', async (_what, input, code, field) => {
      await seedForeignPcn(hub());
      const before = await hub().sql<{ n: number }>('select count(*)::int as n from write_back_agreement');
      const res = await hub().gql(REQUEST, { input }, 'hub.manager');
      expect(codeOf(res)).toBe(code);
      expect(res.errors![0]!.extensions!.field).toBe(field);
      expect(await hub().sql<{ n: number }>('select count(*)::int as n from write_back_agreement')).toEqual(before);
    });

    it("refuses agreement changes outside the actor's sides and on revoked agreements", async () => {
      const pair = await request(hub(), 'hub.manager', { sourceOdsCode: 'Y99012', targetOdsCode: 'Y99013' });
      expect(codeOf(await hub().gql(act('activate'), { input: { agreementId: pair.id } }, 'hub.manager'))).toBe(
        'FORBIDDEN',
      );
      // A pair of other practices answers like an unknown organisation (the denial is audited).
      expect(
        codeOf(await hub().gql(REQUEST, { input: { sourceOdsCode: 'Y99013', targetOdsCode: 'Y99014' } }, 'p1.admin')),
      ).toBe('NOT_FOUND');
      await change(hub(), 'p2.admin', 'revoke', pair.id);
      expect(codeOf(await hub().gql(act('activate'), { input: { agreementId: pair.id } }, 'p2.admin'))).toBe(
        'INVALID_TRANSITION',
      );
      expect(codeOf(await hub().gql(act('revoke'), { input: { agreementId: pair.id } }, 'p2.admin'))).toBe(
        'INVALID_TRANSITION',
      );
      expect(codeOf(await hub().gql(act('suspend'), { input: { agreementId: pair.id } }, 'p2.admin'))).toBe(
        'INVALID_TRANSITION',
      );
      // After revocation the pair may be requested again.
      expect((await request(hub(), 'hub.manager', { sourceOdsCode: 'Y99012', targetOdsCode: 'Y99013' })).state).toBe(
        'REQUESTED',
      );
      expect(codeOf(await hub().gql(SWITCH, { enabled: true }, 'p1.admin'))).toBe('FORBIDDEN');
    });

    it('audits a refused agreement change as DENIED on the agreement, after the rollback', async () => {
      const pair = await request(hub(), 'hub.manager', { sourceOdsCode: 'Y99015', targetOdsCode: 'Y99016' });
      expect(codeOf(await hub().gql(act('activate'), { input: { agreementId: pair.id } }, 'hub.manager'))).toBe(
        'FORBIDDEN',
      );
      const rows = await hub().sql<{ action: string; outcome: string }>(
        "select action, outcome from audit_event where subject_type = 'WriteBackAgreement' and subject_id = ? order by id",
        [dbId(pair.id)],
      );
      expect(rows).toEqual([
        { action: 'requestWriteBackAgreement', outcome: 'SUCCESS' },
        { action: 'activateWriteBackAgreement', outcome: 'DENIED' },
      ]);
      expect((await agreementFor(hub(), 'Y99015', 'Y99016')).state).toBe('REQUESTED');
    });
  },
  { WRITE_BACK_POLL_MS: '100' },
);
