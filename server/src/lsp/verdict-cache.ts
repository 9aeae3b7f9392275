/**
 * A small least-recently-used map: the gate preview's assessments by key
 * (a handful of EvalGate files times the few pairs and settings a user
 * flips between), and the run-buffer hashes behind those keys.
 */
export class VerdictCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = 32) {}

  get(key: string): V | undefined {
    const v = this.entries.get(key);
    if (v === undefined) return undefined;
    // Map iteration order is insertion order: re-inserting marks the entry as the most recently used.
    this.entries.delete(key);
    this.entries.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
