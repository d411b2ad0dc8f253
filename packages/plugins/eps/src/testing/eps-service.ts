import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkEpsMessage, type MessageFacts, type ShapeIssue } from './eps-shape.js';

/** One message the double received, with what it answered. */
export interface ReceivedMessage {
  readonly messageId: string | null;
  readonly bundle: Record<string, unknown>;
  readonly status: number;
  /** EPS's code for a refusal or a failure; null when accepted. */
  readonly code: string | null;
  readonly facts: MessageFacts | null;
  readonly issues: readonly ShapeIssue[];
}

/** A local stand-in for the EPS FHIR API's `$process-message`, for tests. */
export interface EpsServiceDouble {
  /** Base URL, e.g. `http://127.0.0.1:4567/fhir-prescribing`. */
  readonly url: string;
  /** Every POST, oldest first. */
  readonly received: readonly ReceivedMessage[];
  /** Short-form ids of prescriptions EPS holds, and whether they are cancelled. */
  readonly prescriptions: ReadonlyMap<string, { readonly orderMessageId: string; readonly cancelled: boolean }>;
  /** The next `count` messages fail with `status` (503: EPS unavailable) before anything is checked. */
  failNext(count: number, status?: number): void;
  /** The next message is refused with `code`, as EPS refuses for reasons the double cannot know. */
  rejectNext(code: string): void;
  close(): Promise<void>;
}

const outcome = (code: string, diagnostics: string) => ({
  resourceType: 'OperationOutcome',
  issue: [
    {
      severity: 'error',
      code: 'value',
      details: { coding: [{ system: 'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode', code }] },
      diagnostics,
    },
  ],
});

/**
 * Starts the EPS test double on a free loopback port. It checks each message's shape
 * ({@link checkEpsMessage}: 400 with EPS's code and the path at fault), keeps the prescriptions it
 * accepted (a resend with the same message id is accepted again; another message with the same
 * short-form id is DUPLICATE_PRESCRIPTION_ID), cancels them (R-0008 unknown, R-0006 already
 * cancelled), and fails or refuses on demand.
 */
export async function startEpsServiceDouble(): Promise<EpsServiceDouble> {
  const received: ReceivedMessage[] = [];
  const prescriptions = new Map<string, { orderMessageId: string; cancelled: boolean; cancelMessageId?: string }>();
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  let rejection: string | null = null;

  function answer(bundle: unknown): {
    status: number;
    code: string | null;
    facts: MessageFacts | null;
    issues: ShapeIssue[];
  } {
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      return { status: failures.status, code: 'SERVICE_UNAVAILABLE', facts: null, issues: [] };
    }
    const { issues, facts } = checkEpsMessage(bundle);
    if (!facts) return { status: 400, code: issues[0]!.code, facts, issues };
    if (rejection) {
      const code = rejection;
      rejection = null;
      return { status: 400, code, facts, issues };
    }
    const held = prescriptions.get(facts.shortFormId);
    if (facts.event === 'prescription-order') {
      if (held && held.orderMessageId !== facts.messageId)
        return { status: 400, code: 'DUPLICATE_PRESCRIPTION_ID', facts, issues };
      if (!held) prescriptions.set(facts.shortFormId, { orderMessageId: facts.messageId, cancelled: false });
      return { status: 200, code: null, facts, issues };
    }
    if (!held) return { status: 400, code: 'R-0008', facts, issues };
    if (held.cancelled && held.cancelMessageId !== facts.messageId)
      return { status: 400, code: 'R-0006', facts, issues };
    prescriptions.set(facts.shortFormId, { ...held, cancelled: true, cancelMessageId: facts.messageId });
    return { status: 200, code: null, facts, issues };
  }

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/$process-message')) {
        res.writeHead(404).end();
        return;
      }
      let bundle: Record<string, unknown>;
      try {
        bundle = JSON.parse(body) as Record<string, unknown>;
      } catch {
        res
          .writeHead(400, { 'content-type': 'application/fhir+json' })
          .end(JSON.stringify(outcome('INVALID_VALUE', 'body')));
        return;
      }
      const result = answer(bundle);
      received.push({ messageId: typeof bundle.id === 'string' ? bundle.id : null, bundle, ...result });
      const reply =
        result.code === null
          ? { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] }
          : outcome(result.code, result.issues[0]?.path ?? result.code);
      res.writeHead(result.status, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir-prescribing`;
  return {
    url,
    received,
    prescriptions,
    failNext(count, status = 503) {
      failures = { count, status };
    },
    rejectNext(code) {
      rejection = code;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
