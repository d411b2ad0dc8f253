import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../test/harness.js';
import { asPlugin, ok, registerPlugin } from '../plugins/plugins.testkit.js';

const RECORD = `mutation ($input: RecordInboundMessageInput!) { recordInboundMessage(input: $input) { alreadyRecorded message { id state messageId bodyBytes } } }`;
const SETTLE = `mutation ($input: SettleInboundMessageInput!) { settleInboundMessage(input: $input) { message { id state failure } } }`;
const TO_SETTLE = `query ($mailboxId: String, $first: Int, $after: String) { inboundMessagesToSettle(mailboxId: $mailboxId, first: $first, after: $after) { edges { node { messageId state bodyBase64 } } pageInfo { hasNextPage endCursor } } }`;
const LIST = `query ($state: InboundMessageState) { inboundMessages(state: $state) { edges { node { messageId state failure bodyBase64 headers { name value } } } } }`;

const message = (messageId: string) => ({
  transport: 'MESH',
  mailboxId: 'x26hub01',
  messageId,
  workflowId: 'GPFED_CONSULT_REPORT',
  messageType: 'DATA',
  senderMailboxId: 'X26SUP01',
  headers: [{ name: 'Mex-WorkflowID', value: 'GPFED_CONSULT_REPORT' }],
  bodyBase64: Buffer.from('{"not":"an oc"}').toString('base64'),
});

describeEachDatabase('inbound message store', (hub) => {
  it('stores a message once, settles it, and shows unparseable ones to hub admins', async () => {
    const plugin = await registerPlugin(hub(), { scopes: ['messages:write', 'inbox:submit'] }, ['hub.manager']);
    const call = asPlugin(hub(), plugin.key, 'Y99000');
    const first = await ok(call<any>(RECORD, { input: message('20261124-0001') }));
    expect(first.recordInboundMessage).toMatchObject({
      alreadyRecorded: false,
      message: { state: 'RECEIVED', bodyBytes: 15 },
    });
    const again = await ok(call<any>(RECORD, { input: message('20261124-0001') }));
    expect(again.recordInboundMessage).toMatchObject({
      alreadyRecorded: true,
      message: { id: first.recordInboundMessage.message.id },
    });
    await ok(
      call(SETTLE, {
        input: { messageId: first.recordInboundMessage.message.id, outcome: 'PARSE_FAILED', failure: 'unknown format' },
      }),
    );
    const listed = await ok(hub().gql<any>(LIST, { state: 'PARSE_FAILED' }, 'hub.coord1'));
    expect(listed.inboundMessages.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({
        messageId: '20261124-0001',
        state: 'PARSE_FAILED',
        failure: 'unknown format',
        headers: [{ name: 'mex-workflowid', value: 'GPFED_CONSULT_REPORT' }],
      }),
    );
    expect(codeOf(await hub().gql(LIST, {}, 'p1.admin'))).toBe('FORBIDDEN');
  });

  it('lists the messages still to settle to the recording plugin, oldest first, page by page', async () => {
    const plugin = await registerPlugin(hub(), { scopes: ['messages:write'] }, ['hub.manager', 'p1.admin']);
    const call = asPlugin(hub(), plugin.key, 'Y99000');
    const ids = ['settle-1', 'settle-2', 'settle-3'];
    const recorded = [];
    for (const id of ids)
      recorded.push(await ok(call<any>(RECORD, { input: { ...message(id), mailboxId: 'X26SETTLE' } })));
    await ok(call(SETTLE, { input: { messageId: recorded[1].recordInboundMessage.message.id, outcome: 'PARSED' } }));
    const first = await ok(call<any>(TO_SETTLE, { mailboxId: 'x26settle', first: 1 }));
    expect(first.inboundMessagesToSettle.edges.map((e: any) => e.node)).toEqual([
      { messageId: 'settle-1', state: 'RECEIVED', bodyBase64: message('x').bodyBase64 },
    ]);
    expect(first.inboundMessagesToSettle.pageInfo.hasNextPage).toBe(true);
    const rest = await ok(
      call<any>(TO_SETTLE, {
        mailboxId: 'X26SETTLE',
        first: 10,
        after: first.inboundMessagesToSettle.pageInfo.endCursor,
      }),
    );
    expect(rest.inboundMessagesToSettle.edges.map((e: any) => e.node.messageId)).toEqual(['settle-3']);
    expect(rest.inboundMessagesToSettle.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await asPlugin(hub(), plugin.key, 'Y99011')(TO_SETTLE, {}))).toBe('FORBIDDEN');
    expect(codeOf(await hub().gql(TO_SETTLE, {}, 'hub.coord1'))).toBe('FORBIDDEN');
  });

  it('refuses bad input, a plugin without the scope, and a plugin acting for a practice', async () => {
    const plugin = await registerPlugin(hub(), { scopes: ['messages:write'] }, ['hub.manager', 'p1.admin']);
    const asHub = asPlugin(hub(), plugin.key, 'Y99000');
    for (const [field, input] of [
      ['input.messageType', { ...message('m-1'), messageType: 'OTHER' }],
      ['input.bodyBase64', { ...message('m-2'), bodyBase64: 'not base64!' }],
      ['input.transport', { ...message('m-3'), transport: 'EMAIL' }],
      ['input.messageId', { ...message('m 4') }],
    ] as const) {
      const res = await asHub(RECORD, { input });
      expect(codeOf(res), field).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.field).toBe(field);
    }
    expect(codeOf(await asPlugin(hub(), plugin.key, 'Y99011')(RECORD, { input: message('m-5') }))).toBe('FORBIDDEN');
    const noScope = await registerPlugin(hub(), { scopes: ['inbox:submit'] }, ['hub.manager']);
    expect(codeOf(await asPlugin(hub(), noScope.key, 'Y99000')(RECORD, { input: message('m-6') }))).toBe('FORBIDDEN');
    expect(await hub().sql("select message_id from inbound_message where message_id like 'm-%'")).toEqual([]);
  });
});
