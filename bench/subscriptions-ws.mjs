// The graphql-ws variant of bench/subscriptions.mjs: the API (startApp from dist) in this process,
// N graphql-ws clients (one socket each, subscribed to `inboxEvents` of the hub) in a child
// process, a writer appending inbox events here. Latency is commit -> receipt by the client:
// commit timestamps go to the client process over IPC, both sides read the same wall clock.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';

const requireFromApi = createRequire(new URL('../packages/api/package.json', import.meta.url));
const dist = new URL('../packages/api/dist/', import.meta.url);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const HUB_ODS = 'Y99000';
const QUERY = `subscription Live($org: OdsCode!, $after: String) {
  inboxEvents(organisation: $org, after: $after) { __typename ... on InboxEvent { seq } }
}`;

/**
 * Runs one graphql-ws phase; returns the same figures as the engine phases plus heap per socket.
 * `heapAfterGc` is the caller's (it owns --expose-gc).
 */
export async function runWsPhase({ databaseUrl, subscribers, durationS, rate, heapAfterGc }) {
  const { parseConfig } = await import(new URL('platform/config.js', dist).href);
  const { startApp } = await import(new URL('app.js', dist).href);
  const { appendEvent, latestSeq } = await import(new URL('platform/events/index.js', dist).href);
  const { encodeCursor } = await import(new URL('platform/graphql/relay.js', dist).href);
  const { uuidv7 } = await import(new URL('platform/ids.js', dist).href);
  const config = parseConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '10',
    SEED_ON_START: 'true',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    // One principal drives the load: throttling and the per-principal socket cap would measure themselves.
    RATE_LIMIT_REQUESTS: '0',
    WS_MAX_SOCKETS_PER_PRINCIPAL: '1000000',
    LOG_LEVEL: 'silent',
  });
  const app = await startApp(config);
  let stopChild = () => {};
  try {
    const [hub] = await app.orm.em
      .fork()
      .getConnection()
      .execute('select id from organisation where ods_code = ?', [HUB_ODS]);
    const stream = `inbox:${hub.id}`;
    const token = await app.tokens.sign({ sub: 'hub.manager', org: HUB_ODS, roles: ['HUB_MANAGER'] }, 3600);
    const append = async () => {
      const event = await app.orm.em.fork().transactional((em) =>
        appendEvent(em, {
          stream,
          type: 'CLAIMED',
          subjectType: 'OnlineConsultation',
          subjectId: uuidv7(),
          payload: {},
        }),
      );
      const committedAt = now();
      app.events.hint({ stream, seq: event.seq });
      return { seq: event.seq, committedAt };
    };

    const heapBefore = heapAfterGc();
    const startSeq = await latestSeq(app.orm.em.fork(), stream);
    const url = app.url.replace(/^http/, 'ws');
    const child = fork(new URL(import.meta.url), ['--clients'], { stdio: 'inherit' });
    stopChild = () => child.exitCode === null && child.kill();
    const messages = [];
    let wake = null;
    child.on('message', (message) => {
      messages.push(message);
      wake?.();
    });
    const expect = async (type) => {
      for (;;) {
        const index = messages.findIndex((m) => m.type === type || m.type === 'error');
        if (index >= 0) {
          const [message] = messages.splice(index, 1);
          if (message.type === 'error') throw new Error(`clients: ${message.message}`);
          return message;
        }
        await new Promise((resolve) => (wake = resolve));
      }
    };
    child.send({ type: 'start', url, token, subscribers, after: encodeCursor([startSeq]), startSeq });
    // A warm-up event: every client has it once its subscription is live (late ones replay it).
    const warm = await append();
    child.send({ type: 'warm', seq: warm.seq });
    await expect('ready');
    const heapPerSocket = (heapAfterGc() - heapBefore) / subscribers;

    const count = Math.round(durationS * rate);
    const started = now();
    for (let i = 0; i < count; i++) {
      const wait = started + (i * 1000) / rate - now();
      if (wait > 0) await sleep(wait);
      child.send({ type: 'commit', ...(await append()) });
    }
    const elapsed = (now() - started) / 1000;
    child.send({ type: 'finish', last: warm.seq + count });
    const summary = await expect('summary');
    child.disconnect();
    return {
      phase: '1 process, graphql-ws (inboxEvents)',
      subscribers,
      events: count,
      rate: (count / elapsed).toFixed(1),
      ...summary.figures,
      heapKiBPerSub: (heapPerSocket / 1024).toFixed(1),
    };
  } finally {
    stopChild();
    await app.stop();
  }
}

/** The client process: N sockets, one subscription each; measures receipt times. */
async function clients() {
  const { createClient } = await import(requireFromApi.resolve('graphql-ws'));
  const WebSocket = requireFromApi('ws');
  const commits = new Map();
  let start = null;
  let warmSeq = null;
  const states = [];
  let readyReported = false;
  const checkReady = () => {
    if (readyReported || warmSeq === null || states.length < start.subscribers) return;
    if (states.every((s) => s.last >= warmSeq)) {
      readyReported = true;
      process.send({ type: 'ready' });
    }
  };
  process.on('message', async (message) => {
    if (message.type === 'start') {
      start = message;
      // Connect in batches of 50, each waiting for the previous one to be acknowledged: a burst
      // of thousands of handshakes overflows the accept backlog of a busy server.
      let pending = [];
      for (let i = 0; i < message.subscribers; i++) {
        const state = { last: message.startSeq, delivered: 0, gaps: 0, receipts: new Map(), error: null };
        states.push(state);
        const fail = (error) => {
          state.error = String(error?.message ?? error?.reason ?? error?.code ?? error);
          if (!readyReported) process.send({ type: 'error', message: `client ${i}: ${state.error}` });
        };
        let connected;
        pending.push(new Promise((resolve) => (connected = resolve)));
        const client = createClient({
          url: message.url,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: message.token },
          lazy: false,
          retryAttempts: 0,
          onNonLazyError: fail,
          on: { connected: () => connected(), closed: () => connected() },
        });
        state.client = client;
        client.subscribe(
          { query: QUERY, variables: { org: HUB_ODS, after: message.after } },
          {
            next: (result) => {
              const at = now();
              const event = result.data?.inboxEvents;
              if (result.errors) state.error = result.errors[0].message;
              if (event?.__typename !== 'InboxEvent') return;
              if (event.seq !== state.last + 1) state.gaps++;
              state.last = event.seq;
              state.delivered++;
              state.receipts.set(event.seq, at);
              if (!readyReported) checkReady();
            },
            error: fail,
            complete: () => {},
          },
        );
        if (pending.length === 50) {
          await Promise.all(pending);
          pending = [];
        }
      }
    } else if (message.type === 'warm') {
      warmSeq = message.seq;
      checkReady();
    } else if (message.type === 'commit') {
      commits.set(message.seq, message.committedAt);
    } else if (message.type === 'finish') {
      const deadline = now() + 10_000;
      while (states.some((s) => s.last < message.last && !s.error) && now() < deadline) await sleep(50);
      const expected = message.last - warmSeq;
      const latencies = [];
      let delivered = 0;
      for (const s of states) {
        for (const [seq, at] of s.receipts) {
          if (seq <= warmSeq) continue;
          delivered++;
          const committedAt = commits.get(seq);
          if (committedAt) latencies.push(at - committedAt);
        }
      }
      latencies.sort((a, b) => a - b);
      const pct = (p) =>
        latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN;
      const errors = states.filter((s) => s.error).map((s) => s.error);
      process.send({
        type: 'summary',
        figures: {
          delivered: `${delivered}/${expected * states.length}`,
          lost: expected * states.length - delivered,
          withGap: states.filter((s) => s.gaps > 0 || s.last !== message.last).length,
          p50: pct(50).toFixed(1),
          p99: pct(99).toFixed(1),
          max: latencies.length ? latencies[latencies.length - 1].toFixed(1) : 'n/a',
          errors: errors.length ? `${errors.length}: ${errors[0]}` : 0,
        },
      });
      await Promise.all(states.map((s) => s.client.dispose()));
      process.exit(0);
    }
  });
  process.on('uncaughtException', (error) => process.send({ type: 'error', message: String(error?.stack ?? error) }));
}

if (process.argv[2] === '--clients') await clients();
