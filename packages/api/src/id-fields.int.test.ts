import { expect, it } from 'vitest';
import { describeEachDatabase, type GqlResult } from './test/harness.js';

/**
 * Every input field and argument that takes a global id is named `<thing>Id`, and a refusal names
 * it the same way in `extensions.field` (schema.conventions.test.ts checks the names; this checks
 * the errors): a malformed id is BAD_USER_INPUT, a well-formed id of nothing is NOT_FOUND.
 */
const MALFORMED = 'not-a-global-id';
const missing = (type: string) => Buffer.from(`${type}:01900000-0000-7000-8000-00000000ffff`).toString('base64url');

interface Case {
  readonly name: string;
  readonly document: string;
  readonly variables: (id: string) => Record<string, unknown>;
  readonly as: string;
  readonly field: string;
  /** The type of a well-formed id that names nothing; omitted where only the malformed id is checked. */
  readonly missingType?: string;
}

const mutation = (
  name: string,
  input: string,
  field: string,
  as: string,
  extra: Record<string, unknown> = {},
  missingType?: string,
): Case => ({
  name,
  document: `mutation ($input: ${input}!) { ${name}(input: $input) { __typename } }`,
  variables: (id) => ({ input: { [field]: id, ...extra } }),
  as,
  field: `input.${field}`,
  missingType,
});

const CASES: readonly Case[] = [
  mutation(
    'addConsultationEntry',
    'AddConsultationEntryInput',
    'consultationId',
    'hub.anp1',
    { entry: { note: { text: 'x', adminOnly: false } } },
    'HubConsultation',
  ),
  mutation('saveConsultation', 'SaveConsultationInput', 'consultationId', 'hub.anp1', {}, 'HubConsultation'),
  mutation(
    'amendConsultationEntry',
    'AmendConsultationEntryInput',
    'entryId',
    'hub.anp1',
    { content: { note: { text: 'x', adminOnly: false } } },
    'HubConsultationEntry',
  ),
  mutation(
    'removeConsultationEntry',
    'RemoveConsultationEntryInput',
    'entryId',
    'hub.anp1',
    {},
    'HubConsultationEntry',
  ),
  mutation(
    'activateWriteBackAgreement',
    'WriteBackAgreementInput',
    'agreementId',
    'hub.manager',
    {},
    'WriteBackAgreement',
  ),
  mutation('redriveWriteBack', 'WriteBackDeliveryInput', 'deliveryId', 'hub.manager', {}, 'WriteBackDelivery'),
  mutation(
    'settleInboundMessage',
    'SettleInboundMessageInput',
    'messageId',
    'oc.supplier',
    { outcome: 'PARSED' },
    'InboundMessage',
  ),
  mutation('setPluginState', 'SetPluginStateInput', 'pluginId', 'hub.manager', { state: 'SUSPENDED' }, 'Plugin'),
  mutation('setPluginEnabled', 'SetPluginEnabledInput', 'pluginId', 'hub.manager', { enabled: true }, 'Plugin'),
  mutation('createPluginApiKey', 'CreatePluginApiKeyInput', 'pluginId', 'hub.manager', {}, 'Plugin'),
  mutation('rotatePluginWebhookSecret', 'RotatePluginWebhookSecretInput', 'pluginId', 'hub.manager', {}, 'Plugin'),
  mutation(
    'redrivePluginWebhookDelivery',
    'RedrivePluginWebhookDeliveryInput',
    'deliveryId',
    'hub.manager',
    {},
    'PluginWebhookDelivery',
  ),
  {
    name: 'explainWriteBack',
    document: 'query ($id: ID!) { explainWriteBack(entryId: $id) { __typename } }',
    variables: (id) => ({ id }),
    as: 'hub.anp1',
    field: 'entryId',
    missingType: 'HubConsultationEntry',
  },
  {
    name: 'pluginWebhookDeliveries',
    document: 'query ($id: ID!) { pluginWebhookDeliveries(pluginId: $id) { __typename } }',
    variables: (id) => ({ id }),
    as: 'hub.manager',
    field: 'pluginId',
    missingType: 'Plugin',
  },
  ...['freeSlots', 'slotTypes', 'appointmentBooks'].map((name): Case => ({
    name,
    document: `query ($id: ID) { ${name}(serviceId: $id) { __typename } }`,
    variables: (id) => ({ id }),
    as: 'hub.manager',
    field: 'serviceId',
    missingType: 'HubService',
  })),
  {
    name: 'referrals',
    document: 'query ($id: ID) { referrals(filter: { serviceId: $id }) { __typename } }',
    variables: (id) => ({ id }),
    as: 'hub.manager',
    field: 'filter.serviceId',
  },
];

const firstError = (res: GqlResult) => ({
  code: res.errors?.[0]?.extensions?.code,
  field: res.errors?.[0]?.extensions?.field,
});

describeEachDatabase('id fields: refusals name the <thing>Id field', (hub) => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: a malformed id is BAD_USER_INPUT on its field',
    async (_name, c) => {
      expect(firstError(await hub().gql(c.document, c.variables(MALFORMED), c.as))).toEqual({
        code: 'BAD_USER_INPUT',
        field: c.field,
      });
    },
  );

  it.each(CASES.filter((c) => c.missingType).map((c) => [c.name, c] as const))(
    '%s: the id of nothing is NOT_FOUND on its field',
    async (_name, c) => {
      expect(firstError(await hub().gql(c.document, c.variables(missing(c.missingType!)), c.as))).toEqual({
        code: 'NOT_FOUND',
        field: c.field,
      });
    },
  );

  it('rotatePluginApiKey and revokePluginApiKey: an unknown key is NOT_FOUND on input.keyId', async () => {
    for (const [name, input] of [
      ['rotatePluginApiKey', 'RotatePluginApiKeyInput'],
      ['revokePluginApiKey', 'RevokePluginApiKeyInput'],
    ] as const) {
      const res = await hub().gql(
        `mutation ($input: ${input}!) { ${name}(input: $input) { __typename } }`,
        { input: { keyId: '01900000-0000-7000-8000-00000000ffff' } },
        'hub.manager',
      );
      expect(firstError(res), name).toEqual({ code: 'NOT_FOUND', field: 'input.keyId' });
    }
  });
});
