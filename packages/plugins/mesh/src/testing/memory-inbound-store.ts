/**
 * An in-memory {@link InboundStore} for tests. It outlives the pollers that use it, which is how
 * tests model a database surviving a process restart.
 */
import type { InboundDownloadFailure, InboundMessage, InboundOutcome, InboundStore } from '../mesh.inbound.types.js';

/** A stored message and what became of it. */
export interface StoredInbound {
  message: InboundMessage;
  outcome: InboundOutcome | undefined;
  persistCount: number;
}

/** In-memory inbound store. */
export class MemoryInboundStore implements InboundStore {
  readonly messages = new Map<string, StoredInbound>();
  readonly downloadFailures: InboundDownloadFailure[] = [];

  async persist(message: InboundMessage): Promise<{ alreadyProcessed: boolean }> {
    const existing = this.messages.get(message.meshMessageId);
    if (existing) {
      existing.persistCount++;
      return { alreadyProcessed: existing.outcome !== undefined };
    }
    // Copy the bytes: the caller's buffer is not ours to keep.
    this.messages.set(message.meshMessageId, {
      message: { ...message, body: Buffer.from(message.body), headers: { ...message.headers } },
      outcome: undefined,
      persistCount: 1,
    });
    return { alreadyProcessed: false };
  }

  async markProcessed(meshMessageId: string, outcome: InboundOutcome): Promise<void> {
    const stored = this.messages.get(meshMessageId);
    if (!stored) throw new Error(`markProcessed before persist: ${meshMessageId}`);
    stored.outcome = outcome;
  }

  async pending(): Promise<InboundMessage[]> {
    return [...this.messages.values()].filter((m) => m.outcome === undefined).map((m) => m.message);
  }

  async recordDownloadFailure(failure: InboundDownloadFailure): Promise<void> {
    this.downloadFailures.push(failure);
  }

  /** Outcomes by kind, for assertions. */
  outcomes(kind?: InboundOutcome['kind']): InboundOutcome[] {
    return [...this.messages.values()]
      .map((m) => m.outcome)
      .filter((o): o is InboundOutcome => o !== undefined && (kind === undefined || o.kind === kind));
  }
}
