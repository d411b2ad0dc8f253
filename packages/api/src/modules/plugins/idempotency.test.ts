import { readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType, isNonNullType } from 'graphql';
import { describe, expect, it } from 'vitest';
import '../../schema.js';
import { pluginFields } from '../../platform/auth/plugin-scope.js';

const schema = buildSchema(readFileSync(new URL('../../../../schema/schema.graphql', import.meta.url), 'utf8'));

/** Naturally idempotent: repeating them leaves the same state (or, for secrets, cannot replay a secret shown once). */
const IDEMPOTENT_BY_NATURE = new Set([
  'revokePluginApiKey',
  'rotatePluginApiKey',
  'rotatePluginWebhookSecret',
  'settleInboundMessage',
  'recordInboundMessage',
  'submitOnlineConsultation',
  'recordWriteBackAcknowledgement',
  // Status reports: the same report again changes nothing (the services answer it as already recorded).
  'recordEpsOutcome',
  'recordPatientReplyStatus',
  // A scanner's verdict: the same verdict again changes nothing, another is INVALID_TRANSITION.
  'recordAttachmentScan',
]);

describe('plugin mutations', () => {
  it('take an idempotency key, unless repeating them is harmless by design', () => {
    const mutations = schema.getMutationType()!.getFields();
    const open = [...pluginFields().keys()].filter((name) => name in mutations);
    expect(open.length).toBeGreaterThan(8);
    const missing = open.filter((name) => {
      if (IDEMPOTENT_BY_NATURE.has(name)) return false;
      const arg = mutations[name]!.args.find((a) => a.name === 'input');
      const type = arg && (isNonNullType(arg.type) ? arg.type.ofType : arg.type);
      return !(type && isInputObjectType(type) && 'idempotencyKey' in type.getFields());
    });
    expect(missing).toEqual([]);
  });
});
