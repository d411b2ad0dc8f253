import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditLog } from '../../platform/audit/audit.log.js';
import type { AttachmentSettings } from '../../platform/config.js';
import type { AuthenticatedContext } from '../../platform/context.js';
import { exec } from '../../platform/db/sql.js';
import { Errors, HubError } from '../../platform/errors.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import type { HttpRoute, RouteTools } from '../../platform/http/routes.js';
import { AttachmentErrors } from './attachments.errors.js';
import { attachmentIdOfPath, verifyLink } from './links.rules.js';
import { receiveUpload } from './upload.service.js';

const UPLOAD = /^\/attachments\/consultations\/([A-Za-z0-9_-]{1,200})\/([^/]{1,10})$/;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function methodNotAllowed(allowed: string): HubError {
  return new HubError('BAD_USER_INPUT', `Use ${allowed}`, {
    field: 'method',
    http: { status: 405, headers: { allow: allowed } },
  });
}

/** `attachment; filename="..."` with an ASCII fallback and the exact name in RFC 5987 form. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function upload(
  req: IncomingMessage,
  res: ServerResponse,
  match: RegExpExecArray,
  tools: RouteTools,
): Promise<void> {
  if (req.method !== 'PUT') throw methodNotAllowed('PUT');
  const ctx = await tools.context();
  if (!ctx.actor) throw Errors.unauthenticated();
  const { attachment } = await receiveUpload(
    ctx as AuthenticatedContext,
    req,
    match[1]!,
    decodeURIComponent(match[2]!),
  );
  json(res, 201, {
    attachment: {
      attachmentId: toGlobalId('Attachment', attachment.id),
      position: attachment.position,
      status: attachment.status,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
    },
  });
}

interface DownloadRow {
  consultation_id: string;
  patient_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  status: string;
}

/**
 * A download by signed link: the signature and expiry are all that authorise it (the link was
 * issued under the inbox's visibility rule); the file must still be released (or held for the
 * scanner whose link it is). The fetch is audited with the ids the link names, then the chunks
 * are streamed one at a time with the headers that keep a browser from rendering it.
 */
async function download(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  id: string,
  settings: AttachmentSettings,
  tools: RouteTools,
): Promise<void> {
  if (req.method !== 'GET') throw methodNotAllowed('GET');
  const claims = verifyLink(settings.linkSecret, id, url.searchParams.get('link'), new Date());
  if (claims === 'FORGED') throw AttachmentErrors.linkForged();
  if (claims === 'EXPIRED') throw AttachmentErrors.linkExpired();
  const ctx = tools.anonymous();
  const [row] = await exec<DownloadRow>(
    ctx.em,
    `select a.consultation_id, c.patient_id, a.file_name, a.content_type, a.size_bytes, a.status
       from attachment a join online_consultation c on c.id = a.consultation_id where a.id = ?`,
    [id],
  );
  if (!row) throw AttachmentErrors.notFound(toGlobalId('Attachment', id), 'link');
  const released = row.status === 'AVAILABLE' || (claims.forScan && row.status === 'PENDING_SCAN');
  if (!released) throw AttachmentErrors.notAvailable(toGlobalId('Attachment', id), row.status);
  const actor = { kind: claims.actorKind, id: claims.actorId, organisationOds: claims.organisationOds } as Actor;
  await new AuditLog(actor, tools.requestId).recordNow(ctx.em, [
    {
      action: 'downloadAttachment',
      subjectType: 'OnlineConsultation',
      subjectId: row.consultation_id,
      patientId: row.patient_id,
      reason: id,
    },
  ]);
  res.writeHead(200, {
    'content-type': row.content_type,
    'content-length': String(row.size_bytes),
    'content-disposition': disposition(row.file_name),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; sandbox",
  });
  for (let seq = 0; ; seq += 1) {
    const [chunk] = await exec<{ data: Uint8Array }>(
      ctx.em,
      'select data from attachment_chunk where attachment_id = ? and seq = ?',
      [id, seq],
    );
    if (!chunk) break;
    if (!res.write(chunk.data)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    if (res.destroyed) return;
  }
  res.end();
}

/** The HTTP side of attachments: `PUT /attachments/consultations/<id>/<position>` and `GET /attachments/<id>?link=...`. */
export function attachmentRoutes(settings: AttachmentSettings): HttpRoute {
  return {
    matches: (pathname) => pathname.startsWith('/attachments/'),
    async handle(req, res, url, tools) {
      const match = UPLOAD.exec(url.pathname);
      if (match) return upload(req, res, match, tools);
      const id = attachmentIdOfPath(url.pathname);
      if (id) return download(req, res, url, id, settings, tools);
      throw new HubError('NOT_FOUND', 'Not found');
    },
  };
}
