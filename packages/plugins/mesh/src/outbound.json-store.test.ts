import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutboundDelivery } from './mesh.outbound.types.js';
import { JsonFileOutboundStore } from './outbound.json-store.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const delivery = (id: string, state: OutboundDelivery['state']): OutboundDelivery => ({
  id,
  consultationId: 'c1',
  documentId: id,
  version: 1,
  itkMessageId: `itk-${id}`,
  to: 'GPPROVIDER_9990000018_19800229_Testpatient',
  recipientOdsCode: 'Y99011',
  body: '{"resourceType":"Bundle","name":"Testpatient"}',
  subject: 'Consultation report for Alex Testpatient',
  localId: 'Y99000',
  fileName: `consultation-report-${id}-v1.json`,
  meshMessageId: state === 'QUEUED' ? undefined : `mesh-${id}`,
  state,
  attempts: 1,
  createdAt: new Date('2026-11-24T08:00:00Z'),
  sentAt: state === 'QUEUED' ? undefined : new Date('2026-11-24T08:01:00Z'),
  infAck: state === 'INF_ACKED' ? { code: '20013', at: new Date('2026-11-24T08:02:00Z') } : undefined,
  busAck: undefined,
  failure: undefined,
});

describe('JsonFileOutboundStore', () => {
  it('survives a restart, finds deliveries by MESH and ITK ids, and drops the message once MESH has it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mesh-store-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'outbound.json');
    const first = await JsonFileOutboundStore.open(path);
    await first.save(delivery('a', 'QUEUED'));
    await first.save(delivery('b', 'INF_ACKED'));

    const reopened = await JsonFileOutboundStore.open(path);
    expect(await reopened.get('a')).toEqual(delivery('a', 'QUEUED'));
    expect(await reopened.byMeshMessageId('mesh-b')).toMatchObject({
      id: 'b',
      infAck: { code: '20013', at: new Date('2026-11-24T08:02:00Z') },
    });
    expect(await reopened.byItkMessageId('itk-b')).toMatchObject({ id: 'b', body: '', subject: '', to: '' });
    expect((await reopened.awaitingAck()).map((d) => d.id)).toEqual(['b']);
    expect(await readFile(path, 'utf8')).toContain('Testpatient');
    await reopened.save({ ...delivery('a', 'SENT') });
    expect(await readFile(path, 'utf8')).not.toContain('Testpatient');
  });
});
