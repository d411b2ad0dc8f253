import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { TestHub } from '../../test/harness.js';
import { submit } from '../inbox/inbox.testkit.js';

/** Test helpers for attachments (synthetic bytes only). */

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Random bytes standing in for a photo. */
export const photo = (size: number): Buffer => randomBytes(size);

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The JSON error body's first code, when there is one. */
  code?: string;
  field?: string;
}

function answer(status: number, headers: HttpAnswer['headers'], body: Buffer): HttpAnswer {
  const out: HttpAnswer = { status, headers, body };
  if (String(headers['content-type'] ?? '').startsWith('application/json')) {
    const parsed = JSON.parse(body.toString('utf8')) as {
      errors?: { extensions?: { code?: string; field?: string } }[];
    };
    out.code = parsed.errors?.[0]?.extensions?.code;
    out.field = parsed.errors?.[0]?.extensions?.field;
  }
  return out;
}

/** Any HTTP request to the hub; a body given as parts is sent chunked (no Content-Length). */
export function http(
  hub: TestHub,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer | Buffer[],
): Promise<HttpAnswer> {
  const url = new URL(path, hub.app.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () => resolve(answer(res.statusCode ?? 0, res.headers, Buffer.concat(parts))));
      res.on('error', reject);
    });
    // The hub may answer (and close) before the whole body is sent: that answer is what counts.
    req.on('error', reject);
    if (Array.isArray(body)) for (const part of body) req.write(part);
    else if (body) req.write(body);
    req.end();
  });
}

/** Sends only the headers of a request (a body announced, never sent) and resolves to the hub's answer. */
export function announce(
  hub: TestHub,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, hub.app.url), { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () => {
        resolve(answer(res.statusCode ?? 0, res.headers, Buffer.concat(parts)));
        req.destroy();
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

/** PUTs the bytes of the attachment at `position` as `as` (a demo user) or with a raw bearer. */
export async function upload(
  hub: TestHub,
  consultationId: string,
  position: number,
  bytes: Buffer,
  options: { as?: string | { token: string }; contentType?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  const as = options.as ?? 'oc.supplier';
  const bearer = typeof as === 'string' ? await hub.token(as) : as.token;
  return http(
    hub,
    'PUT',
    `/attachments/consultations/${consultationId}/${position}`,
    {
      authorization: `Bearer ${bearer}`,
      'content-type': options.contentType ?? 'image/jpeg',
      'content-length': String(bytes.length),
      ...options.headers,
    },
    bytes,
  );
}

/** Submits demo patient `i`'s consultation declaring `files` as JPEG photos; returns its global id. */
export async function submitWithFiles(
  hub: TestHub,
  i: number,
  files: readonly Buffer[],
  declare: (f: Buffer) => Record<string, unknown> = () => ({}),
): Promise<string> {
  const attachments = files.map((f, n) => ({
    fileName: `photo-${n}.jpg`,
    contentType: 'image/jpeg',
    sizeBytes: f.length,
    ...declare(f),
  }));
  return (await submit(hub, i, { attachments })).consultationId;
}

/** How much of attachments the database holds. */
export async function footprint(hub: TestHub): Promise<{ attachments: number; chunks: number }> {
  const [row] = await hub.sql<{ attachments: number; chunks: number }>(
    'select (select count(*)::int from attachment) as attachments, (select count(*)::int from attachment_chunk) as chunks',
  );
  return row!;
}
