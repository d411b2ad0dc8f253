import { describe, expect, it } from 'vitest';
import { eventTypeMatches, validatePluginManifest, webhookUrlIssue, type PluginManifest } from './plugins.js';

const valid: PluginManifest = {
  name: 'acme-pharmacy',
  displayName: 'Acme Pharmacy Consultations',
  vendor: 'Acme Health (test)',
  version: '1.0.0',
  sdkContractVersion: '1',
  description: 'Minor illness consultations from community pharmacies.',
  scopes: ['consultations:write', 'entries:write', 'events:read'],
  producesCodes: ['195662009'],
  producesEntryKinds: ['CODED'],
  webhookUrl: 'https://hooks.acme.example/pcn-hub',
  events: ['write-back.*'],
};

describe('plugin manifest validation', () => {
  it('accepts a complete manifest', () => {
    expect(validatePluginManifest(valid)).toEqual([]);
  });

  it('names each field at fault', () => {
    const issues = validatePluginManifest({
      ...valid,
      name: 'Bad Name',
      version: 'one',
      sdkContractVersion: '0',
      scopes: ['consultations:write', 'admin:everything' as never],
      producesCodes: ['195662008'],
      webhookUrl: 'http://hooks.acme.example/',
      events: ['inbox.NOPE'],
    });
    expect(issues.map((i) => i.field)).toEqual([
      'name',
      'version',
      'sdkContractVersion',
      'scopes[1]',
      'producesCodes[0]',
      'webhookUrl',
      'events[0]',
      'events',
    ]);
  });

  it('allows plain http only to loopback', () => {
    expect(webhookUrlIssue('http://127.0.0.1:9000/hook')).toBeNull();
    expect(webhookUrlIssue('http://10.0.0.1/hook')).toMatch(/https/);
    expect(webhookUrlIssue('https://user:pw@x.example/')).toMatch(/credentials/);
    expect(webhookUrlIssue('not a url')).toMatch(/not a URL/);
  });

  it('matches families and exact types', () => {
    expect(eventTypeMatches('write-back.*', 'write-back.WRITE_BACK_DELIVERED')).toBe(true);
    expect(eventTypeMatches('inbox.*', 'write-back.WRITE_BACK_DELIVERED')).toBe(false);
    expect(eventTypeMatches('inbox.CLAIMED', 'inbox.CLAIMED')).toBe(true);
  });
});
