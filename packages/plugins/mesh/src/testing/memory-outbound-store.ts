/** An in-memory {@link OutboundStore} for tests (outlives the senders that use it). */
import type { OutboundDelivery, OutboundStore } from '../mesh.outbound.types.js';

/** In-memory outbound store; keeps copies so callers cannot change stored state by accident. */
export class MemoryOutboundStore implements OutboundStore {
  readonly deliveries = new Map<string, OutboundDelivery>();

  async save(delivery: OutboundDelivery): Promise<void> {
    this.deliveries.set(delivery.id, structuredClone(delivery));
  }

  async get(id: string): Promise<OutboundDelivery | undefined> {
    const d = this.deliveries.get(id);
    return d && structuredClone(d);
  }

  async byMeshMessageId(meshMessageId: string): Promise<OutboundDelivery | undefined> {
    const d = [...this.deliveries.values()].find((x) => x.meshMessageId === meshMessageId);
    return d && structuredClone(d);
  }

  async byItkMessageId(itkMessageId: string): Promise<OutboundDelivery | undefined> {
    const d = [...this.deliveries.values()].find((x) => x.itkMessageId === itkMessageId);
    return d && structuredClone(d);
  }

  async awaitingAck(): Promise<OutboundDelivery[]> {
    return [...this.deliveries.values()]
      .filter((d) => d.state === 'SENT' || d.state === 'INF_ACKED')
      .map((d) => structuredClone(d));
  }
}
