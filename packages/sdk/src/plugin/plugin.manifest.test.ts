import { describe, expect, it } from 'vitest';
import { definePlugin, PLUGIN_SDK_CONTRACT_VERSION, PluginManifestError, type DefinePluginInput } from './index.js';

const valid: DefinePluginInput = {
  name: 'acme.triage',
  displayName: 'Acme Triage',
  vendor: 'Acme Health Ltd',
  version: '1.0.0',
  description: 'Suggests a triage outcome for arriving online consultations.',
  scopes: ['events:read', 'consultations:write'],
  events: ['inbox.CONSULTATION_ARRIVED'],
  webhookUrl: 'https://acme.example/pcn-hub/webhook',
};

function issuesOf(manifest: unknown) {
  try {
    definePlugin(manifest as DefinePluginInput);
  } catch (error) {
    expect(error).toBeInstanceOf(PluginManifestError);
    return (error as PluginManifestError).issues;
  }
  throw new Error('expected definePlugin to throw');
}

describe('definePlugin', () => {
  it('returns the complete manifest, defaults filled in, deeply frozen', () => {
    const manifest = definePlugin(valid);
    expect(manifest).toMatchObject({
      ...valid,
      sdkContractVersion: PLUGIN_SDK_CONTRACT_VERSION,
      producesCodes: [],
      producesEntryKinds: [],
    });
    expect(Object.isFrozen(manifest)).toBe(true);
    expect(Object.isFrozen(manifest.scopes)).toBe(true);
    expect(() => (manifest.scopes as string[]).push('patients:read')).toThrow(TypeError);
  });

  it('lists every problem with the field at fault', () => {
    const issues = issuesOf({
      ...valid,
      name: 'Acme Triage!',
      version: 'one',
      scopes: ['consultations:write', 'everything'],
      events: ['inbox.CONSULTATION_ARRIVED', 'billing.*'],
      webhookUrl: 'http://acme.example/hook',
      producesCodes: ['12345'],
    });
    expect(issues.map((issue) => issue.field)).toEqual(
      expect.arrayContaining(['name', 'version', 'scopes[1]', 'events[1]', 'events', 'webhookUrl', 'producesCodes[0]']),
    );
    expect(issues.find((issue) => issue.field === 'events')!.message).toContain('events:read');
    expect(issues.find((issue) => issue.field === 'webhookUrl')!.message).toContain('https');
  });

  it('names the problem in its message, and refuses a manifest for another contract version', () => {
    expect(() => definePlugin({ ...valid, sdkContractVersion: '99' })).toThrow(/sdkContractVersion must be/);
    expect(issuesOf({ ...valid, name: 'native' })).toEqual([{ field: 'name', message: 'is reserved' }]);
  });

  it('reports a malformed manifest from untyped code as issues, not a crash', () => {
    expect(issuesOf({ ...valid, scopes: 'events:read' })).toEqual([{ field: 'scopes', message: 'must be a list' }]);
    expect(issuesOf(null)).toEqual([{ field: '(manifest)', message: 'must be an object' }]);
  });
});
