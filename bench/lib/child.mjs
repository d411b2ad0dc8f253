// The server side of a benchmark arm: a child process (forked by bench/lib/arms.mjs) that starts one
// server, tells the parent its URL, answers CPU-usage questions and stops on request. Each server
// script calls serveChild() with a start function returning { url, info?, onMessage?, stop }.

/** Runs `start(options)` (options: the JSON in argv[2]) and serves the parent's messages. */
export async function serveChild(start) {
  const options = JSON.parse(process.argv[2] ?? '{}');
  let server;
  try {
    server = await start(options);
  } catch (error) {
    process.send({ type: 'failed', message: error?.stack ?? String(error) });
    process.exit(1);
  }
  const stop = async () => {
    try {
      await server.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('message', async (message) => {
    if (message.type === 'cpu') {
      // User + system time of this whole process (every thread), in microseconds.
      const { user, system } = process.cpuUsage();
      process.send({ type: 'cpu', id: message.id, micros: user + system });
    } else if (message.type === 'stop') {
      await stop();
    } else if (server.onMessage) {
      try {
        process.send({ type: 'reply', id: message.id, value: await server.onMessage(message) });
      } catch (error) {
        process.send({ type: 'reply', id: message.id, error: error?.stack ?? String(error) });
      }
    }
  });
  // The parent went away (a crash or ^C): do not outlive it.
  process.on('disconnect', () => void stop());
  process.send({ type: 'ready', url: server.url, info: server.info ?? {} });
}

/** A node:http handler's answer: JSON with its length. */
export function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
