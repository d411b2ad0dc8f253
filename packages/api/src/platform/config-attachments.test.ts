import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';

const base = { NODE_ENV: 'test', PCN_HUB_DATA_DIR: 'memory://' };

describe('attachment settings', () => {
  it('defaults: 20 MiB, photos and PDF, no scan required, five-minute links', () => {
    const { attachments } = parseConfig(base);
    expect(attachments).toMatchObject({
      maxBytes: 20_971_520,
      contentTypes: ['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'image/webp', 'application/pdf'],
      scanRequired: false,
      linkSeconds: 300,
    });
  });

  it('reads the limits and lower-cases the types', () => {
    const { attachments } = parseConfig({
      ...base,
      ATTACHMENT_MAX_BYTES: '1048576',
      ATTACHMENT_CONTENT_TYPES: 'IMAGE/JPEG, application/pdf',
      ATTACHMENT_SCAN_REQUIRED: 'true',
      ATTACHMENT_LINK_SECONDS: '60',
    });
    expect(attachments).toMatchObject({
      maxBytes: 1_048_576,
      contentTypes: ['image/jpeg', 'application/pdf'],
      scanRequired: true,
      linkSeconds: 60,
    });
  });

  it('refuses a bad type list, a short secret and limits out of range, naming the variable', () => {
    expect(() => parseConfig({ ...base, ATTACHMENT_CONTENT_TYPES: 'jpeg' })).toThrow(/^ATTACHMENT_CONTENT_TYPES:/);
    expect(() => parseConfig({ ...base, ATTACHMENT_LINK_SECRET: 'short' })).toThrow(/^ATTACHMENT_LINK_SECRET:/);
    expect(() => parseConfig({ ...base, ATTACHMENT_MAX_BYTES: '104857601' })).toThrow(/^ATTACHMENT_MAX_BYTES:/);
    expect(() => parseConfig({ ...base, ATTACHMENT_LINK_SECONDS: '1' })).toThrow(/^ATTACHMENT_LINK_SECONDS:/);
  });

  it('derives the link key from JWT_SECRET (every instance agrees), else takes its own', () => {
    const jwt = { ...base, JWT_SECRET: 's'.repeat(40) };
    expect(parseConfig(jwt).attachments.linkSecret).toEqual(parseConfig(jwt).attachments.linkSecret);
    expect(parseConfig(jwt).attachments.linkSecret).not.toEqual(new TextEncoder().encode('s'.repeat(40)));
    const own = { ...jwt, ATTACHMENT_LINK_SECRET: 'k'.repeat(32) };
    expect(parseConfig(own).attachments.linkSecret).toEqual(new TextEncoder().encode('k'.repeat(32)));
    expect(parseConfig(base).attachments.linkSecret).not.toEqual(parseConfig(base).attachments.linkSecret);
  });
});
