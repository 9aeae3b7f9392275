/**
 * The RunFrame: one evaluation run, item by item (EVALSIG's canonical exchange
 * format, spec §1). Items are stored column-wise so a million-item run costs
 * a few typed arrays rather than a million objects.
 */
import type { JsonValue } from '../text/json-value';

export interface ItemTable {
  readonly length: number;
  readonly itemIds: readonly string[];
  readonly scores: Float64Array;
  /**
   * As written; `null` when the item has none. Empty when no item has one
   * (most runs), so a million-item run does not carry a million nulls: read
   * it as `clusterIds[i] ?? null`.
   */
  readonly clusterIds: readonly (string | null)[];
  readonly epochs: Int32Array;
  /** Per-item metadata, only for items that carry some (index → value). */
  readonly metadata: ReadonlyMap<number, JsonValue>;
}

export interface RunFrame {
  readonly runId: string;
  readonly modelId: string;
  readonly taskId: string;
  readonly metricName: string;
  readonly configHash: string;
  readonly items: ItemTable;
}

/** Grows the item columns as items are read. */
export class ItemTableBuilder {
  private n = 0;
  private scores = new Float64Array(64);
  private epochs = new Int32Array(64);
  private readonly itemIds: string[] = [];
  private readonly clusterIds: (string | null)[] = [];
  private readonly metadata = new Map<number, JsonValue>();

  get length(): number {
    return this.n;
  }

  push(itemId: string, score: number, clusterId: string | null = null, epoch = 0, metadata?: JsonValue): void {
    if (this.n === this.scores.length) this.grow();
    this.itemIds.push(itemId);
    if (clusterId !== null && this.clusterIds.length < this.n) {
      // The first cluster id: fill in the items before it, which had none.
      for (let i = this.clusterIds.length; i < this.n; i++) this.clusterIds.push(null);
    }
    if (clusterId !== null || this.clusterIds.length > 0) this.clusterIds.push(clusterId);
    this.scores[this.n] = score;
    this.epochs[this.n] = epoch;
    if (metadata !== undefined) this.metadata.set(this.n, metadata);
    this.n++;
  }

  private grow(): void {
    const scores = new Float64Array(this.scores.length * 2);
    scores.set(this.scores);
    this.scores = scores;
    const epochs = new Int32Array(this.epochs.length * 2);
    epochs.set(this.epochs);
    this.epochs = epochs;
  }

  build(): ItemTable {
    return {
      length: this.n,
      itemIds: this.itemIds,
      scores: this.scores.slice(0, this.n),
      clusterIds: this.clusterIds,
      epochs: this.epochs.slice(0, this.n),
      metadata: this.metadata,
    };
  }
}
