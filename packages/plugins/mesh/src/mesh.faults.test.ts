import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeshClient } from './mesh.client.js';
import { MeshError } from './mesh.errors.js';
import { HUB, SHARED_SECRET, startMeshFixture } from './mesh.testkit.js';
import type { MeshFixture } from './mesh.testkit.js';
import { startMeshServer } from './testing/mesh-server.js';

let fx: MeshFixture;

beforeAll(async () => {
  fx = await startMeshFixture();
});
afterAll(async () => fx.stop());

async function meshError(promise: Promise<unknown>): Promise<MeshError> {
  const err: unknown = await promise.then(
    () => new Error('expected a MeshError'),
    (e: unknown) => e,
  );
  if (!(err instanceof MeshError)) throw err;
  return err;
}

describe('transient failures are typed and retryable', () => {
  it('5xx -> SERVER_ERROR, and the next request succeeds', async () => {
    const hub = fx.client(HUB);
    fx.server.faults.failNext(2, { status: 502 });
    expect(await meshError(hub.listInbox())).toMatchObject({ code: 'SERVER_ERROR', retryable: true, status: 502 });
    expect(await meshError(hub.handshake())).toMatchObject({ code: 'SERVER_ERROR', operation: 'handshake' });
    await expect(hub.handshake()).resolves.toBeUndefined();
  });

  it('no answer within timeoutMs -> TIMEOUT', async () => {
    const hub = fx.client(HUB, { timeoutMs: 200 });
    fx.server.faults.hangNext(1);
    const started = Date.now();
    expect(await meshError(hub.listInbox())).toMatchObject({
      code: 'TIMEOUT',
      retryable: true,
      operation: 'listInbox',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(hub.listInbox()).resolves.toMatchObject({ messageIds: [] });
  });

  it('connection reset -> CONNECTION', async () => {
    const hub = fx.client(HUB);
    fx.server.faults.resetNext(1);
    expect(await meshError(hub.handshake())).toMatchObject({ code: 'CONNECTION', retryable: true });
  });

  it('nothing listening -> CONNECTION', async () => {
    const gone = await startMeshServer({ mailboxes: [HUB], sharedSecret: SHARED_SECRET });
    const url = gone.url;
    await gone.stop();
    const client = new MeshClient({
      baseUrl: url,
      mailboxId: HUB.id,
      password: HUB.password,
      sharedSecret: SHARED_SECRET,
    });
    try {
      expect(await meshError(client.handshake())).toMatchObject({ code: 'CONNECTION', retryable: true });
    } finally {
      client.close();
    }
  });
});

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'ignore' });
}

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasOpenssl())('mutual TLS', () => {
  let dir: string;
  const pem = (name: string) => readFileSync(join(dir, name));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mesh-tls-'));
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl(
      ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=Test MESH CA'],
      dir,
    );
    for (const [name, cn] of [
      ['server', 'localhost'],
      ['client', 'X26HUB01'],
    ] as const) {
      openssl(['req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`], dir);
      const ext = name === 'server' ? ['-extfile', 'san.cnf'] : [];
      if (name === 'server') execFileSync('sh', ['-c', 'echo "subjectAltName=IP:127.0.0.1" > san.cnf'], { cwd: dir });
      openssl(
        [
          'x509',
          '-req',
          '-in',
          `${name}.csr`,
          '-CA',
          'ca.crt',
          '-CAkey',
          'ca.key',
          '-CAcreateserial',
          '-out',
          `${name}.crt`,
          '-days',
          '1',
          ...ext,
        ],
        dir,
      );
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('connects with the configured client certificate and fails without one', async () => {
    const server = await startMeshServer({
      mailboxes: [HUB],
      sharedSecret: SHARED_SECRET,
      tls: { key: pem('server.key'), cert: pem('server.crt'), ca: pem('ca.crt'), requestCert: true },
    });
    const base = {
      baseUrl: server.url,
      mailboxId: HUB.id,
      password: HUB.password,
      sharedSecret: SHARED_SECRET,
      timeoutMs: 3_000,
    };
    const withCert = new MeshClient({
      ...base,
      tls: { cert: pem('client.crt'), key: pem('client.key'), ca: pem('ca.crt') },
    });
    const withoutCert = new MeshClient({ ...base, tls: { ca: pem('ca.crt') } });
    try {
      expect(server.url.startsWith('https://')).toBe(true);
      await expect(withCert.handshake()).resolves.toBeUndefined();
      const err = await meshError(withoutCert.handshake());
      expect(['AUTH_FAILED', 'CONNECTION']).toContain(err.code);
    } finally {
      withCert.close();
      withoutCert.close();
      await server.stop();
    }
  });
});
