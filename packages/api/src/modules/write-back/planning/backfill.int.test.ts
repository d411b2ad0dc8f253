import { expect, it } from 'vitest';
import { toGlobalId } from '../../../platform/graphql/relay.js';
import { uuidv7 } from '../../../platform/ids.js';
import { codeOf, describeEachDatabase, type TestHub } from '../../../test/harness.js';
import { dbId, getConsultation, must, patientAt } from '../../consultations/consultations.testkit.js';
import { saveEntry, settled } from '../write-back.testkit.js';

const AGREEMENTS = '{ writeBackAgreements { id state source { odsCode } target { odsCode } } }';
const REQUEST =
  'mutation ($input: RequestWriteBackAgreementInput!) { requestWriteBackAgreement(input: $input) { agreement { id state } } }';
const act = (verb: 'activate' | 'suspend') =>
  `mutation ($input: WriteBackAgreementInput!) { ${verb}WriteBackAgreement(input: $input) { agreement { id state } } }`;
const SWITCH =
  'mutation ($enabled: Boolean!) { setPracticeToPracticeWriteBack(input: { enabled: $enabled }) { policy { practiceToPracticeWriteBack } } }';
const EXPLAIN =
  'query ($entryId: ID!) { explainWriteBack(entryId: $entryId) { willWriteBack decision state reasons blockedAt replannedAt replannedBy replanReason } }';
const RESEND =
  'mutation ($input: ResendBlockedWriteBackInput!) { resendBlockedWriteBack(input: $input) { resent { entryId writeBack { state decision } } refused { entryId code reasons } } }';

interface Explained {
  willWriteBack: boolean;
  decision: string;
  state: string;
  reasons: string[];
  blockedAt: string | null;
  replannedAt: string | null;
  replannedBy: string | null;
  replanReason: string | null;
}

async function agreementId(hub: TestHub, source: string, target: string): Promise<string> {
  const all = (
    await must(
      hub.gql<{
        writeBackAgreements: { id: string; state: string; source: { odsCode: string }; target: { odsCode: string } }[];
      }>(AGREEMENTS, {}, 'hub.manager'),
    )
  ).writeBackAgreements;
  return all.find((a) => a.source.odsCode === source && a.target.odsCode === target && a.state !== 'REVOKED')!.id;
}

async function setAgreement(hub: TestHub, user: string, verb: 'activate' | 'suspend', id: string): Promise<string> {
  const res = await must(
    hub.gql<Record<string, { agreement: { state: string } }>>(act(verb), { input: { agreementId: id } }, user),
  );
  return res[`${verb}WriteBackAgreement`]!.agreement.state;
}

const explain = async (hub: TestHub, entry: string): Promise<Explained> =>
  (await must(hub.gql<{ explainWriteBack: Explained }>(EXPLAIN, { entryId: entry }, 'hub.manager'))).explainWriteBack;

const deliveries = (hub: TestHub, entry: string) =>
  hub.sql<{ state: string }>('select state from write_back_delivery where entry_id = ?', [dbId(entry)]);

const replanAudit = (hub: TestHub, entry: string) =>
  hub.sql<{ actor_id: string; patient_id: string | null; reason: string }>(
    "select actor_id, patient_id, reason from audit_event where action = 'replanWriteBack' and subject_id = ?",
    [dbId(entry)],
  );

describeEachDatabase(
  'write-back of entries blocked before their agreement was active',
  (hub) => {
    it('an entry blocked at save is delivered through the outbox when its agreement becomes ACTIVE; audited and explained', async () => {
      const agreement = await agreementId(hub(), 'Y99000', 'Y99015');
      expect(await setAgreement(hub(), 'hub.manager', 'suspend', agreement)).toBe('SUSPENDED');
      const { consultationId, entry } = await saveEntry(hub(), 'hub.anp1', patientAt(5, 30));
      expect(entry.writeBack).toMatchObject({ state: 'BLOCKED', decision: 'BLOCKED' });
      expect(await deliveries(hub(), entry.id)).toEqual([]);
      expect(await replanAudit(hub(), entry.id)).toEqual([]);

      // The hub manager suspended (and now re-activates) the hub's side only.
      expect(await setAgreement(hub(), 'hub.manager', 'activate', agreement)).toBe('ACTIVE');

      const delivered = await settled(hub(), consultationId, 'DELIVERED');
      expect(delivered.writeBack).toMatchObject({
        decision: 'WRITE_BACK',
        delivery: { version: 1, state: 'DELIVERED' },
      });
      expect(await deliveries(hub(), entry.id)).toEqual([{ state: 'DELIVERED' }]);
      const record = await hub().sql<{ received: number }>(
        'select count(*)::int as received from practice_record_entry where message_id = ?',
        [delivered.writeBack!.delivery!.messageId],
      );
      expect(record).toEqual([{ received: 1 }]);

      const audit = await replanAudit(hub(), entry.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.reason).toContain(`agreement ${dbId(agreement)} became ACTIVE`);
      expect(audit[0]!.patient_id).not.toBeNull();

      const why = await explain(hub(), entry.id);
      expect(why).toMatchObject({
        willWriteBack: true,
        decision: 'WRITE_BACK',
        state: 'DELIVERED',
        replanReason: `agreement ${dbId(agreement)} became ACTIVE`,
      });
      expect(why.blockedAt).not.toBeNull();
      expect(why.replannedAt).not.toBeNull();
      expect(why.replannedBy).toBe(audit[0]!.actor_id);
      expect(why.reasons.join(' | ')).toMatch(/blocked at save .* \| re-planned .* by /);
    });

    it('an entry blocked before the look-back window stays BLOCKED at activation; a hub manager re-sends it', async () => {
      const agreement = await agreementId(hub(), 'Y99000', 'Y99014');
      await setAgreement(hub(), 'hub.manager', 'suspend', agreement);
      const old = await saveEntry(hub(), 'hub.anp1', patientAt(4, 30));
      const recent = await saveEntry(hub(), 'hub.anp1', patientAt(4, 31));
      await hub().sql("update write_back_record set blocked_at = now() - interval '15 days' where entry_id = ?", [
        dbId(old.entry.id),
      ]);
      expect(await setAgreement(hub(), 'hub.manager', 'activate', agreement)).toBe('ACTIVE');

      await settled(hub(), recent.consultationId, 'DELIVERED');
      expect((await getConsultation(hub(), 'hub.anp1', old.consultationId)).entries[0]!.writeBack!.state).toBe(
        'BLOCKED',
      );
      expect(await deliveries(hub(), old.entry.id)).toEqual([]);
      expect(await replanAudit(hub(), old.entry.id)).toEqual([]);
      const before = await explain(hub(), old.entry.id);
      expect(before).toMatchObject({ willWriteBack: true, state: 'BLOCKED', replannedAt: null });
      expect(before.reasons.join(' ')).toContain('resendBlockedWriteBack');

      const res = await must(
        hub().gql<{
          resendBlockedWriteBack: { resent: { entryId: string; writeBack: { state: string } }[]; refused: unknown[] };
        }>(RESEND, { input: { entryIds: [old.entry.id] } }, 'hub.manager'),
      );
      expect(res.resendBlockedWriteBack).toEqual({
        resent: [{ entryId: old.entry.id, writeBack: expect.objectContaining({ decision: 'WRITE_BACK' }) }],
        refused: [],
      });
      await settled(hub(), old.consultationId, 'DELIVERED');
      const audit = await replanAudit(hub(), old.entry.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.reason).toContain('re-sent by hub manager');
      expect((await explain(hub(), old.entry.id)).replanReason).toContain('re-sent by hub manager');
    });

    it('refuses a re-send per entry with its reason, storing nothing for refused entries', async () => {
      const agreement = await agreementId(hub(), 'Y99000', 'Y99016');
      await setAgreement(hub(), 'hub.manager', 'suspend', agreement);
      const blocked = await saveEntry(hub(), 'hub.anp1', patientAt(6, 30));
      const delivered = await saveEntry(hub(), 'hub.anp1', patientAt(1, 30));
      await settled(hub(), delivered.consultationId, 'DELIVERED');
      const unknown = toGlobalId('HubConsultationEntry', uuidv7());
      const res = await must(
        hub().gql<{
          resendBlockedWriteBack: {
            resent: unknown[];
            refused: { entryId: string; code: string; reasons: string[] }[];
          };
        }>(RESEND, { input: { entryIds: [blocked.entry.id, delivered.entry.id, unknown] } }, 'hub.manager'),
      );
      expect(res.resendBlockedWriteBack.resent).toEqual([]);
      expect(res.resendBlockedWriteBack.refused.map((r) => [r.entryId, r.code])).toEqual([
        [blocked.entry.id, 'STILL_BLOCKED'],
        [delivered.entry.id, 'NOT_BLOCKED'],
        [unknown, 'NOT_FOUND'],
      ]);
      expect(res.resendBlockedWriteBack.refused[0]!.reasons.join(' ')).toContain('SUSPENDED');
      expect(await deliveries(hub(), blocked.entry.id)).toEqual([]);
      expect(await replanAudit(hub(), blocked.entry.id)).toEqual([]);

      const bad = await hub().gql(RESEND, { input: { entryIds: [blocked.entry.id, 'not-an-id'] } }, 'hub.manager');
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.extensions!.field).toBe('input.entryIds[1]');
      const empty = await hub().gql(RESEND, { input: { entryIds: [] } }, 'hub.manager');
      expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.entryIds' });
      expect(codeOf(await hub().gql(RESEND, { input: { entryIds: [blocked.entry.id] } }, 'p1.admin'))).toBe(
        'FORBIDDEN',
      );
      expect(await deliveries(hub(), blocked.entry.id)).toEqual([]);
    });

    it('practice to practice: entries blocked with the switch off are delivered when a hub manager turns it on', async () => {
      const pair = (
        await must(
          hub().gql<{ requestWriteBackAgreement: { agreement: { id: string } } }>(
            REQUEST,
            { input: { sourceOdsCode: 'Y99011', targetOdsCode: 'Y99012' } },
            'hub.manager',
          ),
        )
      ).requestWriteBackAgreement.agreement.id;
      await setAgreement(hub(), 'p1.admin', 'activate', pair);
      expect(await setAgreement(hub(), 'p2.admin', 'activate', pair)).toBe('ACTIVE');
      const blocked = await saveEntry(hub(), 'p1.gp', patientAt(2, 30));
      expect(blocked.entry.writeBack!.state).toBe('BLOCKED');
      expect(blocked.entry.writeBack!.reason).toContain('switched OFF');

      await must(hub().gql(SWITCH, { enabled: true }, 'hub.manager'));
      await settled(hub(), blocked.consultationId, 'DELIVERED', 'p1.gp');
      const audit = await replanAudit(hub(), blocked.entry.id);
      expect(audit.map((a) => a.reason.replace(/^blocked at save \S+; /, ''))).toEqual([
        'practice-to-practice write-back switched ON',
      ]);
      await must(hub().gql(SWITCH, { enabled: false }, 'hub.manager'));
    });
  },
  { WRITE_BACK_POLL_MS: '100' },
);
