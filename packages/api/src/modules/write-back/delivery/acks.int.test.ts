import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../../test/harness.js';
import { coded, dbId, patientAt, recordAndSave } from '../../consultations/consultations.testkit.js';
import { asPlugin, ok, registerPlugin } from '../../plugins/plugins.testkit.js';

const ACK = `mutation ($input: RecordWriteBackAcknowledgementInput!) { recordWriteBackAcknowledgement(input: $input) { delivery { state acknowledgement lastError } } }`;

describeEachDatabase(
  'write-back acknowledgements from a carrying plugin',
  (hub) => {
    async function delivered(practice: number, n: number): Promise<string> {
      const c = await recordAndSave(hub(), 'hub.anp1', { nhsNumber: patientAt(practice, n), entries: [coded()] });
      const entryId = dbId(c.entries[0]!.id);
      let messageId = '';
      await expect
        .poll(
          async () => {
            const rows = await hub().sql<{ message_id: string; state: string }>(
              'select d.message_id, d.state from write_back_delivery d join write_back_record r on r.id = d.record_id where r.entry_id = ?',
              [entryId],
            );
            messageId = rows[0]?.message_id ?? '';
            return rows[0]?.state;
          },
          { timeout: 15_000 },
        )
        .toBe('DELIVERED');
      return messageId;
    }

    it('keeps positive acknowledgements and turns a negative one into a dead letter', async () => {
      const plugin = await registerPlugin(hub(), { scopes: ['write-back:acknowledge'] }, ['p1.admin']);
      const call = asPlugin(hub(), plugin.key, 'Y99011');
      const messageId = await delivered(1, 58);
      const infra = await ok(
        call<any>(ACK, { input: { messageId, kind: 'INFRASTRUCTURE', code: '20013', positive: true } }),
      );
      expect(infra.recordWriteBackAcknowledgement.delivery).toMatchObject({
        state: 'DELIVERED',
        acknowledgement: 'INFRASTRUCTURE 20013',
      });
      const refused = await ok(
        call<any>(ACK, {
          input: { messageId, kind: 'BUSINESS', code: '30002', positive: false, reason: 'patient not known here' },
        }),
      );
      expect(refused.recordWriteBackAcknowledgement.delivery).toMatchObject({
        state: 'DEAD',
        acknowledgement: 'BUSINESS 30002',
      });
      expect(refused.recordWriteBackAcknowledgement.delivery.lastError).toContain('30002');
      const events = await hub().sql<{ type: string }>(
        "select type from event_log where payload->>'messageId' = ? order by seq",
        [messageId],
      );
      expect(events.map((e) => e.type).at(-1)).toBe('WRITE_BACK_DEAD');
    });

    it("refuses another practice's message, a bad code, and a plugin without the scope", async () => {
      const messageId = await delivered(2, 58);
      const business = (code: string) => ({ input: { messageId, kind: 'BUSINESS', code, positive: true } });
      const elsewhere = await registerPlugin(hub(), { scopes: ['write-back:acknowledge'] }, ['p1.admin']);
      expect(codeOf(await asPlugin(hub(), elsewhere.key, 'Y99011')(ACK, business('30001')))).toBe('NOT_FOUND');
      const own = await registerPlugin(hub(), { scopes: ['write-back:acknowledge'] }, ['p2.admin']);
      const bad = await asPlugin(hub(), own.key, 'Y99012')(ACK, business('30 001'));
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      const noScope = await registerPlugin(hub(), { scopes: ['events:read'] }, ['p2.admin']);
      expect(codeOf(await asPlugin(hub(), noScope.key, 'Y99012')(ACK, business('30001')))).toBe('FORBIDDEN');
      expect(await hub().sql('select ack_code from write_back_delivery where message_id = ?', [messageId])).toEqual([
        { ack_code: null },
      ]);
    });
  },
  { WRITE_BACK_POLL_MS: '50', PLUGIN_WEBHOOK_WORKER: 'false' },
);
