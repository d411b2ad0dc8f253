import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../platform/graphql/relay.js';
import { uuidv7 } from '../../platform/ids.js';
import { codeOf, describeEachDatabase } from '../../test/harness.js';
import { asPlugin, ok, registerPlugin } from '../plugins/plugins.testkit.js';
import { footprint, http, photo, submitWithFiles, upload } from './attachments.testkit.js';

type Res = Record<string, any>;
const LINK = `query ($id: ID!) { attachmentDownloadLink(attachmentId: $id) { attachmentId url } }`;
const SCAN = `mutation ($input: RecordAttachmentScanInput!) { recordAttachmentScan(input: $input) { attachment { attachmentId status scanVerdict } } }`;
const STATUS = `query ($id: ID!) { onlineConsultation(id: $id) { attachments { status scanVerdict downloadUrl } } }`;
const SCANNER = {
  scopes: ['attachments:scan', 'events:read'],
  events: ['inbox.ATTACHMENT_RECEIVED'],
  producesCodes: [],
  producesEntryKinds: [],
};

let received: string[] = [];
let server: Server;
let webhookUrl = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scan`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function uploaded(
  hub: () => any,
  i: number,
): Promise<{ consultationId: string; attachmentId: string; bytes: Buffer }> {
  const bytes = photo(5000 + i);
  const consultationId = await submitWithFiles(hub(), i, [bytes]);
  const put = await upload(hub(), consultationId, 0, bytes);
  expect(put.status).toBe(201);
  return { consultationId, attachmentId: JSON.parse(put.body.toString()).attachment.attachmentId, bytes };
}

describeEachDatabase('attachment scanning by a plugin', (hub) => {
  it('holds uploads PENDING_SCAN while a scanner is enabled; the scanner fetches and clears them (CLEAN releases, INFECTED rejects)', async () => {
    received = [];
    const scanner = await registerPlugin(hub(), { ...SCANNER, webhookUrl });
    const clean = await uploaded(hub, 50);
    const infected = await uploaded(hub, 51);
    expect(codeOf(await hub().gql(LINK, { id: clean.attachmentId }, 'hub.anp1'))).toBe('ATTACHMENT_NOT_AVAILABLE');
    expect(
      (await hub().gql<Res>(STATUS, { id: clean.consultationId }, 'hub.anp1')).data!.onlineConsultation.attachments[0],
    ).toEqual({
      status: 'PENDING_SCAN',
      scanVerdict: null,
      downloadUrl: null,
    });
    const cleanDb = fromGlobalId(clean.attachmentId)!.id;
    await expect.poll(() => received.filter((b) => b.includes(clean.attachmentId)).length, { timeout: 20_000 }).toBe(1);
    expect(JSON.parse(received.find((b) => b.includes(clean.attachmentId))!)).toMatchObject({
      type: 'inbox.ATTACHMENT_RECEIVED',
      data: {
        consultationId: clean.consultationId,
        attachmentId: clean.attachmentId,
        position: 0,
        status: 'PENDING_SCAN',
      },
    });

    const call = asPlugin(hub(), scanner.key, 'Y99000');
    // The scanner may name the attachment by the event's global id or its uuid.
    const link = (await ok(call<Res>(LINK, { id: clean.attachmentId }))).attachmentDownloadLink;
    expect((await ok(call<Res>(LINK, { id: cleanDb }))).attachmentDownloadLink.attachmentId).toBe(clean.attachmentId);
    const fetched = await http(hub(), 'GET', link.url);
    expect(fetched.body.equals(clean.bytes)).toBe(true);
    const scanned = await ok(call<Res>(SCAN, { input: { attachmentId: cleanDb, verdict: 'CLEAN' } }));
    expect(scanned.recordAttachmentScan.attachment).toEqual({
      attachmentId: clean.attachmentId,
      status: 'AVAILABLE',
      scanVerdict: 'CLEAN',
    });
    expect(
      (await ok(call<Res>(SCAN, { input: { attachmentId: cleanDb, verdict: 'CLEAN' } }))).recordAttachmentScan
        .attachment.status,
    ).toBe('AVAILABLE');
    const staff = (await hub().gql<Res>(LINK, { id: clean.attachmentId }, 'hub.anp1')).data!.attachmentDownloadLink;
    expect((await http(hub(), 'GET', staff.url)).body.equals(clean.bytes)).toBe(true);

    const earlier = (await ok(call<Res>(LINK, { id: infected.attachmentId }))).attachmentDownloadLink.url;
    const rejected = await ok(call<Res>(SCAN, { input: { attachmentId: infected.attachmentId, verdict: 'INFECTED' } }));
    expect(rejected.recordAttachmentScan.attachment).toMatchObject({ status: 'REJECTED', scanVerdict: 'INFECTED' });
    const infectedDb = fromGlobalId(infected.attachmentId)!.id;
    expect(await hub().sql('select seq from attachment_chunk where attachment_id = ?', [infectedDb])).toEqual([]);
    expect(codeOf(await hub().gql(LINK, { id: infected.attachmentId }, 'hub.anp1'))).toBe('ATTACHMENT_NOT_AVAILABLE');
    expect(codeOf(await call(SCAN, { input: { attachmentId: infectedDb, verdict: 'CLEAN' } }))).toBe(
      'INVALID_TRANSITION',
    );
    // A link issued before the verdict no longer opens the rejected file.
    const refused = await http(hub(), 'GET', earlier);
    expect([refused.status, refused.code]).toEqual([409, 'ATTACHMENT_NOT_AVAILABLE']);
    const audits = await hub().sql<{ reason: string }>(
      "select reason from audit_event where action = 'recordAttachmentScan' order by at",
    );
    expect(audits.map((a) => a.reason)).toEqual([`${cleanDb} CLEAN`, `${infectedDb} INFECTED`]);
  });

  it('answers NOT_FOUND to a scanner of another inbox and FORBIDDEN to a plugin without the scope; staff cannot record verdicts', async () => {
    const { attachmentId } = await uploaded(hub, 52);
    const elsewhere = await registerPlugin(hub(), SCANNER, ['p1.admin']);
    expect(
      codeOf(await asPlugin(hub(), elsewhere.key, 'Y99011')(SCAN, { input: { attachmentId, verdict: 'CLEAN' } })),
    ).toBe('NOT_FOUND');
    expect(codeOf(await asPlugin(hub(), elsewhere.key, 'Y99011')(LINK, { id: attachmentId }))).toBe('NOT_FOUND');
    const noScope = await registerPlugin(hub(), { scopes: ['events:read'], events: ['inbox.ATTACHMENT_RECEIVED'] });
    expect(
      codeOf(await asPlugin(hub(), noScope.key, 'Y99000')(SCAN, { input: { attachmentId, verdict: 'CLEAN' } })),
    ).toBe('FORBIDDEN');
    expect(codeOf(await hub().gql(SCAN, { input: { attachmentId, verdict: 'CLEAN' } }, 'hub.manager'))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await hub().gql(
          SCAN,
          { input: { attachmentId: toGlobalId('Attachment', uuidv7()), verdict: 'CLEAN' } },
          'oc.supplier',
        ),
      ),
    ).toBe('NOT_FOUND');
    expect((await footprint(hub())).attachments).toBeGreaterThan(0);
  });
});

describeEachDatabase(
  'attachments when a scan is required',
  (hub) => {
    it('holds every upload PENDING_SCAN even with no scanner enabled', async () => {
      const { consultationId, attachmentId } = await uploaded(hub, 53);
      expect(
        (await hub().gql<Res>(STATUS, { id: consultationId }, 'hub.anp1')).data!.onlineConsultation.attachments[0]
          .status,
      ).toBe('PENDING_SCAN');
      expect(codeOf(await hub().gql(LINK, { id: attachmentId }, 'hub.anp1'))).toBe('ATTACHMENT_NOT_AVAILABLE');
    });
  },
  { ATTACHMENT_SCAN_REQUIRED: 'true' },
);
