import { createServer, type Server } from 'node:http';
import type { Logger } from '../logger.js';
import { registry } from './metrics.js';

/** Refreshes gauges that are read at scrape time (queue backlogs, pool); must be cheap. */
export type ScrapeCollector = () => Promise<void>;

/**
 * `GET /metrics` in the Prometheus text format on a listener of its own (METRICS_PORT, bound to
 * METRICS_HOST, 127.0.0.1 by default): never on the public port, never behind the hub's tokens.
 */
export async function startMetricsServer(options: {
  readonly port: number;
  readonly host: string;
  readonly logger: Logger;
  readonly collect: ScrapeCollector;
}): Promise<{ readonly port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    void (async () => {
      try {
        await options.collect();
      } catch (error) {
        // Scrape what we have: a failed gauge refresh must not hide every other metric.
        options.logger.warn({ err: error }, 'metrics collection failed');
      }
      res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger.info({ port, host: options.host }, 'metrics listening');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
