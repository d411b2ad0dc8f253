/**
 * The write-back bridge: an HTTP endpoint a practice's write-back target points at. It verifies
 * the hub's signed delivery, renders the entry as a GP Connect Send Document message and hands it
 * to MESH for the practice, answering 2xx only once MESH accepted it (the hub then records the
 * delivery as delivered, i.e. handed to MESH). Idempotent on the write-back message id: a
 * redelivery with the same `webhook-id` answers from the store and sends nothing again.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isHubApiError } from '@pcn-hub/sdk/client';
import { verifyWebhookSignature, WebhookVerificationError } from '@pcn-hub/sdk/plugin';
import { PATIENT_DEMOGRAPHICS } from './hub.operations.js';
import type { HubPatientDemographics } from './hub.operations.js';
import type { MeshLogger } from './mesh.inbound.types.js';
import type { OutboundDelivery, OutboundRouting } from './mesh.outbound.types.js';
import { parseWriteBackMessage, summaryDocument } from './write-back.message.js';
import type { WriteBackMessage } from './write-back.message.js';
import type { BridgeAnswer, WriteBackBridgeOptions } from './write-back.types.js';

const noLog: MeshLogger = () => undefined;
const answer = (status: number, body: BridgeAnswer['body']): BridgeAnswer => ({ status, body });

/** Receives the hub's write-back deliveries and sends them over MESH. */
export class WriteBackBridge {
  private readonly log: MeshLogger;
  private readonly prefix: string;
  private readonly inFlight = new Map<string, Promise<BridgeAnswer>>();
  private server: http.Server | undefined;

  constructor(private readonly o: WriteBackBridgeOptions) {
    this.log = o.logger ?? noLog;
    this.prefix = o.pathPrefix ?? '/write-back/';
  }

  /** Listens on `host:port` (default 127.0.0.1, a random port); resolves with the base URL. */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = http.createServer((req, res) => void this.handleHttp(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const address = server.address() as AddressInfo;
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${shown}:${address.port}`;
  }

  /** The path a practice's write-back target must point at (append to the base URL). */
  pathFor(practiceOdsCode: string): string {
    return `${this.prefix}${practiceOdsCode.toUpperCase()}`;
  }

  /** Stops listening and drops open connections. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The node:http handler (for mounting in an existing server). */
  async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let reply: BridgeAnswer;
    try {
      reply = await this.route(req);
    } catch (err) {
      this.log('error', 'mesh.bridge.failed', { code: err instanceof Error ? err.name : 'UNKNOWN' });
      reply = answer(500, { error: 'internal error' });
    }
    if (res.headersSent || res.destroyed) return;
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  }

  private async route(req: http.IncomingMessage): Promise<BridgeAnswer> {
    const path = new URL(req.url ?? '/', 'http://bridge.local').pathname;
    if (!path.startsWith(this.prefix)) return answer(404, { error: 'not found' });
    const ods = decodeURIComponent(path.slice(this.prefix.length)).toUpperCase();
    if (req.method !== 'POST') return answer(405, { error: 'POST only' });
    const secrets = this.o.signingSecrets(ods);
    if (!secrets || secrets.length === 0) return answer(404, { error: 'no write-back target here for this practice' });
    const raw = await readBody(req, this.o.maxBodyBytes ?? 1024 * 1024);
    if (raw === undefined) return answer(413, { error: 'body too large' });
    return this.receive(req.headers, raw, ods, secrets);
  }

  /**
   * Verifies and handles one delivery: 2xx = handed to MESH; 401 = not signed by the hub; 422 =
   * can never be sent (the hub dead-letters it); 503 = not yet (the hub retries the same id).
   */
  async receive(
    headers: http.IncomingHttpHeaders,
    raw: Buffer,
    practiceOdsCode: string,
    secrets: readonly string[],
  ): Promise<BridgeAnswer> {
    try {
      // Headers, freshness and signature; the body is a write-back message, read below.
      verifyWebhookSignature(headers, raw, secrets);
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw err;
      this.log('warn', 'mesh.bridge.unverified', { practiceOdsCode, reason: err.reason });
      return answer(401, { error: 'signature not verified' });
    }
    const parsed = parseWriteBackMessage(raw);
    if (!parsed.ok) {
      this.log('warn', 'mesh.bridge.bad-message', { practiceOdsCode, reason: parsed.reason });
      return answer(422, { error: parsed.reason });
    }
    const message = parsed.message;
    const webhookId = headers['webhook-id'];
    if (webhookId !== message.messageId || message.targetOdsCode !== practiceOdsCode) {
      return answer(422, { error: 'webhook-id or target practice does not match the message' });
    }
    // One handling per message id at a time: a retry racing the first attempt waits for it.
    const running = this.inFlight.get(message.messageId);
    if (running) return running;
    const work = this.deliver(message).finally(() => this.inFlight.delete(message.messageId));
    this.inFlight.set(message.messageId, work);
    return work;
  }

  private async deliver(message: WriteBackMessage): Promise<BridgeAnswer> {
    const ids = { messageId: message.messageId, practiceOdsCode: message.targetOdsCode };
    const existing = await this.o.store.get(message.messageId);
    if (existing && existing.state !== 'QUEUED' && existing.state !== 'FAILED') return this.accepted(existing);
    if (message.type === 'consultation-entry.removed') {
      // Send Document replaces whole documents; it cannot withdraw one (deletions are not
      // auto-notified: docs/domain/workflows.md#national-sending-rules). Refusing makes it a dead
      // letter the hub's staff see and act on.
      this.log('warn', 'mesh.bridge.removal-not-sent', ids);
      return answer(422, { error: 'removals are not sent over GP Connect Send Document: tell the practice' });
    }
    const routing = this.routingFor(message.targetOdsCode);
    if (!routing) return answer(422, { error: 'no mailbox configured for this practice' });
    let patient: HubPatientDemographics;
    try {
      ({ patient } = await this.o.hubFor(message.targetOdsCode).request(PATIENT_DEMOGRAPHICS, {
        nhsNumber: message.patient.nhsNumber,
      }));
    } catch (err) {
      const permanent = isHubApiError(err) && (err.code === 'NOT_FOUND' || err.code === 'BAD_USER_INPUT');
      this.log('warn', 'mesh.bridge.patient-lookup-failed', {
        ...ids,
        code: isHubApiError(err) ? err.code : 'NETWORK',
      });
      return permanent
        ? answer(422, { error: 'patient not found at this practice' })
        : answer(503, { error: 'patient lookup failed; retry' });
    }
    let delivery: OutboundDelivery;
    try {
      delivery = await this.o.sender.send({
        document: summaryDocument(message, patient),
        routing,
        id: message.messageId,
        recipientOdsCode: message.targetOdsCode,
        restartFailed: true,
      });
    } catch (err) {
      // The store or the renderer failed: nothing reached MESH, so the hub may try again.
      this.log('error', 'mesh.bridge.send-failed', { ...ids, code: err instanceof Error ? err.name : 'UNKNOWN' });
      return answer(503, { error: 'not sent; retry' });
    }
    switch (delivery.state) {
      case 'QUEUED':
        return answer(503, { error: 'MESH did not accept the message yet; retry', code: delivery.failure?.code });
      case 'FAILED':
        return answer(422, { error: delivery.failure?.reason ?? 'not sent', code: delivery.failure?.code });
      case 'SENT':
      case 'INF_ACKED':
      case 'DELIVERED':
      case 'TIMED_OUT':
        return this.accepted(delivery);
    }
  }

  private accepted(delivery: OutboundDelivery): BridgeAnswer {
    return answer(200, { state: delivery.state, meshMessageId: delivery.meshMessageId });
  }

  private routingFor(ods: string): OutboundRouting | undefined {
    const routing = this.o.routing;
    switch (routing.kind) {
      case 'AUTOMATIC':
        return { kind: 'AUTOMATIC', dobFormat: routing.dobFormat };
      case 'ENDPOINT_LOOKUP':
        return { kind: 'ENDPOINT_LOOKUP', odsCode: ods };
      case 'MAILBOX': {
        const mailboxId = routing.mailboxes[ods];
        return mailboxId === undefined ? undefined : { kind: 'MAILBOX', mailboxId };
      }
    }
  }
}

/** Reads a request body up to `max` bytes; undefined when larger. */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
