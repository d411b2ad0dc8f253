/**
 * End to end, attachments: the files a consultation carries over MESH reach the hub with it, the
 * way a supplier uploads them through the API, and staff fetch them by a signed link.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeshPlugin } from './mesh.plugin.types.js';
import { startMeshPlugin } from './mesh.plugin.js';
import { HUB_BOX, OC_WORKFLOW, SUPPLIER_BOX, demoPatient, startE2e, until } from './plugin.e2e.testkit.js';
import type { E2e } from './plugin.e2e.testkit.js';
import { onlineConsultationReportBundle, plainOnlineConsultation } from './testing/oc-fixtures.js';
import { MemoryOutboundStore } from './testing/memory-outbound-store.js';

const MESSAGES = `query { inboundMessages(first: 200) { edges { node { messageId state onlineConsultationId } } } }`;
const ATTACHMENTS = `query ($id: ID!) { onlineConsultation(id: $id) { attachments { position fileName contentType sizeBytes status sha256 downloadUrl } } }`;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let e2e: E2e;
let plugin: MeshPlugin;
let patient: Awaited<ReturnType<typeof demoPatient>>;

beforeAll(async () => {
  e2e = await startE2e();
  patient = await demoPatient(e2e, 1);
  plugin = await startMeshPlugin(
    e2e.config({
      writeBack: { signingSecrets: {}, routing: { kind: 'ENDPOINT_LOOKUP' }, store: new MemoryOutboundStore() },
    }),
  );
});
afterAll(async () => {
  await plugin.stop();
  await e2e.stop();
});

const fixture = (reference: string) => ({
  nhsNumber: patient.nhsNumber,
  givenName: patient.givenName,
  familyName: patient.familyName,
  dateOfBirth: patient.dateOfBirth,
  practiceOdsCode: 'Y99011',
  reference,
  submittedAt: new Date(Date.now() - 3_600_000).toISOString(),
});

/** The consultation a MESH message became, once the hub settled it. */
const consultationOf = (messageId: string) =>
  until(async () => {
    const data = await e2e.gql('hub.coord1', MESSAGES);
    const node = data.inboundMessages.edges.map((e: any) => e.node).find((n: any) => n.messageId === messageId);
    return node && node.state !== 'RECEIVED' ? (node.onlineConsultationId as string) : undefined;
  }, `message ${messageId} settled`);

async function fetchLink(path: string): Promise<Buffer> {
  const res = await fetch(new URL(path, e2e.hub.url));
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('MESH attachments -> hub', () => {
  it('uploads the files of a plain JSON and a GP Connect consultation, checksummed, for staff to download', async () => {
    const supplier = e2e.client(SUPPLIER_BOX, 4096);
    const photo = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
    const plain = {
      ...plainOnlineConsultation(fixture(`PLAIN-${randomUUID()}`)),
      attachments: [
        {
          fileName: 'rash.jpg',
          contentType: 'image/jpeg',
          sizeBytes: photo.length,
          contentBase64: photo.toString('base64'),
        },
      ],
    };
    const sentPlain = await supplier.send({ to: HUB_BOX.id, workflowId: OC_WORKFLOW, body: JSON.stringify(plain) });
    const sentReport = await supplier.send({
      to: HUB_BOX.id,
      workflowId: OC_WORKFLOW,
      body: JSON.stringify(onlineConsultationReportBundle(fixture(`OCR-${randomUUID()}`))),
    });

    const plainId = await consultationOf(sentPlain.messageId);
    const [jpeg] = (await e2e.gql('hub.coord1', ATTACHMENTS, { id: plainId })).onlineConsultation.attachments;
    expect(jpeg).toMatchObject({
      position: 0,
      fileName: 'rash.jpg',
      contentType: 'image/jpeg',
      status: 'AVAILABLE',
      sha256: sha256(photo),
    });
    expect((await fetchLink(jpeg.downloadUrl)).equals(photo)).toBe(true);

    const reportId = await consultationOf(sentReport.messageId);
    const [pdf] = (await e2e.gql('hub.coord1', ATTACHMENTS, { id: reportId })).onlineConsultation.attachments;
    const pdfBytes = Buffer.from('%PDF-1.4 synthetic');
    expect(pdf).toMatchObject({
      contentType: 'application/pdf',
      sizeBytes: pdfBytes.length,
      status: 'AVAILABLE',
      sha256: sha256(pdfBytes),
    });
    expect((await fetchLink(pdf.downloadUrl)).equals(pdfBytes)).toBe(true);
  });

  it('keeps the consultation when the hub refuses a file, and logs the refusal with codes only', async () => {
    const supplier = e2e.client(SUPPLIER_BOX);
    const bytes = Buffer.from('not the declared size');
    const plain = {
      ...plainOnlineConsultation(fixture(`BAD-${randomUUID()}`)),
      attachments: [
        {
          fileName: 'scan.pdf',
          contentType: 'application/pdf',
          sizeBytes: bytes.length + 5,
          contentBase64: bytes.toString('base64'),
        },
      ],
    };
    const sent = await supplier.send({ to: HUB_BOX.id, workflowId: OC_WORKFLOW, body: JSON.stringify(plain) });
    const id = await consultationOf(sent.messageId);
    const [file] = (await e2e.gql('hub.coord1', ATTACHMENTS, { id })).onlineConsultation.attachments;
    expect(file).toMatchObject({ status: 'AWAITING_UPLOAD', downloadUrl: null });
    const line = e2e.logs.find((l) => l.includes('mesh.attachment.refused') && l.includes(sent.messageId));
    expect(line && JSON.parse(line)).toMatchObject({
      level: 'warn',
      code: 'BAD_USER_INPUT',
      field: 'content-length',
      position: 0,
    });
    expect(line).not.toContain('scan.pdf');
  });
});
