import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseInboundOnlineConsultation } from './oc.parse.js';
import { onlineConsultationReportBundle, plainOnlineConsultation } from './testing/oc-fixtures.js';

const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the files of an inbound consultation', () => {
  it('takes each GP Connect Binary at the position of its declaration', () => {
    const parsed = parseInboundOnlineConsultation(onlineConsultationReportBundle());
    if (!parsed.ok) throw new Error(parsed.failure.reason);
    const pdf = Buffer.from('%PDF-1.4 synthetic');
    expect(parsed.files).toEqual([{ position: 0, contentType: 'application/pdf', bytes: pdf, sha256: digest(pdf) }]);
    expect(parsed.input.attachments![0]!.sha256).toBe(digest(pdf));
  });

  it('takes contentBase64 of pcn-hub.oc.v1 attachments, keeping positions; declarations without bytes have no file', () => {
    const bytes = Buffer.from('synthetic photo');
    const doc = {
      ...plainOnlineConsultation(),
      attachments: [
        { fileName: 'a.jpg', contentType: 'image/jpeg', sizeBytes: 3 },
        {
          fileName: 'b.jpg',
          contentType: 'IMAGE/JPEG',
          sizeBytes: bytes.length,
          contentBase64: bytes.toString('base64'),
        },
      ],
    };
    const parsed = parseInboundOnlineConsultation(JSON.stringify(doc));
    if (!parsed.ok) throw new Error(parsed.failure.reason);
    expect(parsed.files).toEqual([{ position: 1, contentType: 'image/jpeg', bytes, sha256: digest(bytes) }]);
    expect(parsed.input.attachments).toEqual([
      { fileName: 'a.jpg', contentType: 'image/jpeg', sizeBytes: 3 },
      { fileName: 'b.jpg', contentType: 'IMAGE/JPEG', sizeBytes: bytes.length },
    ]);
  });
});
