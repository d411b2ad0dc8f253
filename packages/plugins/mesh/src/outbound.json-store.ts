/**
 * A JSON-file {@link OutboundStore}: the write-back bridge's correlation of write-back messages,
 * MESH message ids and ITK message ids, surviving a restart. Good for one process and for tests;
 * a production deployment would keep this with the hub (or its own database), like the inbound
 * side does. Every save rewrites the file atomically (temporary file, then rename).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { OutboundDelivery, OutboundStore } from './mesh.outbound.types.js';

type Stored = Omit<OutboundDelivery, 'createdAt' | 'sentAt' | 'infAck' | 'busAck'> & {
  createdAt: string;
  sentAt: string | null;
  infAck: { code: string; at: string } | null;
  busAck: { code: string; at: string } | null;
};

function toStored(d: OutboundDelivery): Stored {
  // Once MESH has the message, the rendered bundle, subject and address (patient data) are no
  // longer needed here: keep them only while a resend may still happen.
  const keepMessage = d.state === 'QUEUED';
  return {
    ...d,
    to: keepMessage ? d.to : '',
    body: keepMessage ? d.body : '',
    subject: keepMessage ? d.subject : '',
    createdAt: d.createdAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    infAck: d.infAck ? { code: d.infAck.code, at: d.infAck.at.toISOString() } : null,
    busAck: d.busAck ? { code: d.busAck.code, at: d.busAck.at.toISOString() } : null,
  };
}

function fromStored(s: Stored): OutboundDelivery {
  return {
    ...s,
    recipientOdsCode: s.recipientOdsCode ?? undefined,
    meshMessageId: s.meshMessageId ?? undefined,
    failure: s.failure ?? undefined,
    createdAt: new Date(s.createdAt),
    sentAt: s.sentAt === null ? undefined : new Date(s.sentAt),
    infAck: s.infAck === null ? undefined : { code: s.infAck.code, at: new Date(s.infAck.at) },
    busAck: s.busAck === null ? undefined : { code: s.busAck.code, at: new Date(s.busAck.at) },
  };
}

/** An {@link OutboundStore} kept in one JSON file (mode 0600). Open it with {@link JsonFileOutboundStore.open}. */
export class JsonFileOutboundStore implements OutboundStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly rows: Map<string, Stored>,
  ) {}

  /** Loads the file (or starts empty when there is none). */
  static async open(path: string): Promise<JsonFileOutboundStore> {
    let rows: Stored[] = [];
    try {
      rows = JSON.parse(await readFile(path, 'utf8')) as Stored[];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return new JsonFileOutboundStore(path, new Map(rows.map((r) => [r.id, r])));
  }

  async save(delivery: OutboundDelivery): Promise<void> {
    this.rows.set(delivery.id, toStored(delivery));
    await this.flush();
  }

  async get(id: string): Promise<OutboundDelivery | undefined> {
    const row = this.rows.get(id);
    return row && fromStored(row);
  }

  async byMeshMessageId(meshMessageId: string): Promise<OutboundDelivery | undefined> {
    return this.find((r) => r.meshMessageId === meshMessageId);
  }

  async byItkMessageId(itkMessageId: string): Promise<OutboundDelivery | undefined> {
    return this.find((r) => r.itkMessageId === itkMessageId);
  }

  async awaitingAck(): Promise<OutboundDelivery[]> {
    return [...this.rows.values()].filter((r) => r.state === 'SENT' || r.state === 'INF_ACKED').map(fromStored);
  }

  /** Every delivery (for inspection and tests). */
  async all(): Promise<OutboundDelivery[]> {
    return [...this.rows.values()].map(fromStored);
  }

  private async find(match: (row: Stored) => boolean): Promise<OutboundDelivery | undefined> {
    for (const row of this.rows.values()) if (match(row)) return fromStored(row);
    return undefined;
  }

  /** Writes the whole map; writes are chained so the file always holds the latest complete state. */
  private flush(): Promise<void> {
    const snapshot = JSON.stringify([...this.rows.values()]);
    const next = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      await writeFile(tmp, snapshot, { mode: 0o600 });
      await rename(tmp, this.path);
    });
    // A failed write must not poison later ones; the caller still sees this one fail.
    this.writing = next.catch(() => undefined);
    return next;
  }
}
