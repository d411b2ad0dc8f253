/**
 * Downloading one MESH message: the first request answers 200 (complete) or 206 with
 * `mex-chunk-range: 1:n`; chunks 2..n follow from `.../{id}/{n}`. Each chunk is decompressed on
 * its own; the joined payload is checked against mex-content-checksum when the form is known.
 */
import { gunzipChunk, parseChunkRange, verifyMeshChecksum } from './mesh.chunks.js';
import { MeshError } from './mesh.errors.js';
import type { MeshHttpRequest, MeshHttpResponse } from './mesh.http.js';
import { mexHeaders, parseMeshReport } from './mesh.response.js';
import type { MeshDownloadedMessage, MeshMessageType } from './mesh.types.js';

/** An authorised request function (the client's). Non-2xx statuses throw typed errors. */
export type MeshCall = (
  req: Omit<MeshHttpRequest, 'headers'> & { headers?: Record<string, string> },
) => Promise<MeshHttpResponse>;

/** Downloads a message and all its chunks from `path` (…/inbox/{id}). */
export async function downloadMessage(call: MeshCall, path: string, messageId: string): Promise<MeshDownloadedMessage> {
  const first = await call({ method: 'GET', path, operation: 'download', messageId });
  const headers = mexHeaders(first.headers);
  const messageType: MeshMessageType = headers['mex-messagetype']?.toUpperCase() === 'REPORT' ? 'REPORT' : 'DATA';
  const range = parseChunkRange(first.headers['mex-chunk-range']);
  let total = 1;
  if (first.status === 206) {
    if (range?.chunk !== 1) {
      throw new MeshError('PROTOCOL', 'partial download without a valid chunk range', {
        operation: 'download',
        messageId,
        status: 206,
      });
    }
    total = range.total;
  }
  const pieces = [decode(first, messageId, 1)];
  for (let chunk = 2; chunk <= total; chunk++) {
    const res = await call({ method: 'GET', path: `${path}/${chunk}`, operation: 'downloadChunk', messageId, chunk });
    const got = parseChunkRange(res.headers['mex-chunk-range']);
    if (got !== null && (got.chunk !== chunk || got.total !== total)) {
      throw new MeshError('CHUNK_MISSING', 'server returned a different chunk than requested', {
        operation: 'downloadChunk',
        messageId,
        chunk,
      });
    }
    pieces.push(decode(res, messageId, chunk));
  }
  const body = Buffer.concat(pieces);
  let checksumVerified = false;
  const checksum = headers['mex-content-checksum'];
  if (checksum !== undefined && messageType === 'DATA') {
    const verdict = verifyMeshChecksum(body, checksum);
    if (verdict === 'mismatch') {
      throw new MeshError('CHECKSUM_MISMATCH', 'payload does not match mex-content-checksum', {
        operation: 'download',
        messageId,
      });
    }
    checksumVerified = verdict === 'match';
  }
  return {
    messageId: headers['mex-messageid'] ?? messageId,
    messageType,
    headers,
    body,
    chunkCount: total,
    checksumVerified,
    report: messageType === 'REPORT' ? parseMeshReport(headers) : undefined,
  };
}

function decode(res: MeshHttpResponse, messageId: string, chunk: number): Buffer {
  const encoding = res.headers['content-encoding']?.trim().toLowerCase();
  if (encoding === undefined || encoding === '' || encoding === 'identity') return res.body;
  if (encoding !== 'gzip') {
    throw new MeshError('PROTOCOL', `unsupported content-encoding ${encoding}`, {
      operation: chunk === 1 ? 'download' : 'downloadChunk',
      messageId,
      chunk,
    });
  }
  try {
    return gunzipChunk(res.body);
  } catch (err) {
    throw new MeshError('CHECKSUM_MISMATCH', 'chunk is not valid gzip', {
      operation: chunk === 1 ? 'download' : 'downloadChunk',
      messageId,
      chunk,
      cause: err,
    });
  }
}
