import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';

/**
 * OpenTelemetry traces, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Off, the
 * API's tracer is OpenTelemetry's no-op one: spans cost a function call and nothing is recorded.
 * Spans carry ids, names and codes only: never variables, SQL parameters or patient data.
 */
export const tracer = trace.getTracer('pcn-hub');

let provider: TracerProvider | null = null;

/** Installs the exporter, W3C trace-context propagation and async context; once per process. */
export function startTracing(config: Config['tracing']): { shutdown(): Promise<void> } | null {
  if (!config || provider) return null;
  const exporter = new OTLPTraceExporter({
    url: new URL('v1/traces', withSlash(config.endpoint)).toString(),
    headers: { ...config.headers },
  });
  const started = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 500 })],
  });
  provider = started;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(started);
  return {
    shutdown: async () => {
      await started.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      provider = null;
    },
  };
}

function withSlash(url: URL): URL {
  return url.pathname.endsWith('/') ? url : new URL(`${url.toString()}/`);
}

/** True when spans are recorded (tracing configured). */
export function tracingOn(): boolean {
  return provider !== null;
}

/** The context a `traceparent` header (or stored value) names; the root context when absent or malformed. */
export function contextFrom(traceparent: string | string[] | null | undefined): Context {
  if (!traceparent || !tracingOn()) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent: Array.isArray(traceparent) ? traceparent[0] : traceparent });
}

/** The active span as a `traceparent` value to store or send; null when nothing is traced. */
export function currentTraceparent(): string | null {
  if (!tracingOn()) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** Runs `work` in a new active span; the span records a thrown error and always ends. */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

type Execute = (query: unknown, ...rest: unknown[]) => Promise<unknown>;

/**
 * A span for every database statement made inside a traced operation: the ORM's connection runs
 * every query (entity finds and raw SQL alike) through `execute`. The statement's text (with
 * placeholders, never parameter values) names it. Only installed when tracing is on.
 */
export function traceDatabase(orm: Orm): void {
  if (!tracingOn()) return;
  const connection = orm.em.getConnection() as unknown as { execute: Execute; __pcnHubTraced?: boolean };
  if (connection.__pcnHubTraced) return;
  const original = connection.execute.bind(connection);
  connection.__pcnHubTraced = true;
  connection.execute = (query, ...rest) => {
    const sql = typeof query === 'string' ? query : (query as { sql?: unknown }).sql;
    return inStatementSpan(typeof sql === 'string' ? sql : 'query', () => original(query, ...rest));
  };
}

/**
 * Runs one SQL statement in a `db <OPERATION>` client span when a request is being traced (the
 * ORM's statements through `traceDatabase`, plain SQL through `exec`); otherwise just runs it.
 */
export function inStatementSpan<T>(text: string, run: () => Promise<T>): Promise<T> {
  if (!tracingOn() || !trace.getActiveSpan()) return run();
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
  return inSpan(
    `db ${operation}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': operation,
        'db.query.text': text.slice(0, 500),
      },
    },
    run,
  );
}

export { SpanKind };
