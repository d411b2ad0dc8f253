/**
 * Chunking, compression and checksums for MESH payloads (docs/domain/national-interfaces.md#mesh-sending-and-chunking):
 * split the uncompressed
 * data, compress each chunk independently, checksum the whole uncompressed payload.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Splits data into pieces of at most `size` bytes; empty data is one empty piece. */
export function splitIntoChunks(data: Buffer, size: number): Buffer[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('chunk size must be a positive integer');
  if (data.length === 0) return [data];
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += size) pieces.push(data.subarray(offset, offset + size));
  return pieces;
}

/** Gzips one chunk. */
export function gzipChunk(data: Buffer): Buffer {
  return gzipSync(data);
}

/** Gunzips one chunk; throws on corrupt data. */
export function gunzipChunk(data: Buffer): Buffer {
  return gunzipSync(data);
}

/** Parses a `mex-chunk-range` value ("k:n"); null when malformed. */
export function parseChunkRange(value: string | undefined): { chunk: number; total: number } | null {
  if (value === undefined) return null;
  const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(value);
  if (!m) return null;
  const chunk = Number(m[1]);
  const total = Number(m[2]);
  if (chunk < 1 || total < 1 || chunk > total) return null;
  return { chunk, total };
}

const ALGORITHMS = { md5: 32, sha1: 40, sha256: 64 } as const;
type ChecksumAlgorithm = keyof typeof ALGORITHMS;

/** The checksum this adapter sends: `sha256:<hex>` of the uncompressed payload. */
export function meshChecksum(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/**
 * Checks a received `mex-content-checksum`. MESH treats the value as free text; this understands
 * `<md5|sha1|sha256>:<hex>` and bare hex of those lengths. Returns 'match', 'mismatch', or
 * 'unknown' for a form it cannot check (then the payload is passed on unverified).
 */
export function verifyMeshChecksum(data: Buffer, checksum: string): 'match' | 'mismatch' | 'unknown' {
  const value = checksum.trim().toLowerCase();
  const m = /^(?:(md5|sha1|sha256)\s*:\s*)?([0-9a-f]+)$/.exec(value);
  if (!m) return 'unknown';
  const hex = m[2]!;
  let algorithm = m[1] as ChecksumAlgorithm | undefined;
  algorithm ??= (Object.keys(ALGORITHMS) as ChecksumAlgorithm[]).find((a) => ALGORITHMS[a] === hex.length);
  if (algorithm === undefined || ALGORITHMS[algorithm] !== hex.length) return 'unknown';
  return createHash(algorithm).update(data).digest('hex') === hex ? 'match' : 'mismatch';
}

/**
 * Makes a header value safe for HTTP: MESH headers are ASCII. Accents are stripped (Zoë -> Zoe)
 * and anything else outside printable ASCII becomes "?", so a name can never break a request.
 */
export function asciiHeaderValue(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}
