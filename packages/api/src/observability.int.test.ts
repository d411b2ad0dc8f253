import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './test/harness.js';
import { coded, must, patientAt } from './modules/consultations/consultations.testkit.js';

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}

/** A local HTTP server: records each request's headers and JSON body, answers 200. */
async function receiver(): Promise<{
  url: string;
  requests: { path: string; headers: IncomingHttpHeaders; body: unknown }[];
  close(): Promise<void>;
}> {
  const requests: { path: string; headers: IncomingHttpHeaders; body: unknown }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      requests.push({ path: req.url ?? '/', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function spansOf(requests: { path: string; body: unknown }[]): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const request of requests.filter((r) => r.path === '/v1/traces')) {
    const body = request.body as { resourceSpans?: { scopeSpans?: { spans?: ReceivedSpan[] }[] }[] };
    for (const resource of body.resourceSpans ?? [])
      for (const scope of resource.scopeSpans ?? []) spans.push(...(scope.spans ?? []));
  }
  return spans;
}

async function until<T>(probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('observability: metrics, traces and logs', () => {
  let hub: TestHub & { stop(): Promise<void> };
  let collector: Awaited<ReturnType<typeof receiver>>;
  let practice: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    collector = await receiver();
    practice = await receiver();
    hub = await startTestHub('pglite', {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_SERVICE_NAME: 'pcn-hub-test',
      METRICS_PORT: '0',
      WRITE_BACK_POLL_MS: '100',
    });
    await must(
      hub.gql(
        'mutation ($input: ConfigureWriteBackTargetInput!) { configureWriteBackTarget(input: $input) { target { kind } } }',
        {
          input: {
            practiceOdsCode: 'Y99013',
            kind: 'HTTP',
            endpointUrl: `${practice.url}/write-back`,
            signingSecret: `whsec_${Buffer.from('observability-secret-0123456789abcd').toString('base64')}`,
          },
        },
        'hub.manager',
      ),
    );
  });

  afterAll(async () => {
    await hub.stop();
    await collector.close();
    await practice.close();
  });

  it('follows one request from its traceparent through the operation and its statements to the write-back delivery it caused', async () => {
    const recorded = await must(
      hub.gql<{ recordConsultation: { consultation: { id: string } } }>(
        'mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id } } }',
        { input: { nhsNumber: patientAt(3, 21), entries: [coded()] } },
        'hub.anp1',
      ),
    );
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await fetch(hub.app.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await hub.token('hub.anp1')}`,
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({
        query:
          'mutation Save($input: SaveConsultationInput!) { saveConsultation(input: $input) { consultation { id } } }',
        variables: { input: { consultationId: recorded.recordConsultation.consultation.id } },
        operationName: 'Save',
      }),
    });
    expect(res.status).toBe(200);
    // The practice's endpoint receives the delivery with the trace context of the save.
    const delivered = await until(() => practice.requests.find((r) => r.path === '/write-back'));
    expect(String(delivered.headers.traceparent)).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const spans = await until(() => {
      const found = spansOf(collector.requests).filter((s) => s.traceId === traceId);
      return found.some((s) => s.name === 'write-back.deliver') ? found : undefined;
    });
    const names = spans.map((s) => s.name);
    expect(names).toContain('POST /graphql');
    expect(names).toContain('mutation Save');
    expect(names.some((n) => n.startsWith('db '))).toBe(true);
    // The operation span is the HTTP span's child; statements are the operation's; no variables anywhere.
    const http = spans.find((s) => s.name === 'POST /graphql')!;
    const operation = spans.find((s) => s.name === 'mutation Save')!;
    expect(operation.parentSpanId).toBe(http.spanId);
    expect(spans.some((s) => s.name.startsWith('db ') && s.parentSpanId === operation.spanId)).toBe(true);
    expect(JSON.stringify(spans)).not.toContain(patientAt(3, 21));
  });

  it('serves Prometheus metrics on their own port, with the families operators watch', async () => {
    expect(hub.app.metricsPort).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${hub.app.metricsPort}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const family of [
      'pcnhub_http_requests_total',
      'pcnhub_graphql_operations_total',
      'pcnhub_graphql_operation_duration_seconds',
      'pcnhub_events_appended_total',
      'pcnhub_live_subscriptions',
      'pcnhub_queue_backlog',
      'pcnhub_queue_oldest_age_seconds',
      'pcnhub_queue_dead_letters',
      'pcnhub_delivery_attempts_total',
      'pcnhub_auth_failures_total',
      'pcnhub_rate_limited_total',
      'pcnhub_nodejs_eventloop_lag_seconds',
    ]) {
      expect(text, family).toMatch(new RegExp(`^# TYPE ${family} `, 'm'));
    }
    // Every sample line parses as Prometheus text: name{labels} value.
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? -?[0-9.e+-]+|NaN|[+-]Inf$/);
    }
    expect(text).toMatch(
      /pcnhub_graphql_operations_total\{type="mutation",field="saveConsultation",outcome="ok"\} [1-9]/,
    );
    expect(text).toMatch(/pcnhub_delivery_attempts_total\{queue="write_back",outcome="acknowledged"\} [1-9]/);
    // The public port does not serve them.
    expect((await fetch(hub.app.url.replace('/graphql', '/metrics'))).status).toBe(404);
  });
});
