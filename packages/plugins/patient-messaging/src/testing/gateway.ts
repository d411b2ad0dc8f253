import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the double delivered (tests read what the patient would receive). */
export interface GatewayMessage {
  readonly reference: string;
  readonly channel: 'sms' | 'email';
  readonly to: string;
  readonly body: string;
}

/** A local stand-in for an SMS / e-mail gateway, for tests. */
export interface MessagingGatewayDouble {
  /** Base URL: POST `<url>/messages`. */
  readonly url: string;
  /** Messages delivered, once per reference, oldest first. */
  readonly delivered: readonly GatewayMessage[];
  /** HTTP status of every request, in order. */
  readonly statuses: readonly number[];
  /** The next `count` requests fail with `status` (503: unavailable). */
  failNext(count: number, status?: number): void;
  /** The next message is refused with `code` (e.g. a number that has opted out). */
  rejectNext(code: string): void;
  /** Answer `accepted` (delivery reported later) instead of `delivered`. */
  acceptOnly(on: boolean): void;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MOBILE = /^\+447\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** Six SMS segments of 153 GSM characters. */
const MAX_SMS = 918;

/** Why a message is refused, as a gateway code, or null when it is well formed. */
function problemOf(m: Record<string, unknown>): string | null {
  if (typeof m.reference !== 'string' || !UUID.test(m.reference)) return 'BAD_REFERENCE';
  if (typeof m.body !== 'string' || m.body.trim() === '') return 'EMPTY_BODY';
  if (m.channel === 'sms') {
    if (typeof m.to !== 'string' || !MOBILE.test(m.to)) return 'INVALID_MOBILE';
    if (m.body.length > MAX_SMS) return 'SMS_TOO_LONG';
    return null;
  }
  if (m.channel === 'email') return typeof m.to === 'string' && EMAIL.test(m.to) ? null : 'INVALID_EMAIL';
  return 'BAD_CHANNEL';
}

/**
 * Starts the gateway double on a free loopback port. It checks each message (reference, channel,
 * a UK mobile in +44 form or an e-mail address, a body that fits six SMS segments), delivers each
 * reference once (a resend answers the same without delivering again) and fails or refuses on demand.
 */
export async function startMessagingGatewayDouble(): Promise<MessagingGatewayDouble> {
  const delivered: GatewayMessage[] = [];
  const statuses: number[] = [];
  let failures = { count: 0, status: 503 };
  let rejection: string | null = null;
  let acceptOnly = false;

  const reply = (status: number, body: unknown): { status: number; body: unknown } => {
    statuses.push(status);
    return { status, body };
  };
  function answer(raw: string): { status: number; body: unknown } {
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      return reply(failures.status, { error: { code: 'UNAVAILABLE' } });
    }
    let m: Record<string, unknown>;
    try {
      m = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return reply(400, { error: { code: 'BAD_JSON' } });
    }
    const problem = problemOf(m);
    if (problem) return reply(400, { error: { code: problem } });
    if (rejection) {
      const code = rejection;
      rejection = null;
      return reply(400, { error: { code } });
    }
    if (!delivered.some((d) => d.reference === m.reference)) delivered.push(m as unknown as GatewayMessage);
    return reply(200, { id: m.reference, status: acceptOnly ? 'accepted' : 'delivered' });
  }

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/messages') {
        res.writeHead(404).end();
        return;
      }
      const out = answer(body);
      res.writeHead(out.status, { 'content-type': 'application/json' }).end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered,
    statuses,
    failNext(count, status = 503) {
      failures = { count, status };
    },
    rejectNext(code) {
      rejection = code;
    },
    acceptOnly(on) {
      acceptOnly = on;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
