/**
 * One HTTP exchange with MESH over node:http / node:https, with an inactivity timeout and socket
 * failures mapped to retryable {@link MeshError}s. HTTP statuses are left to the caller.
 */
import http from 'node:http';
import https from 'node:https';
import { MeshError } from './mesh.errors.js';
import type { MeshOperation } from './mesh.errors.js';
import type { MeshTlsOptions } from './mesh.types.js';

/** A raw response. Header names are lower-case; repeated headers are joined with ", ". */
export interface MeshHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One request. */
export interface MeshHttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** Absolute path with query, e.g. /messageexchange/X26ABC1/inbox?max_results=500. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  operation: MeshOperation;
  messageId?: string;
  chunk?: number;
}

/** Sends requests to one MESH base URL, reusing connections. */
export class MeshHttp {
  private readonly url: URL;
  private readonly agent: http.Agent;
  private readonly isHttps: boolean;

  constructor(
    baseUrl: string,
    private readonly timeoutMs: number,
    tls?: MeshTlsOptions,
  ) {
    this.url = new URL(baseUrl);
    this.isHttps = this.url.protocol === 'https:';
    this.agent = this.isHttps
      ? new https.Agent({
          keepAlive: true,
          ...(tls ? { cert: tls.cert, key: tls.key, ca: tls.ca, servername: tls.servername } : {}),
        })
      : new http.Agent({ keepAlive: true });
  }

  /** Performs the request; rejects only for socket failures and timeouts. */
  request(req: MeshHttpRequest): Promise<MeshHttpResponse> {
    const basePath = this.url.pathname.replace(/\/$/, '');
    const details = { operation: req.operation, messageId: req.messageId, chunk: req.chunk };
    const options: http.RequestOptions = {
      method: req.method,
      host: this.url.hostname,
      port: this.url.port === '' ? undefined : Number(this.url.port),
      path: basePath + req.path,
      headers: { ...req.headers, 'content-length': String(req.body?.length ?? 0) },
      agent: this.agent,
    };
    return new Promise<MeshHttpResponse>((resolve, reject) => {
      const send = this.isHttps ? https.request : http.request;
      const clientRequest = send(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => reject(socketError(err, details)));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      });
      clientRequest.setTimeout(this.timeoutMs, () => {
        clientRequest.destroy(new MeshError('TIMEOUT', `no response within ${this.timeoutMs} ms`, details));
      });
      clientRequest.on('error', (err) => reject(err instanceof MeshError ? err : socketError(err, details)));
      clientRequest.end(req.body);
    });
  }

  /** Closes pooled connections. */
  close(): void {
    this.agent.destroy();
  }
}

const TLS_FAILURE =
  /^(ERR_SSL|ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|HOSTNAME_MISMATCH|ERR_TLS_CERT)/;

function socketError(
  err: Error & { code?: string },
  details: { operation: MeshOperation; messageId?: string; chunk?: number },
): MeshError {
  if (err.code === 'ETIMEDOUT') return new MeshError('TIMEOUT', 'connection timed out', { ...details, cause: err });
  // A certificate the other side rejects will not start working on retry.
  if (err.code !== undefined && TLS_FAILURE.test(err.code)) {
    return new MeshError('AUTH_FAILED', `TLS handshake failed (${err.code})`, { ...details, cause: err });
  }
  // Only the errno code goes into the message: socket errors carry no payload, but stay terse.
  return new MeshError('CONNECTION', `connection failed (${err.code ?? 'unknown'})`, { ...details, cause: err });
}
