/** Reading MESH responses: error statuses to typed errors, JSON bodies, mex-* headers, REPORTs. */
import { MeshError } from './mesh.errors.js';
import type { MeshErrorCode, MeshOperation } from './mesh.errors.js';
import type { MeshHttpResponse } from './mesh.http.js';
import type { MeshReport } from './mesh.types.js';

/** Context used to build errors. */
export interface ResponseContext {
  operation: MeshOperation;
  messageId?: string;
  chunk?: number;
}

/** The MESH error code in a v2 (`detail[0].code`) or v1 (`errorCode`) error body, if any. */
export function meshErrorCode(body: Buffer): string | undefined {
  if (body.length === 0 || body.length > 64 * 1024) return undefined;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const record = parsed as { detail?: unknown; errorCode?: unknown };
    if (Array.isArray(record.detail)) {
      const first: unknown = record.detail[0];
      if (typeof first === 'object' && first !== null) {
        const code = (first as { code?: unknown }).code;
        if (typeof code === 'string' && code !== '') return code;
      }
    }
    if (typeof record.errorCode === 'string' && record.errorCode !== '') return record.errorCode;
  } catch {
    // Not JSON: no MESH code to report.
  }
  return undefined;
}

/** Maps a non-2xx response to a typed error. */
export function toMeshError(res: MeshHttpResponse, ctx: ResponseContext): MeshError {
  const meshCode = meshErrorCode(res.body);
  const details = { ...ctx, status: res.status, meshCode };
  const code = classify(res.status, meshCode, ctx.operation);
  return new MeshError(code, `MESH ${ctx.operation} failed`, details);
}

function classify(status: number, meshCode: string | undefined, operation: MeshOperation): MeshErrorCode {
  if (status >= 500) return 'SERVER_ERROR';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401) return 'AUTH_FAILED';
  if (status === 403) {
    // 16: sender not allowed to send this workflow; 17: workflow not registered for mailbox.
    if (meshCode === '16' || meshCode === '17') return 'UNKNOWN_WORKFLOW';
    return meshCode === undefined ? 'AUTH_FAILED' : 'FORBIDDEN';
  }
  if (status === 404) return operation === 'downloadChunk' ? 'CHUNK_MISSING' : 'NOT_FOUND';
  if (status === 410) return 'GONE';
  if (status === 417 && meshCode === '12') return 'UNKNOWN_RECIPIENT';
  return 'BAD_REQUEST';
}

/** Parses a JSON body of a 2xx response, or throws a PROTOCOL error. */
export function jsonBody(res: MeshHttpResponse, ctx: ResponseContext): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(res.body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through to the protocol error
  }
  throw new MeshError('PROTOCOL', 'unexpected response body', { ...ctx, status: res.status });
}

/** A string field, or undefined. */
export function stringField(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' ? value : undefined;
}

/** The mex-* headers plus content-type of a response. */
export function mexHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('mex-') || name === 'content-type') out[name] = value;
  }
  return out;
}

/** Parses a REPORT message's status headers into a {@link MeshReport}. */
export function parseMeshReport(headers: Record<string, string>): MeshReport {
  const h = (name: string): string | undefined => headers[name] ?? headers[name.toLowerCase()];
  const statusCode = h('mex-statuscode');
  const statusSuccess = h('mex-statussuccess');
  return {
    linkedMessageId: h('mex-linkedmsgid'),
    statusCode,
    statusEvent: h('mex-statusevent'),
    description: h('mex-statusdescription'),
    success: statusSuccess === undefined ? statusCode === '00' : statusSuccess.toUpperCase() === 'SUCCESS',
    localId: h('mex-localid'),
    statusTimestamp: h('mex-statustimestamp'),
  };
}
