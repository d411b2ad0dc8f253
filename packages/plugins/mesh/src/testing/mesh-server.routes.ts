/**
 * Request handling of the local MESH server, written to the public MESH API
 * (docs/domain/national-interfaces.md#mesh) in its
 * v2 JSON form. Every route authenticates first; a rejected request changes nothing.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { MeshAuthRejection, MeshAuthVerifier } from '../mesh.auth.js';
import { parseChunkRange } from '../mesh.chunks.js';
import { isFailure } from './mesh-server.state.js';
import type { MeshFailure, MeshServerState } from './mesh-server.state.js';
import type { MeshReply, StoredMessage } from './mesh-server.types.js';

/** A parsed request. */
export interface MeshRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Result of routing, with the auth rejection (for the test log) when there was one. */
export interface RoutedReply extends MeshReply {
  authFailure?: MeshAuthRejection;
}

const MAX_RESULTS_LIMIT = 5000;

function header(req: MeshRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function errorReply(f: MeshFailure, messageId?: string): MeshReply {
  const detail = [{ event: 'SEND', ...(f.code === undefined ? {} : { code: f.code }), msg: f.description ?? '' }];
  return { status: f.status, body: { ...(messageId === undefined ? {} : { message_id: messageId }), detail } };
}

function encodeCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ seq })).toString('base64url');
}

function decodeCursor(value: string | null): number | null {
  if (value === null) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { seq?: unknown };
    return typeof parsed.seq === 'number' && Number.isInteger(parsed.seq) && parsed.seq >= 0 ? parsed.seq : null;
  } catch {
    return null;
  }
}

type Handler = (req: MeshRequest, m: string[], mailbox: string) => MeshReply;

/** Routes a request: authenticates, then dispatches on method and path. */
export function routeMeshRequest(
  req: MeshRequest,
  state: MeshServerState,
  verifier: MeshAuthVerifier,
  defaultMaxResults: number,
): RoutedReply {
  const lookup = /^\/messageexchange\/endpointlookup\/([^/]+)\/([^/]+)$/.exec(req.pathname);
  if (lookup && req.method === 'GET') {
    const verdict = verifier.verify(header(req, 'authorization'));
    if (!verdict.ok) return { ...forbidden(), authFailure: verdict.reason };
    const [ods, workflow] = [decodeURIComponent(lookup[1]!), decodeURIComponent(lookup[2]!)];
    const results = state.lookup(ods, workflow).map((m) => ({ mailbox_id: m.id, mailbox_name: m.name ?? m.id }));
    return { status: 200, body: { results } };
  }
  const routes: [string, RegExp, Handler][] = [
    ['POST', /^\/messageexchange\/([^/]+)$/, (_r, _m, mailbox) => ({ status: 200, body: { mailbox_id: mailbox } })],
    ['GET', /^\/messageexchange\/([^/]+)\/inbox$/, (r, _m, mailbox) => listInbox(r, state, mailbox, defaultMaxResults)],
    ['GET', /^\/messageexchange\/([^/]+)\/inbox\/([^/]+)$/, (r, m, mailbox) => download(r, state, mailbox, m[2]!, 1)],
    [
      'GET',
      /^\/messageexchange\/([^/]+)\/inbox\/([^/]+)\/(\d+)$/,
      (r, m, mailbox) => download(r, state, mailbox, m[2]!, Number(m[3])),
    ],
    [
      'PUT',
      /^\/messageexchange\/([^/]+)\/inbox\/([^/]+)\/status\/acknowledged$/,
      (_r, m, mailbox) => {
        const failure = state.acknowledge(mailbox, m[2]!);
        return failure ? errorReply(failure, m[2]) : { status: 200, body: { message_id: m[2]! } };
      },
    ],
    ['POST', /^\/messageexchange\/([^/]+)\/outbox$/, (r, _m, mailbox) => send(r, state, mailbox)],
    [
      'GET',
      /^\/messageexchange\/([^/]+)\/outbox\/tracking$/,
      (r, _m, mailbox) => tracking(state, mailbox, r.query.get('messageID') ?? r.query.get('messageId') ?? ''),
    ],
    [
      'GET',
      /^\/messageexchange\/([^/]+)\/outbox\/tracking\/([^/]+)$/,
      (_r, m, mailbox) => tracking(state, mailbox, m[2]!),
    ],
    [
      'POST',
      /^\/messageexchange\/([^/]+)\/outbox\/([^/]+)\/(\d+)$/,
      (r, m, mailbox) => sendChunk(r, state, mailbox, m),
    ],
  ];
  for (const [method, pattern, handle] of routes) {
    const m = pattern.exec(req.pathname);
    if (!m || method !== req.method) continue;
    const mailbox = decodeURIComponent(m[1]!).toUpperCase();
    const verdict = verifier.verify(header(req, 'authorization'), mailbox);
    if (!verdict.ok) return { ...forbidden(), authFailure: verdict.reason };
    return handle(
      req,
      m.map((part) => decodeURIComponent(part)),
      mailbox,
    );
  }
  return { status: 404, body: { detail: [{ event: 'ROUTE', msg: 'Not found' }] } };
}

function forbidden(): MeshReply {
  // No MESH code and no reason: an authentication failure must not tell a caller what to fix.
  return { status: 403, body: { detail: [{ event: 'AUTHENTICATE', msg: 'Invalid Authentication Token' }] } };
}

function listInbox(req: MeshRequest, state: MeshServerState, mailbox: string, defaultMax: number): MeshReply {
  const rawMax = req.query.get('max_results');
  const max = rawMax === null ? defaultMax : Number(rawMax);
  if (!Number.isInteger(max) || max < 1 || max > MAX_RESULTS_LIMIT) {
    return errorReply({ status: 400, description: 'Invalid max_results' });
  }
  const after = decodeCursor(req.query.get('continue_from'));
  if (after === null) return errorReply({ status: 400, description: 'Invalid continue_from' });
  const page = state.listInbox(mailbox, max, after);
  const base = `/messageexchange/${mailbox}/inbox`;
  const maxQuery = rawMax === null ? '' : `max_results=${max}`;
  const links: Record<string, string> = { self: maxQuery ? `${base}?${maxQuery}` : base };
  if (page.nextSeq !== undefined) {
    links['next'] = `${base}?${maxQuery ? `${maxQuery}&` : ''}continue_from=${encodeCursor(page.nextSeq)}`;
  }
  return { status: 200, body: { messages: page.ids, links, approx_inbox_count: state.inboxCount(mailbox) } };
}

function download(req: MeshRequest, state: MeshServerState, mailbox: string, id: string, chunk: number): MeshReply {
  const found = state.forRecipient(mailbox, id);
  if (isFailure(found)) return errorReply(found, id);
  const message = found;
  const headers = responseHeaders(message, chunk);
  if (message.messageType === 'REPORT') return { status: 200, headers, body: Buffer.alloc(0) };
  if (chunk < 1 || chunk > message.totalChunks) return errorReply({ status: 404, description: 'No such chunk' }, id);
  let body = message.chunks.get(chunk);
  if (body === undefined) return errorReply({ status: 404, code: '02', description: 'Data file is missing' }, id);
  const acceptsGzip = /\bgzip\b/.test(header(req, 'accept-encoding') ?? '');
  if (message.contentEncoding === 'gzip' && !acceptsGzip) {
    delete headers['content-encoding'];
    body = gunzipSync(body);
  }
  return { status: chunk < message.totalChunks ? 206 : 200, headers, body };
}

function responseHeaders(message: StoredMessage, chunk: number): Record<string, string> {
  const h: Record<string, string | undefined> = {
    'mex-from': message.messageType === 'REPORT' ? undefined : message.sender,
    'mex-to': message.messageType === 'REPORT' ? message.addressedTo : message.recipient,
    'mex-workflowid': message.workflowId,
    'mex-chunk-range': `${chunk}:${message.totalChunks}`,
    'mex-addresstype': 'ALL',
    'mex-localid': message.localId,
    'mex-partnerid': message.partnerId,
    'mex-filename': message.fileName ?? (message.messageType === 'DATA' ? `${message.messageId}.dat` : undefined),
    'mex-subject': message.subject,
    'mex-version': '1.0',
    'mex-messagetype': message.messageType,
    'mex-messageid': message.messageId,
    'mex-content-checksum': message.checksum,
    'mex-content-compressed': message.contentEncoding === 'gzip' ? 'Y' : undefined,
    'content-encoding': message.contentEncoding,
    'content-type': message.contentType ?? 'application/octet-stream',
  };
  const at = (message.errorEvent?.at ?? message.statusAt).toISOString().replace(/\D/g, '').slice(0, 14);
  if (message.errorEvent) {
    Object.assign(h, {
      'mex-linkedmsgid': message.errorEvent.linkedMessageId,
      'mex-statuscode': message.errorEvent.code,
      'mex-statusevent': message.errorEvent.event,
      'mex-statusdescription': message.errorEvent.description,
      'mex-statussuccess': 'ERROR',
      'mex-statustimestamp': at,
    });
  } else {
    Object.assign(h, {
      'mex-statuscode': '00',
      'mex-statusevent': 'TRANSFER',
      'mex-statusdescription': 'Transferred to recipient mailbox',
      'mex-statussuccess': 'SUCCESS',
      'mex-statustimestamp': at,
    });
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

function send(req: MeshRequest, state: MeshServerState, mailbox: string): MeshReply {
  const rawRange = header(req, 'mex-chunk-range');
  const range = rawRange === undefined ? { chunk: 1, total: 1 } : parseChunkRange(rawRange);
  if (range?.chunk !== 1) return errorReply({ status: 417, description: 'InvalidHeaderChunks' });
  const h: Record<string, string | undefined> = {};
  for (const name of Object.keys(req.headers)) h[name] = header(req, name);
  const result = state.startUpload(mailbox, h, range.total, req.body);
  if (isFailure(result)) return errorReply(result);
  return { status: 202, body: { message_id: result.messageId } };
}

function sendChunk(req: MeshRequest, state: MeshServerState, mailbox: string, m: string[]): MeshReply {
  const id = m[2]!;
  const chunk = Number(m[3]);
  const range = parseChunkRange(header(req, 'mex-chunk-range'));
  if (range?.chunk !== chunk) return errorReply({ status: 417, description: 'InvalidHeaderChunks' }, id);
  const result = state.addChunk(mailbox, id, chunk, range.total, header(req, 'content-encoding'), req.body);
  return result.status === 202 ? { status: 202, body: Buffer.alloc(0) } : errorReply(result, id);
}

function tracking(state: MeshServerState, mailbox: string, id: string): MeshReply {
  const message = state.messages.get(id);
  if (message?.sender !== mailbox || message.messageType !== 'DATA') {
    return errorReply({ status: 404, code: '20', description: 'Message does not exist' }, id);
  }
  const event = message.errorEvent;
  return {
    status: 200,
    body: {
      message_id: message.messageId,
      local_id: message.localId ?? null,
      workflow_id: message.workflowId,
      filename: message.fileName ?? null,
      expiry_time: message.acceptedAt ? new Date(message.acceptedAt.getTime() + state.expiryMs).toISOString() : null,
      upload_timestamp: message.createdAt.toISOString(),
      recipient: message.recipient ?? message.addressedTo,
      status: message.status,
      status_success: event === undefined,
      status_event: event?.event ?? null,
      status_timestamp: (event?.at ?? message.statusAt).toISOString(),
      status_description: event?.description ?? null,
      status_code: event?.code ?? null,
    },
  };
}
