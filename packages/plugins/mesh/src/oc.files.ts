/**
 * The files an inbound online consultation carries (the patient's photos and documents): the
 * bytes behind each attachment the parsed input declares, by its position, for the plugin to
 * upload to the hub after submitting the consultation.
 */
import { createHash } from 'node:crypto';
import { bundleResources, objects, ofType, str } from './fhir.json.js';
import type { FhirObject } from './fhir.json.js';
import type { OcInboundFormat } from './oc.types.js';

/** The bytes of the attachment declared at `position` of `input.attachments`. */
export interface OcFile {
  readonly position: number;
  readonly contentType: string;
  readonly bytes: Buffer;
  /** SHA-256 of the bytes, hex (sent as Content-Digest: the hub checks the bytes arrived whole). */
  readonly sha256: string;
}

function file(position: number, contentType: string, base64: string): OcFile {
  const bytes = Buffer.from(base64, 'base64');
  return {
    position,
    contentType: contentType.toLowerCase(),
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * GP Connect: every Binary with a content type and content, in the order the declarations were
 * read (see readAttachments). pcn-hub.oc.v1: each attachment's optional `contentBase64`.
 */
export function attachmentFiles(doc: FhirObject, format: OcInboundFormat): OcFile[] {
  const out: OcFile[] = [];
  if (format === 'GP_CONNECT_OC_REPORT') {
    let position = 0;
    for (const binary of ofType(bundleResources(doc), 'Binary')) {
      const contentType = str(binary['contentType']);
      const content = str(binary['content']);
      if (contentType === undefined || content === undefined) continue;
      out.push(file(position++, contentType, content));
    }
    return out;
  }
  objects(doc['attachments']).forEach((raw, position) => {
    const contentType = str(raw['contentType']);
    const content = str(raw['contentBase64']);
    if (contentType !== undefined && content !== undefined) out.push(file(position, contentType.trim(), content));
  });
  return out;
}
