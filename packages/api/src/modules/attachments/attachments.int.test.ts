import { expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../platform/graphql/relay.js';
import { uuidv7 } from '../../platform/ids.js';
import { codeOf, describeEachDatabase } from '../../test/harness.js';
import { submission, SUBMIT } from '../inbox/inbox.testkit.js';
import { announce, footprint, http, photo, sha256, submitWithFiles, upload } from './attachments.testkit.js';
import { signLink } from './links.rules.js';

type Res = Record<string, any>;
const MAX = 1024 * 1024;
const ATTACHMENTS = `query ($id: ID!) { onlineConsultation(id: $id) {
  attachments { attachmentId position fileName contentType sizeBytes status sha256 scanVerdict receivedAt downloadUrl } } }`;
const LINK = `query ($id: ID!) { attachmentDownloadLink(attachmentId: $id) { attachmentId url expiresAt } }`;

describeEachDatabase(
  'attachments',
  (hub) => {
    it('stores an upload in 256 KiB chunks, lists it on the consultation and serves it by a signed link, audited', async () => {
      const bytes = photo(600 * 1024);
      const id = await submitWithFiles(hub(), 40, [bytes], (f) => ({ sha256: sha256(f) }));
      const put = await upload(hub(), id, 0, bytes);
      expect(put.status).toBe(201);
      const stored = JSON.parse(put.body.toString()).attachment;
      expect(stored).toMatchObject({
        position: 0,
        status: 'AVAILABLE',
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
      });
      const dbId = fromGlobalId(stored.attachmentId)!.id;
      const chunks = await hub().sql<{ seq: number; n: number }>(
        'select seq, length(data)::int as n from attachment_chunk where attachment_id = ? order by seq',
        [dbId],
      );
      expect(chunks).toEqual([
        { seq: 0, n: 262144 },
        { seq: 1, n: 262144 },
        { seq: 2, n: 614400 - 524288 },
      ]);

      const view = (await hub().gql<Res>(ATTACHMENTS, { id }, 'hub.anp1')).data!.onlineConsultation.attachments[0];
      expect(view).toMatchObject({
        attachmentId: stored.attachmentId,
        status: 'AVAILABLE',
        sha256: sha256(bytes),
        scanVerdict: null,
        fileName: 'photo-0.jpg',
      });
      expect(view.downloadUrl).toMatch(/^\/attachments\/[0-9a-f-]{36}\?link=/);
      const got = await http(hub(), 'GET', view.downloadUrl);
      expect(got.status).toBe(200);
      expect(got.body.equals(bytes)).toBe(true);
      expect(got.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'content-disposition': `attachment; filename="photo-0.jpg"; filename*=UTF-8''photo-0.jpg`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      const audits = await hub().sql<{ actor_id: string; subject_id: string; reason: string }>(
        "select actor_id, subject_id, reason from audit_event where action = 'downloadAttachment' and reason = ?",
        [dbId],
      );
      expect(audits).toEqual([{ actor_id: 'hub.anp1', subject_id: fromGlobalId(id)!.id, reason: dbId }]);
      const events = await hub().sql<{ payload: Res }>(
        "select payload from event_log where type = 'ATTACHMENT_RECEIVED' and subject_id = ?",
        [fromGlobalId(id)!.id],
      );
      expect(events.map((e) => e.payload)).toEqual([
        { consultationId: fromGlobalId(id)!.id, attachmentId: dbId, position: 0, status: 'AVAILABLE' },
      ]);
      // The same bytes again: the first upload stands.
      expect((await upload(hub(), id, 0, bytes)).status).toBe(409);
    });

    it('refuses a declaration over the size limit or of a type not allowed, storing nothing', async () => {
      const before = await hub().sql<{ n: number }>('select count(*)::int as n from online_consultation');
      const big = await hub().gql(
        SUBMIT,
        {
          input: submission(41, {
            attachments: [{ fileName: 'a.jpg', contentType: 'image/jpeg', sizeBytes: MAX + 1 }],
          }),
        },
        'oc.supplier',
      );
      expect(big.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.attachments[0].sizeBytes',
      });
      const exe = await hub().gql(
        SUBMIT,
        {
          input: submission(41, {
            attachments: [{ fileName: 'a.exe', contentType: 'application/x-msdownload', sizeBytes: 10 }],
          }),
        },
        'oc.supplier',
      );
      expect(exe.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.attachments[0].contentType',
      });
      expect(await hub().sql('select count(*)::int as n from online_consultation')).toEqual(before);
    });

    it('refuses an upload before storing a byte: announced too large (413), wrong type (415), wrong size; no credentials or not a submitter', async () => {
      const bytes = photo(1000);
      const id = await submitWithFiles(hub(), 42, [bytes]);
      const before = await footprint(hub());
      const tooBig = await announce(hub(), 'PUT', `/attachments/consultations/${id}/0`, {
        authorization: `Bearer ${await hub().token('oc.supplier')}`,
        'content-type': 'image/jpeg',
        'content-length': String(MAX + 1),
      });
      expect([tooBig.status, tooBig.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const png = await upload(hub(), id, 0, bytes, { contentType: 'image/png' });
      expect([png.status, png.code, png.field]).toEqual([415, 'BAD_USER_INPUT', 'content-type']);
      const short = await upload(hub(), id, 0, bytes.subarray(0, 999));
      expect([short.status, short.code, short.field]).toEqual([400, 'BAD_USER_INPUT', 'content-length']);
      expect(
        (await http(hub(), 'PUT', `/attachments/consultations/${id}/0`, { 'content-type': 'image/jpeg' }, bytes)).code,
      ).toBe('UNAUTHENTICATED');
      expect((await upload(hub(), id, 0, bytes, { as: 'hub.anp1' })).status).toBe(403);
      expect((await upload(hub(), id, 1, bytes)).code).toBe('NOT_FOUND');
      expect(await footprint(hub())).toEqual(before);
    });

    it('stops a chunked upload as soon as it passes the declared size or the limit, and keeps nothing of it', async () => {
      const declared = photo(MAX);
      const id = await submitWithFiles(hub(), 43, [declared]);
      const before = await footprint(hub());
      const token = await hub().token('oc.supplier');
      const parts = Array.from({ length: 5 }, () => photo(300 * 1024));
      const over = await http(
        hub(),
        'PUT',
        `/attachments/consultations/${id}/0`,
        { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
        parts,
      ).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      // The hub answers and closes mid-body: the client sees the answer, or the connection reset.
      if (!(over instanceof Error)) expect([over.status, over.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect(await footprint(hub())).toEqual(before);
    });

    it('leaves nothing of an upload the client abandons half-way', async () => {
      const bytes = photo(700 * 1024);
      const id = await submitWithFiles(hub(), 44, [bytes]);
      const before = await footprint(hub());
      const { request } = await import('node:http');
      const req = request(new URL(`/attachments/consultations/${id}/0`, hub().app.url), {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${await hub().token('oc.supplier')}`,
          'content-type': 'image/jpeg',
          'content-length': String(bytes.length),
        },
      });
      req.on('error', () => undefined);
      req.write(bytes.subarray(0, 400 * 1024));
      await new Promise((r) => setTimeout(r, 300));
      req.destroy();
      await new Promise((r) => setTimeout(r, 500));
      expect(await footprint(hub())).toEqual(before);
      // The position is still free: a whole upload then succeeds.
      expect((await upload(hub(), id, 0, bytes)).status).toBe(201);
    });

    it('refuses bytes whose SHA-256 differs from the declared one or from Content-Digest', async () => {
      const bytes = photo(2048);
      const id = await submitWithFiles(hub(), 45, [bytes, bytes], (f) => ({
        sha256: sha256(Buffer.concat([f, Buffer.from('x')])),
      }));
      const before = await footprint(hub());
      const declared = await upload(hub(), id, 0, bytes);
      expect([declared.status, declared.code, declared.field]).toEqual([400, 'BAD_USER_INPUT', 'sha256']);
      const other = await submitWithFiles(hub(), 46, [bytes]);
      const digest = await upload(hub(), other, 0, bytes, {
        headers: { 'content-digest': `sha-256=:${Buffer.alloc(32).toString('base64')}:` },
      });
      expect([digest.status, digest.field]).toEqual([400, 'content-digest']);
      expect(await footprint(hub())).toEqual(before);
      const good = await upload(hub(), other, 0, bytes, {
        headers: { 'content-digest': `sha-256=:${Buffer.from(sha256(bytes), 'hex').toString('base64')}:` },
      });
      expect(good.status).toBe(201);
    });

    it('gives links only to those who may see the consultation; a link opens only its own attachment, until it expires', async () => {
      const [a, b] = [photo(3000), photo(4000)];
      const id = await submitWithFiles(hub(), 47, [a, b]);
      const first = JSON.parse((await upload(hub(), id, 0, a)).body.toString()).attachment.attachmentId;
      const second = JSON.parse((await upload(hub(), id, 1, b)).body.toString()).attachment.attachmentId;
      expect(codeOf(await hub().gql(LINK, { id: first }, 'p2.gp'))).toBe('NOT_FOUND');
      expect(codeOf(await hub().gql(LINK, { id: toGlobalId('Attachment', uuidv7()) }, 'hub.anp1'))).toBe('NOT_FOUND');
      expect(codeOf(await hub().gql(LINK, { id: toGlobalId('Prescription', uuidv7()) }, 'hub.anp1'))).toBe(
        'BAD_USER_INPUT',
      );
      const link = (await hub().gql<Res>(LINK, { id: first }, 'hub.anp1')).data!.attachmentDownloadLink;
      expect(new Date(link.expiresAt).getTime() - Date.now()).toBeGreaterThan(250_000);
      const secondDb = fromGlobalId(second)!.id;
      const swapped = link.url.replace(fromGlobalId(first)!.id, secondDb);
      expect([(await http(hub(), 'GET', swapped)).status, (await http(hub(), 'GET', swapped)).code]).toEqual([
        403,
        'FORBIDDEN',
      ]);
      const at = link.url.length - 10;
      const tampered = `${link.url.slice(0, at)}${link.url[at] === 'A' ? 'B' : 'A'}${link.url.slice(at + 1)}`;
      expect((await http(hub(), 'GET', tampered)).status).toBe(403);
      const expired = signLink(hub().config.attachments.linkSecret, {
        attachmentId: secondDb,
        expiresAt: Math.floor(Date.now() / 1000) - 1,
        actorKind: 'USER',
        actorId: 'hub.anp1',
        organisationOds: 'Y99000',
        forScan: false,
      });
      const gone = await http(hub(), 'GET', expired);
      expect([gone.status, gone.code]).toEqual([410, 'LINK_EXPIRED']);
      const audits = await hub().sql<{ n: number }>(
        "select count(*)::int as n from audit_event where action = 'downloadAttachment' and reason = ?",
        [secondDb],
      );
      expect(audits[0]!.n).toBe(0);
      expect((await http(hub(), 'GET', link.url)).body.equals(a)).toBe(true);
    });
  },
  { ATTACHMENT_MAX_BYTES: String(MAX) },
);
