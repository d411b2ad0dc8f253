/** Fault injection for the local MESH server: failing, hanging or reset requests. */

/** What happens to a request a fault applies to. */
export type MeshFault = { kind: 'status'; status: number } | { kind: 'hang' } | { kind: 'reset' };

/** Restricts a fault to some requests. */
export interface MeshFaultMatch {
  /** Only requests with this method. */
  method?: string;
  /** Only requests whose path (with query) contains this text. */
  pathIncludes?: string;
  /** Only requests whose path matches. */
  pathPattern?: RegExp;
}

interface Pending {
  fault: MeshFault;
  remaining: number;
  match: MeshFaultMatch;
}

/** A queue of faults; each applies to the next N matching requests. */
export class MeshFaults {
  private pending: Pending[] = [];

  /** The next `n` matching requests answer `status` (default 500) without touching state. */
  failNext(n: number, options: MeshFaultMatch & { status?: number } = {}): void {
    this.add({ kind: 'status', status: options.status ?? 500 }, n, options);
  }

  /** The next `n` matching requests never get an answer (the client's timeout fires). */
  hangNext(n: number, match: MeshFaultMatch = {}): void {
    this.add({ kind: 'hang' }, n, match);
  }

  /** The next `n` matching requests have their connection destroyed (connection reset). */
  resetNext(n: number, match: MeshFaultMatch = {}): void {
    this.add({ kind: 'reset' }, n, match);
  }

  /** Removes every pending fault. */
  clear(): void {
    this.pending = [];
  }

  /** The fault for this request, consuming one use of it. */
  take(method: string, path: string): MeshFault | undefined {
    const hit = this.pending.find(
      (p) =>
        (p.match.method === undefined || p.match.method.toUpperCase() === method) &&
        (p.match.pathIncludes === undefined || path.includes(p.match.pathIncludes)) &&
        (p.match.pathPattern === undefined || p.match.pathPattern.test(path)),
    );
    if (!hit) return undefined;
    hit.remaining--;
    if (hit.remaining <= 0) this.pending = this.pending.filter((p) => p !== hit);
    return hit.fault;
  }

  private add(fault: MeshFault, n: number, match: MeshFaultMatch): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
    this.pending.push({ fault, remaining: n, match: { ...match } });
  }
}
