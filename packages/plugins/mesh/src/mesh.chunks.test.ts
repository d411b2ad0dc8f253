import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { meshChecksum, splitIntoChunks, verifyMeshChecksum } from './mesh.chunks.js';
import type { MeshClient } from './mesh.client.js';
import { MeshError } from './mesh.errors.js';
import { HUB, OC_WORKFLOW, SUPPLIER, emptyInbox, startMeshFixture } from './mesh.testkit.js';
import type { MeshFixture } from './mesh.testkit.js';

let fx: MeshFixture;
let hub: MeshClient;
let supplier: MeshClient;

beforeAll(async () => {
  fx = await startMeshFixture();
  hub = fx.client(HUB);
  supplier = fx.client(SUPPLIER, { chunkSizeBytes: 1024, compress: true });
});
afterAll(async () => fx.stop());
beforeEach(async () => {
  fx.server.faults.clear();
  await emptyInbox(hub);
});

async function meshError(promise: Promise<unknown>): Promise<MeshError> {
  const err: unknown = await promise.then(
    () => new Error('expected a MeshError'),
    (e: unknown) => e,
  );
  if (!(err instanceof MeshError)) throw err;
  return err;
}

/** Random bytes as hex: compresses about 2:1, so 1 KB chunks of it stay distinct after gzip. */
const payload = (bytes: number) =>
  Buffer.from(
    randomBytes(Math.ceil(bytes / 2))
      .toString('hex')
      .slice(0, bytes),
  );

describe('chunked upload and download', () => {
  it('splits above the chunk size, gzips each chunk on its own and reassembles on download', async () => {
    const data = payload(5 * 1024 + 100);
    fx.server.clearRequests();
    const sent = await supplier.send({ to: HUB.id, workflowId: OC_WORKFLOW, body: data, localId: 'BIG-1' });
    expect(sent.chunkCount).toBe(6);
    const uploads = fx.server.requests().filter((r) => r.method === 'POST');
    expect(uploads.map((r) => r.path.split('/').slice(3).join('/'))).toEqual([
      'outbox',
      `outbox/${sent.messageId}/2`,
      `outbox/${sent.messageId}/3`,
      `outbox/${sent.messageId}/4`,
      `outbox/${sent.messageId}/5`,
      `outbox/${sent.messageId}/6`,
    ]);
    const stored = fx.server.message(sent.messageId)!;
    expect(stored).toMatchObject({ totalChunks: 6, receivedChunks: 6, contentEncoding: 'gzip', status: 'accepted' });
    expect(stored.body?.equals(data)).toBe(true);

    fx.server.clearRequests();
    const received = await hub.download(sent.messageId);
    expect(received.chunkCount).toBe(6);
    expect(received.checksumVerified).toBe(true);
    expect(received.body.equals(data)).toBe(true);
    const downloads = fx.server.requests();
    expect(downloads.map((r) => r.status)).toEqual([206, 206, 206, 206, 206, 200]);
  });

  it('sends uncompressed when compression is off, and exactly one chunk at the chunk size', async () => {
    const plain = fx.client(SUPPLIER, { chunkSizeBytes: 1024, compress: false });
    const sent = await plain.send({ to: HUB.id, workflowId: OC_WORKFLOW, body: payload(1024) });
    expect(sent.chunkCount).toBe(1);
    expect(fx.server.message(sent.messageId)?.contentEncoding).toBeUndefined();
    expect((await hub.download(sent.messageId)).body).toHaveLength(1024);
  });

  it('does not deliver a message until its last chunk arrived', async () => {
    fx.server.faults.failNext(1, { method: 'POST', pathPattern: /\/outbox\/[^/]+\/3$/, status: 503 });
    const err = await meshError(supplier.send({ to: HUB.id, workflowId: OC_WORKFLOW, body: payload(3000) }));
    expect(err).toMatchObject({ code: 'SERVER_ERROR', retryable: true, operation: 'sendChunk', chunk: 3 });
    const partial = fx.server.sentBy(SUPPLIER.id).find((m) => m.messageId === err.messageId)!;
    expect(partial).toMatchObject({ status: 'uploading', totalChunks: 3, receivedChunks: 2 });
    expect(fx.server.inbox(HUB.id)).toHaveLength(0);
    expect((await supplier.tracking(partial.messageId)).status).toBe('uploading');
  });

  it('raises CHUNK_MISSING when the server has lost a chunk', async () => {
    const sent = await supplier.send({ to: HUB.id, workflowId: OC_WORKFLOW, body: payload(3000) });
    fx.server.dropChunk(sent.messageId, 2);
    expect(await meshError(hub.download(sent.messageId))).toMatchObject({
      code: 'CHUNK_MISSING',
      retryable: false,
      chunk: 2,
      messageId: sent.messageId,
    });
  });

  it('raises CHECKSUM_MISMATCH when the payload does not match mex-content-checksum', async () => {
    const id = fx.server.inject({
      to: HUB.id,
      workflowId: OC_WORKFLOW,
      chunks: [gzipSync('part one,'), gzipSync(' part two')],
      contentEncoding: 'gzip',
      checksum: meshChecksum(Buffer.from('something else')),
    });
    const err = await meshError(hub.download(id));
    expect(err).toMatchObject({ code: 'CHECKSUM_MISMATCH', retryable: false, messageId: id });
    expect(err.message).not.toContain('part');
  });

  it('accepts a matching checksum in other known forms, and passes unknown forms unverified', async () => {
    const body = Buffer.from('part one, part two');
    const md5 = fx.server.inject({
      to: HUB.id,
      workflowId: OC_WORKFLOW,
      body,
      checksum: 'd41d8cd98f00b204e9800998ecf8427e',
    });
    expect(await meshError(hub.download(md5))).toMatchObject({ code: 'CHECKSUM_MISMATCH' });
    const free = fx.server.inject({ to: HUB.id, workflowId: OC_WORKFLOW, body, checksum: 'CRC32 1234' });
    expect(await hub.download(free)).toMatchObject({ checksumVerified: false });
  });

  it('treats a chunk that is not valid gzip as corrupt', async () => {
    const id = fx.server.inject({
      to: HUB.id,
      workflowId: OC_WORKFLOW,
      chunks: [gzipSync('fine'), Buffer.from('not gzip at all')],
      contentEncoding: 'gzip',
    });
    expect(await meshError(hub.download(id))).toMatchObject({ code: 'CHECKSUM_MISMATCH', chunk: 2 });
  });
});

describe('chunk helpers', () => {
  it('splits data into pieces of at most the size and keeps every byte', () => {
    const data = Buffer.from('abcdefghij');
    expect(splitIntoChunks(data, 4).map(String)).toEqual(['abcd', 'efgh', 'ij']);
    expect(splitIntoChunks(Buffer.alloc(0), 4)).toHaveLength(1);
    expect(() => splitIntoChunks(data, 0)).toThrow(RangeError);
  });

  it('verifies sha256, sha1 and md5 checksums with or without a prefix', () => {
    const data = Buffer.from('hello');
    expect(verifyMeshChecksum(data, meshChecksum(data))).toBe('match');
    expect(verifyMeshChecksum(data, 'md5:5d41402abc4b2a76b9719d911017c592')).toBe('match');
    expect(verifyMeshChecksum(data, 'AAF4C61DDCC5E8A2DABEDE0F3B482CD9AEA9434D')).toBe('match');
    expect(verifyMeshChecksum(data, 'sha1:' + '0'.repeat(40))).toBe('mismatch');
    expect(verifyMeshChecksum(data, 'sha256:abc')).toBe('unknown');
  });
});
