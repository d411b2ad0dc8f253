/**
 * MESH API client (docs/domain/national-interfaces.md#mesh): handshake, inbox listing with v2
 * paging, chunked download with
 * gzip and checksum checks, acknowledgement, chunked and compressed send, tracking, endpoint lookup.
 */
import os from 'node:os';
import { MeshAuthorizer } from './mesh.auth.js';
import { asciiHeaderValue, meshChecksum, splitIntoChunks, gzipChunk } from './mesh.chunks.js';
import { downloadMessage } from './mesh.download.js';
import { MeshError } from './mesh.errors.js';
import type { MeshOperation } from './mesh.errors.js';
import { MeshHttp } from './mesh.http.js';
import type { MeshHttpRequest, MeshHttpResponse } from './mesh.http.js';
import { jsonBody, stringField, toMeshError } from './mesh.response.js';
import type { ResponseContext } from './mesh.response.js';
import {
  DEFAULT_CHUNK_SIZE_BYTES,
  DEFAULT_MESH_TIMEOUT_MS,
  MESH_MAX_REQUEST_BYTES,
  MESH_V2_ACCEPT,
} from './mesh.types.js';
import type {
  MeshClientConfig,
  MeshDownloadedMessage,
  MeshEndpoint,
  MeshInboxPage,
  MeshSendRequest,
  MeshSendResult,
  MeshTracking,
} from './mesh.types.js';

/** Outcome of {@link MeshClient.drain}. */
export interface MeshDrainResult {
  /** Listing requests made. */
  pages: number;
  /** Message ids handed to the handler. */
  messages: number;
}

/** A MESH mailbox client. One instance per mailbox; call {@link MeshClient.close} when done. */
export class MeshClient {
  /** The (upper-case) mailbox this client acts for. */
  readonly mailboxId: string;
  private readonly http: MeshHttp;
  private readonly auth: MeshAuthorizer;
  private readonly chunkSize: number;
  private readonly compress: boolean;
  private readonly clientVersion: string;

  constructor(config: MeshClientConfig) {
    this.mailboxId = config.mailboxId.toUpperCase();
    this.http = new MeshHttp(config.baseUrl, config.timeoutMs ?? DEFAULT_MESH_TIMEOUT_MS, config.tls);
    this.auth = new MeshAuthorizer(
      { mailboxId: this.mailboxId, password: config.password, sharedSecret: config.sharedSecret },
      config.clock,
    );
    this.chunkSize = config.chunkSizeBytes ?? DEFAULT_CHUNK_SIZE_BYTES;
    if (!Number.isInteger(this.chunkSize) || this.chunkSize < 1 || this.chunkSize > MESH_MAX_REQUEST_BYTES) {
      throw new RangeError('chunkSizeBytes must be an integer between 1 and 100 MB');
    }
    this.compress = config.compress ?? true;
    this.clientVersion = config.clientVersion ?? 'pcn-hub-mesh/0.1.0';
  }

  private get base(): string {
    return `/messageexchange/${encodeURIComponent(this.mailboxId)}`;
  }

  /** Performs one authorised request; non-2xx statuses become typed errors unless `allow` lists them. */
  private async call(
    req: Omit<MeshHttpRequest, 'headers'> & { headers?: Record<string, string> },
    allow: number[] = [],
  ): Promise<MeshHttpResponse> {
    const res = await this.http.request({
      ...req,
      headers: {
        authorization: this.auth.next(),
        accept: MESH_V2_ACCEPT,
        'accept-encoding': 'gzip',
        'mex-clientversion': this.clientVersion,
        'mex-osname': os.type(),
        'mex-osversion': os.release(),
        'mex-osarchitecture': os.arch(),
        'mex-javaversion': `node ${process.versions.node}`,
        ...req.headers,
      },
    });
    if ((res.status >= 200 && res.status < 300) || allow.includes(res.status)) return res;
    const ctx: ResponseContext = { operation: req.operation };
    if (req.messageId !== undefined) ctx.messageId = req.messageId;
    if (req.chunk !== undefined) ctx.chunk = req.chunk;
    throw toMeshError(res, ctx);
  }

  /** Validates the mailbox and credentials ("handshake"); MESH asks for one a day. */
  async handshake(): Promise<void> {
    await this.call({ method: 'POST', path: this.base, operation: 'handshake' });
  }

  /**
   * Lists one inbox page. Pass `nextPath` from a previous page to follow links.next;
   * `maxResults` (MESH allows up to 5000; default 500) applies to a first page only.
   */
  async listInbox(options: { maxResults?: number; nextPath?: string } = {}): Promise<MeshInboxPage> {
    let path = `${this.base}/inbox`;
    if (options.nextPath !== undefined) path = this.relativePath(options.nextPath, 'listInbox');
    else if (options.maxResults !== undefined) path += `?max_results=${options.maxResults}`;
    const ctx = { operation: 'listInbox' as const };
    const res = await this.call({ method: 'GET', path, ...ctx });
    const json = jsonBody(res, ctx);
    const messages = json['messages'];
    if (!Array.isArray(messages) || !messages.every((m) => typeof m === 'string')) {
      throw new MeshError('PROTOCOL', 'inbox listing without messages', { ...ctx, status: res.status });
    }
    const links = json['links'];
    const next = typeof links === 'object' && links !== null ? (links as Record<string, unknown>)['next'] : undefined;
    const count = json['approx_inbox_count'];
    return {
      messageIds: messages,
      nextPath: typeof next === 'string' && next !== '' ? next : undefined,
      approxInboxCount: typeof count === 'number' ? count : undefined,
    };
  }

  /** Iterates over the pages of one listing, following links.next. */
  async *inboxPages(options: { maxResults?: number } = {}): AsyncGenerator<MeshInboxPage> {
    let page = await this.listInbox(options);
    yield page;
    while (page.nextPath !== undefined) {
      page = await this.listInbox({ nextPath: page.nextPath });
      yield page;
    }
  }

  /**
   * Lists and hands every message id to `handler`, page after page. When a listing ends on a full
   * page (a server without links.next), lists again at once: MESH's rule is to poll immediately
   * while a full page returns. `maxPages` guards against a handler that never acknowledges.
   */
  async drain(
    handler: (messageId: string) => Promise<void>,
    options: { maxResults?: number; maxPages?: number } = {},
  ): Promise<MeshDrainResult> {
    const pageSize = options.maxResults ?? 500;
    const maxPages = options.maxPages ?? 1000;
    let pages = 0;
    let messages = 0;
    for (;;) {
      let lastFull = false;
      for await (const page of this.inboxPages({ maxResults: pageSize })) {
        pages++;
        for (const id of page.messageIds) {
          await handler(id);
          messages++;
        }
        lastFull = page.nextPath === undefined && page.messageIds.length >= pageSize;
        if (pages >= maxPages) return { pages, messages };
      }
      if (!lastFull) return { pages, messages };
    }
  }

  /** Downloads a message with all its chunks, decompressed and checksum-checked. */
  download(messageId: string): Promise<MeshDownloadedMessage> {
    return downloadMessage((req) => this.call(req), `${this.base}/inbox/${encodeURIComponent(messageId)}`, messageId);
  }

  /** Acknowledges a message: MESH removes it from the inbox. */
  async acknowledge(messageId: string): Promise<void> {
    await this.call({
      method: 'PUT',
      path: `${this.base}/inbox/${encodeURIComponent(messageId)}/status/acknowledged`,
      operation: 'acknowledge',
      messageId,
    });
  }

  /**
   * Sends a message. Data above the chunk size is split uncompressed, each chunk gzipped on its
   * own (when compressing) and uploaded as chunk k of n; the message is delivered once all arrive.
   */
  async send(request: MeshSendRequest): Promise<MeshSendResult> {
    const data = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
    const compress = request.compress ?? this.compress;
    const pieces = splitIntoChunks(data, this.chunkSize);
    const total = pieces.length;
    const checksum = meshChecksum(data);
    const encode = (piece: Buffer) => (compress ? gzipChunk(piece) : piece);
    const common: Record<string, string> = {
      'content-type': request.contentType ?? 'application/octet-stream',
    };
    if (compress) {
      common['content-encoding'] = 'gzip';
      common['mex-content-compressed'] = 'Y';
    }
    const headers: Record<string, string> = {
      ...common,
      'mex-to': asciiHeaderValue(request.to),
      'mex-workflowid': asciiHeaderValue(request.workflowId),
      'mex-content-checksum': checksum,
    };
    if (request.subject !== undefined) headers['mex-subject'] = asciiHeaderValue(request.subject);
    if (request.localId !== undefined) headers['mex-localid'] = asciiHeaderValue(request.localId);
    if (request.fileName !== undefined) headers['mex-filename'] = asciiHeaderValue(request.fileName);
    if (total > 1) headers['mex-chunk-range'] = `1:${total}`;
    const ctx = { operation: 'send' as const };
    const res = await this.call({
      method: 'POST',
      path: `${this.base}/outbox`,
      headers,
      body: encode(pieces[0]!),
      ...ctx,
    });
    const json = jsonBody(res, ctx);
    const messageId = stringField(json, 'message_id') ?? stringField(json, 'messageID');
    if (messageId === undefined) throw new MeshError('PROTOCOL', 'send response without message id', ctx);
    for (let chunk = 2; chunk <= total; chunk++) {
      await this.call({
        method: 'POST',
        path: `${this.base}/outbox/${encodeURIComponent(messageId)}/${chunk}`,
        headers: { ...common, 'mex-chunk-range': `${chunk}:${total}` },
        body: encode(pieces[chunk - 1]!),
        operation: 'sendChunk',
        messageId,
        chunk,
      });
    }
    return { messageId, chunkCount: total, checksum };
  }

  /** Tracking information of a message this mailbox sent (do not poll frequently). */
  async tracking(messageId: string): Promise<MeshTracking> {
    const ctx = { operation: 'tracking' as const, messageId };
    const res = await this.call({
      method: 'GET',
      path: `${this.base}/outbox/tracking?messageID=${encodeURIComponent(messageId)}`,
      ...ctx,
    });
    const json = jsonBody(res, ctx);
    const s = (name: string) => stringField(json, name);
    const success = json['status_success'];
    return {
      messageId: s('message_id') ?? messageId,
      localId: s('local_id'),
      workflowId: s('workflow_id'),
      recipient: s('recipient'),
      status: s('status'),
      statusSuccess: typeof success === 'boolean' ? success : undefined,
      statusCode: s('status_code'),
      statusEvent: s('status_event'),
      statusDescription: s('status_description'),
      statusTimestamp: s('status_timestamp'),
      uploadTimestamp: s('upload_timestamp'),
      expiryTime: s('expiry_time'),
    };
  }

  /** Finds the mailbox(es) registered for an organisation and workflow. */
  async endpointLookup(odsCode: string, workflowId: string): Promise<MeshEndpoint[]> {
    const ctx = { operation: 'endpointLookup' as const };
    const res = await this.call({
      method: 'GET',
      path: `/messageexchange/endpointlookup/${encodeURIComponent(odsCode)}/${encodeURIComponent(workflowId)}`,
      ...ctx,
    });
    const results = jsonBody(res, ctx)['results'];
    if (!Array.isArray(results)) throw new MeshError('PROTOCOL', 'endpoint lookup without results', ctx);
    const endpoints: MeshEndpoint[] = [];
    for (const item of results as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const record = item as Record<string, unknown>;
      const mailboxId = stringField(record, 'mailbox_id') ?? stringField(record, 'address');
      if (mailboxId === undefined) continue;
      endpoints.push({
        mailboxId,
        mailboxName: stringField(record, 'mailbox_name') ?? stringField(record, 'description'),
      });
    }
    return endpoints;
  }

  /** Closes pooled connections. */
  close(): void {
    this.http.close();
  }

  /** Accepts a links.next value (absolute URL or path) and returns a path under /messageexchange. */
  private relativePath(link: string, operation: MeshOperation): string {
    const path = /^https?:\/\//.test(link) ? new URL(link).pathname + new URL(link).search : link;
    const normalised = path.startsWith('/messageexchange/') ? path : `/messageexchange/${path.replace(/^\//, '')}`;
    if (!normalised.startsWith(`${this.base}/`)) {
      throw new MeshError('PROTOCOL', 'paging link outside this mailbox', { operation });
    }
    return normalised;
  }
}
