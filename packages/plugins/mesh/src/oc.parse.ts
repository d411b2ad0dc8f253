/**
 * Inbound online consultations over MESH: detects the shape (GP Connect Online Consultation Report
 * or the plain "pcn-hub.oc.v1" JSON) and maps it onto the hub's SubmitOnlineConsultationInput.
 * Anything else is a typed {@link ParseFailure} whose reason carries no patient data.
 */
import { isObject, str } from './fhir.json.js';
import type { FhirObject } from './fhir.json.js';
import { isOnlineConsultationReport, readOnlineConsultationReport } from './oc.gp-connect.js';
import { PCN_HUB_OC_V1, readPlainOnlineConsultation } from './oc.plain.js';
import type { OcInboundFormat, OcParseOptions, OcParseResult, ParseFailure } from './oc.types.js';
import { OcFieldError } from './oc.validate.js';
import { attachmentFiles } from './oc.files.js';

function failure(code: ParseFailure['code'], reason: string, format?: OcInboundFormat): OcParseResult {
  return { ok: false, failure: { code, reason, format } };
}

/**
 * Parses a downloaded MESH payload. `headers` are the message's mex-* headers and content-type
 * (used to refuse XML early); `body` may be bytes (a Buffer), text or already-parsed JSON.
 */
export function parseInboundOnlineConsultation(
  body: unknown,
  headers: Record<string, string> = {},
  options: OcParseOptions = {},
): OcParseResult {
  let doc: unknown = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    const text = (Buffer.isBuffer(body) ? body.toString('utf8') : body).replace(/^\uFEFF/, '').trim();
    const contentType = headers['content-type']?.toLowerCase() ?? '';
    if (text.startsWith('<') || contentType.includes('xml')) {
      return failure('UNSUPPORTED_CONTENT', 'XML payloads are not supported (FHIR JSON or pcn-hub.oc.v1 expected)');
    }
    if (text === '') return failure('NOT_JSON', 'empty payload');
    try {
      doc = JSON.parse(text) as unknown;
    } catch {
      return failure('NOT_JSON', 'payload is not valid JSON');
    }
  }
  if (!isObject(doc)) return failure('UNKNOWN_FORMAT', 'payload is not a JSON object');
  return parseDocument(doc, options);
}

function parseDocument(doc: FhirObject, options: OcParseOptions): OcParseResult {
  let format: OcInboundFormat;
  if (doc['format'] !== undefined) {
    if (str(doc['format']) !== PCN_HUB_OC_V1) return failure('UNKNOWN_FORMAT', 'unknown "format" value');
    format = 'PCN_HUB_OC_V1';
  } else if (doc['resourceType'] === 'Bundle') {
    if (!isOnlineConsultationReport(doc)) {
      return failure(
        'UNKNOWN_FORMAT',
        'FHIR bundle without an Online Consultation Report composition (149951000000107)',
      );
    }
    format = 'GP_CONNECT_OC_REPORT';
  } else {
    return failure('UNKNOWN_FORMAT', 'neither a FHIR Bundle nor a pcn-hub.oc.v1 document');
  }
  try {
    const input =
      format === 'PCN_HUB_OC_V1' ? readPlainOnlineConsultation(doc) : readOnlineConsultationReport(doc, options);
    return { ok: true, format, input, files: attachmentFiles(doc, format) };
  } catch (err) {
    if (err instanceof OcFieldError) return failure(err.code, err.message, format);
    throw err;
  }
}
