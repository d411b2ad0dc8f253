/**
 * A local MESH server for tests, written to the public MESH API specification as
 * docs/domain/national-interfaces.md#mesh describes it: NHSMESH authorisation, handshake, inbox
 * listing with v2 paging, chunked download,
 * acknowledgement, chunked upload, workflow permissions, REPORT messages, expiry, tracking,
 * endpoint lookup and automatic GPPROVIDER_ routing. In memory; listens on a random loopback port.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { MeshAuthVerifier } from '../mesh.auth.js';
import { MeshFaults } from './mesh-server.faults.js';
import { inspectMessage } from './mesh-server.messages.js';
import { routeMeshRequest } from './mesh-server.routes.js';
import { MeshServerState } from './mesh-server.state.js';
import type {
  InjectedMessage,
  InspectedMessage,
  MeshReply,
  MeshRequestLogEntry,
  MeshServerMailbox,
  MeshServerOptions,
} from './mesh-server.types.js';

const MAX_BODY_BYTES = 101 * 1024 * 1024;

/** A running local MESH server. */
export interface MeshServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (pass as MeshClientConfig.baseUrl). */
  url: string;
  /** Fault injection: failing, hanging and reset requests. */
  faults: MeshFaults;
  /** Adds a mailbox. */
  addMailbox(mailbox: MeshServerMailbox): void;
  /** Registers an automatic routing entry GPPROVIDER_<nhs>_<dob>_<surname> -> mailbox. */
  addRoute(route: { nhsNumber: string; dateOfBirth: string; surname: string; mailboxId: string }): void;
  /** Messages waiting in a mailbox's inbox, oldest first. */
  inbox(mailboxId: string): InspectedMessage[];
  /** Any message the server holds, in any state. */
  message(messageId: string): InspectedMessage | undefined;
  /** DATA messages a mailbox sent, in any state. */
  sentBy(mailboxId: string): InspectedMessage[];
  /** Puts a message straight into an inbox; returns its id. */
  inject(message: InjectedMessage): string;
  /** Deletes a stored chunk, so downloading it fails (a lost chunk). */
  dropChunk(messageId: string, chunk: number): void;
  /** Expires messages older than the inbox expiry (by the server clock); returns their ids. */
  expire(): string[];
  /** Requests seen so far (method, path with query, status). */
  requests(): MeshRequestLogEntry[];
  /** Forgets the request log. */
  clearRequests(): void;
  /** Stops listening and drops open connections (including hung requests). */
  stop(): Promise<void>;
}

/** Starts a local MESH server on a random loopback port. */
export async function startMeshServer(options: MeshServerOptions): Promise<MeshServer> {
  const state = new MeshServerState(options);
  const faults = new MeshFaults();
  const verifier = new MeshAuthVerifier({
    sharedSecret: options.sharedSecret,
    passwordFor: (id) => state.mailboxes.get(id)?.password,
    clock: state.clock,
  });
  const log: MeshRequestLogEntry[] = [];
  const record = (entry: MeshRequestLogEntry) => {
    log.push(entry);
    if (log.length > 20_000) log.splice(0, log.length - 20_000);
  };

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const method = req.method ?? 'GET';
    const rawPath = req.url ?? '/';
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      const fault = faults.take(method, rawPath);
      if (fault?.kind === 'hang') return record({ method, path: rawPath, status: 0 });
      if (fault?.kind === 'reset') {
        record({ method, path: rawPath, status: -1 });
        return req.socket.destroy();
      }
      let reply: MeshReply & { authFailure?: string };
      if (fault?.kind === 'status') {
        reply = { status: fault.status, body: { detail: [{ event: 'FAULT', msg: 'Injected fault' }] } };
      } else if (size > MAX_BODY_BYTES) {
        reply = { status: 413, body: { detail: [{ event: 'SEND', msg: 'Request too large' }] } };
      } else {
        const url = new URL(rawPath, 'http://mesh.local');
        try {
          const routed = routeMeshRequest(
            {
              method,
              pathname: url.pathname,
              query: url.searchParams,
              headers: req.headers,
              body: Buffer.concat(chunks),
            },
            state,
            verifier,
            options.defaultMaxResults ?? 500,
          );
          reply = routed;
        } catch {
          reply = { status: 500, body: { detail: [{ event: 'INTERNAL', msg: 'Internal error' }] } };
        }
      }
      record({
        method,
        path: rawPath,
        status: reply.status,
        ...(reply.authFailure === undefined ? {} : { authFailure: reply.authFailure }),
      });
      write(res, reply);
    });
  };

  const server = options.tls
    ? https.createServer(
        {
          key: options.tls.key,
          cert: options.tls.cert,
          ca: options.tls.ca,
          requestCert: options.tls.requestCert ?? false,
          rejectUnauthorized: options.tls.requestCert ?? false,
        },
        handler,
      )
    : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const inspect = (id: string) => {
    const m = state.messages.get(id);
    return m ? inspectMessage(m) : undefined;
  };

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    faults,
    addMailbox: (mailbox) => state.addMailbox(mailbox),
    addRoute: (route) => state.addRoute(route),
    inbox: (mailboxId) => state.inboxMessages(mailboxId).map((m) => inspectMessage(m)),
    message: inspect,
    sentBy: (mailboxId) =>
      [...state.messages.values()]
        .filter((m) => m.messageType === 'DATA' && m.sender === mailboxId.toUpperCase())
        .map((m) => inspectMessage(m)),
    inject: (message) => state.inject(message),
    dropChunk: (messageId, chunk) => {
      state.messages.get(messageId)?.chunks.delete(chunk);
    },
    expire: () => state.expire(),
    requests: () => [...log],
    clearRequests: () => {
      log.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function write(res: http.ServerResponse, reply: MeshReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let body: Buffer;
  if (reply.body === undefined) body = Buffer.alloc(0);
  else if (Buffer.isBuffer(reply.body)) body = reply.body;
  else {
    body = Buffer.from(JSON.stringify(reply.body));
    headers['content-type'] = 'application/vnd.mesh.v2+json';
  }
  headers['content-length'] = String(body.length);
  res.writeHead(reply.status, headers);
  res.end(body);
}
