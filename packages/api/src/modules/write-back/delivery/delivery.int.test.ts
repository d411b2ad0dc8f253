import { afterAll, beforeAll, expect, it } from 'vitest';
import { codeOf, describeEachDatabase, type TestHub } from '../../../test/harness.js';
import { coded, dbId, getConsultation, must, patientAt } from '../../consultations/consultations.testkit.js';
import { saveEntry, settled } from '../write-back.testkit.js';
import { FlakyTarget } from '../targets/flaky-target.testkit.js';

const SECRET = `whsec_${Buffer.from('flaky-target-secret-0123456789abcdef').toString('base64')}`;
const CONFIGURE =
  'mutation ($input: ConfigureWriteBackTargetInput!) { configureWriteBackTarget(input: $input) { target { kind endpointUrl hasSigningSecret practice { odsCode } } issuedSigningSecret } }';
const DEAD_LETTERS =
  '{ writeBackDeadLetters(first: 50) { edges { node { id messageId state attempts lastError targetOrganisation { odsCode } } } } }';
const REDRIVE =
  'mutation ($id: ID!) { redriveWriteBack(input: { deliveryId: $id }) { delivery { id state attempts messageId } } }';
const DISCARD = 'mutation ($id: ID!) { discardWriteBack(input: { deliveryId: $id }) { delivery { id state } } }';

/** Saves one coded entry (term = tag) for a patient of practice 3 (the HTTP target) and returns it. */
const send = (hub: TestHub, tag: string, n: number) =>
  saveEntry(hub, 'hub.anp1', patientAt(3, n), coded(undefined, tag));

describeEachDatabase(
  'write-back delivery to a flaky HTTP target',
  (hub) => {
    const target = new FlakyTarget(SECRET);

    beforeAll(async () => {
      await target.start();
      const res = await must(
        hub().gql<{
          configureWriteBackTarget: {
            target: { kind: string; hasSigningSecret: boolean };
            issuedSigningSecret: string | null;
          };
        }>(
          CONFIGURE,
          { input: { practiceOdsCode: 'Y99013', kind: 'HTTP', endpointUrl: target.url, signingSecret: SECRET } },
          'hub.manager',
        ),
      );
      expect(res.configureWriteBackTarget).toMatchObject({
        target: { kind: 'HTTP', hasSigningSecret: true },
        issuedSigningSecret: null,
      });
    });
    afterAll(async () => {
      await target.stop();
    });

    it('retries 503s with the same message id until acknowledged; one effect', async () => {
      target.plan('flaky-503', '503', '503', 'ok');
      const { consultationId } = await send(hub(), 'flaky-503', 20);
      const entry = await settled(hub(), consultationId);
      expect(entry.writeBack).toMatchObject({ state: 'DELIVERED', delivery: { state: 'DELIVERED', attempts: 3 } });
      const requests = target.requestsFor('flaky-503');
      expect(requests.map((r) => r.behaviour)).toEqual(['503', '503', 'ok']);
      expect(new Set(requests.map((r) => r.messageId))).toEqual(new Set([entry.writeBack!.delivery!.messageId]));
      expect(target.effectsFor('flaky-503')).toHaveLength(1);
      expect(target.badSignatures).toBe(0);
    });

    it('treats "sent, no acknowledgement" (a timeout) as unknown: resends the same id, the receiver de-duplicates, acknowledges twice', async () => {
      target.plan('flaky-hang', { hangMs: 1500 }, 'ok');
      const { consultationId } = await send(hub(), 'flaky-hang', 21);
      const entry = await settled(hub(), consultationId);
      expect(entry.writeBack!.state).toBe('DELIVERED');
      // Let the hung request acknowledge too (the duplicate acknowledgement arrives after DELIVERED).
      await new Promise((resolve) => setTimeout(resolve, 1600));
      const requests = target.requestsFor('flaky-hang');
      expect(requests.length).toBeGreaterThanOrEqual(2);
      expect(new Set(requests.map((r) => r.messageId)).size).toBe(1);
      expect(target.effectsFor('flaky-hang')).toHaveLength(1);
      const rows = await hub().sql<{ state: string; total_attempts: number }>(
        'select state, total_attempts from write_back_delivery where entry_id = ?',
        [dbId(entry.id)],
      );
      expect(rows).toEqual([{ state: 'DELIVERED', total_attempts: requests.length }]);
      const delivered = await hub().sql<{ n: number }>(
        "select count(*)::int as n from event_log where type = 'WRITE_BACK_DELIVERED' and payload->>'entryId' = ?",
        [dbId(entry.id)],
      );
      expect(delivered[0]!.n).toBe(1);
    });

    it('goes DEAD only after the last attempt, with the reason; redrive delivers under the same id; redriving something not dead is INVALID_TRANSITION', async () => {
      target.plan('flaky-dead', '503', '503', '503', '503', 'ok');
      const { consultationId } = await send(hub(), 'flaky-dead', 22);
      const dead = await settled(hub(), consultationId);
      expect(dead.writeBack).toMatchObject({ state: 'DEAD', delivery: { state: 'DEAD', attempts: 4 } });
      expect(target.requestsFor('flaky-dead')).toHaveLength(4);
      expect(target.effectsFor('flaky-dead')).toHaveLength(0);
      const letters = await must(
        hub().gql<{
          writeBackDeadLetters: { edges: { node: { id: string; lastError: string; messageId: string } }[] };
        }>(DEAD_LETTERS, {}, 'hub.manager'),
      );
      const letter = letters.writeBackDeadLetters.edges
        .map((e) => e.node)
        .find((n) => n.messageId === dead.writeBack!.delivery!.messageId)!;
      expect(letter.lastError).toBe('no acknowledgement after 4 attempts; last: target answered HTTP 503');
      expect(codeOf(await hub().gql(DEAD_LETTERS, {}, 'hub.anp1'))).toBe('FORBIDDEN');

      const delivered = (
        await hub().sql<{ id: string }>("select id from write_back_delivery where state = 'DELIVERED' limit 1")
      )[0]!;
      const notDead = await hub().gql(
        REDRIVE,
        { id: Buffer.from(`WriteBackDelivery:${delivered.id}`).toString('base64url') },
        'hub.manager',
      );
      expect(codeOf(notDead)).toBe('INVALID_TRANSITION');
      expect(notDead.errors![0]!.extensions).toMatchObject({ from: 'DELIVERED', to: 'PENDING' });

      const redriven = await must(
        hub().gql<{ redriveWriteBack: { delivery: { state: string; attempts: number; messageId: string } } }>(
          REDRIVE,
          { id: letter.id },
          'hub.manager',
        ),
      );
      expect(redriven.redriveWriteBack.delivery).toMatchObject({
        state: 'PENDING',
        attempts: 0,
        messageId: letter.messageId,
      });
      const after = await settled(hub(), consultationId, 'DELIVERED');
      expect(after.writeBack!.delivery!.messageId).toBe(letter.messageId);
      expect(target.effectsFor('flaky-dead')).toEqual([expect.objectContaining({ messageId: letter.messageId })]);
      const audit = await hub().sql("select 1 from audit_event where action = 'redriveWriteBack' and subject_id = ?", [
        dbId(letter.id),
      ]);
      expect(audit).toHaveLength(1);
    });

    it('a permanent rejection (HTTP 400) is a dead letter at once; discarding it ends it; discarded is not redrivable', async () => {
      target.plan('flaky-400', '400');
      const { consultationId } = await send(hub(), 'flaky-400', 23);
      const dead = await settled(hub(), consultationId);
      expect(dead.writeBack).toMatchObject({ state: 'DEAD', delivery: { attempts: 1 } });
      const id = Buffer.from(`WriteBackDelivery:${dbId(dead.writeBack!.delivery!.id)}`).toString('base64url');
      expect(
        (await must(hub().gql<{ discardWriteBack: { delivery: { state: string } } }>(DISCARD, { id }, 'hub.manager')))
          .discardWriteBack.delivery.state,
      ).toBe('DISCARDED');
      expect((await getConsultation(hub(), 'hub.anp1', consultationId)).entries[0]!.writeBack!.state).toBe('DISCARDED');
      expect(codeOf(await hub().gql(REDRIVE, { id }, 'hub.manager'))).toBe('INVALID_TRANSITION');
      expect(codeOf(await hub().gql(DISCARD, { id }, 'hub.manager'))).toBe('INVALID_TRANSITION');
      expect(codeOf(await hub().gql(REDRIVE, { id }, 'hub.anp1'))).toBe('FORBIDDEN');
    });

    it('keeps the order of one patient record: a later delivery waits for the earlier one', async () => {
      target.plan('order-first', '503', '503', 'ok');
      const first = await send(hub(), 'order-first', 24);
      const second = await send(hub(), 'order-second', 24);
      await settled(hub(), first.consultationId, 'DELIVERED');
      await settled(hub(), second.consultationId, 'DELIVERED');
      const firstAck = target.requestsFor('order-first').at(-1)!.at;
      expect(target.requestsFor('order-second').every((r) => r.at >= firstAck)).toBe(true);
      const order = target.effects.filter((e) => e.tag.startsWith('order-')).map((e) => e.tag);
      expect(order).toEqual(['order-first', 'order-second']);
    });

    it('configures targets with typed errors: bad URL, bad secret, unknown or foreign practice', async () => {
      const bad = async (input: Record<string, unknown>, user = 'hub.manager') => {
        const res = await hub().gql(CONFIGURE, { input: { practiceOdsCode: 'Y99014', kind: 'HTTP', ...input } }, user);
        return [codeOf(res), res.errors?.[0]?.extensions?.field];
      };
      expect(await bad({ endpointUrl: 'ftp://example.test/x' })).toEqual(['BAD_USER_INPUT', 'input.endpointUrl']);
      expect(await bad({})).toEqual(['BAD_USER_INPUT', 'input.endpointUrl']);
      expect(await bad({ endpointUrl: 'https://example.test/x', signingSecret: 'plain' })).toEqual([
        'BAD_USER_INPUT',
        'input.signingSecret',
      ]);
      expect(await bad({ practiceOdsCode: 'Y12345', endpointUrl: 'https://example.test/x' })).toEqual([
        'NOT_FOUND',
        'input.practiceOdsCode',
      ]);
      expect(await bad({ endpointUrl: 'https://example.test/x' }, 'p1.admin')).toEqual([
        'NOT_FOUND',
        'input.practiceOdsCode',
      ]);
      const issued = await must(
        hub().gql<{ configureWriteBackTarget: { issuedSigningSecret: string } }>(
          CONFIGURE,
          { input: { practiceOdsCode: 'Y99014', kind: 'HTTP', endpointUrl: 'https://example.test/x' } },
          'p4.admin',
        ),
      );
      expect(issued.configureWriteBackTarget.issuedSigningSecret).toMatch(/^whsec_/);
      await must(hub().gql(CONFIGURE, { input: { practiceOdsCode: 'Y99014', kind: 'IN_HUB' } }, 'p4.admin'));
    });
  },
  {
    WRITE_BACK_POLL_MS: '50',
    WRITE_BACK_MAX_ATTEMPTS: '4',
    WRITE_BACK_BACKOFF_MS: '20',
    // Long enough that a loaded machine's slow answer is not taken for a hang (the hang test's is longer).
    WRITE_BACK_TIMEOUT_MS: '700',
    WRITE_BACK_LEASE_MS: '3000',
    SHUTDOWN_GRACE_MS: '1000',
  },
);
