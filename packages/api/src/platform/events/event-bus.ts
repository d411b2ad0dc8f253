/** A wake-up hint: stream `stream` has events up to `seq`. Carries ids only. */
export interface StreamHint {
  readonly stream: string;
  readonly seq: number;
}

/**
 * Carries wake-up hints between writers and subscribers, within and across processes. Hints are
 * advisory: subscribers always read events from the log by seq, so a lost hint only delays.
 */
export interface EventBus {
  /** Announces, after commit, that `stream` reached `seq`. Never throws. */
  hint(hint: StreamHint): void;
  /** Registers a listener for hints from any process; returns the unsubscribe function. */
  onHint(listener: (hint: StreamHint) => void): () => void;
  close(): Promise<void>;
}

/** Single-process bus (PGlite, tests): hints go straight to local listeners. */
export class InProcessEventBus implements EventBus {
  private readonly listeners = new Set<(hint: StreamHint) => void>();

  hint(hint: StreamHint): void {
    for (const listener of this.listeners) {
      try {
        listener(hint);
      } catch {
        // A failing listener must not stop others, nor the writer that hinted.
      }
    }
  }

  onHint(listener: (hint: StreamHint) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
