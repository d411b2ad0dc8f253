// The load generator: autocannon in its own process (forked by bench/lib/arms.mjs, pinned apart from
// the servers). Each message { url, headers, body, duration, connections, then?, amount? } runs one
// load (for `amount` requests instead of `duration` seconds when given) and answers its figures. `then` makes each turn two requests: the first's answer gives a value (at the
// dotted path `then.extract`) that replaces `__VALUE__` in the second's body (create, then save).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const requireFromApi = createRequire(fileURLToPath(new URL('../../packages/api/package.json', import.meta.url)));
const autocannon = requireFromApi('autocannon');

const dig = (value, path) => path.split('.').reduce((v, key) => v?.[key], value);

process.on('message', async ({ url, headers, body, duration, connections, then, amount }) => {
  const options = {
    url,
    method: 'POST',
    headers,
    ...(amount ? { amount } : { duration }),
    connections,
    // A GraphQL error still answers 200: count those as mismatches.
    verifyBody: (text) => !text.includes('"errors"'),
  };
  if (then) {
    options.requests = [
      {
        body,
        onResponse: (status, text, context) => {
          try {
            context.value = dig(JSON.parse(text), then.extract);
          } catch {
            context.value = null;
          }
        },
      },
      { setupRequest: (req, context) => ({ ...req, body: then.body.replace('__VALUE__', context.value ?? '') }) },
    ];
  } else {
    options.body = body;
  }
  const r = await autocannon(options);
  process.send({
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    mismatches: r.mismatches ?? 0,
  });
});
// The parent went away (a crash or ^C): stop with it.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
