/**
 * Which rows of a run are gated (epoch 0), checked for duplicate ids, and
 * indexed for pairing. Runs usually list their items in id order; for those a
 * linear scan proves uniqueness and alignment is a merge, so a million-item
 * run never needs a million-entry hash map. Other runs get the map.
 */
import { DataError } from '../errors';
import { compareCodePoints } from '../text/code-point-order';
import { pyStrRepr } from '../text/python-format';
import type { ItemTable } from './run-frame';

export interface EpochZero {
  /** Rows of the epoch-0 items, in file order. */
  readonly rows: Int32Array;
  /** True when their ids strictly increase in code-point order (then they are unique and sorted). */
  readonly sorted: boolean;
  /** item_id → row; built lazily, only for runs that are not sorted. */
  index(): Map<string, number>;
}

/** A repeated (item_id, epoch); `row` is the second occurrence, so readers can point at it. */
export class DuplicateItemError extends DataError {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
  }
}

const cache = new WeakMap<ItemTable, EpochZero>();

/** The epoch-0 view of a run; throws a DataError on a duplicate (item_id, epoch). */
export function epochZero(items: ItemTable): EpochZero {
  const cached = cache.get(items);
  if (cached) return cached;
  const rows = epochZeroRows(items);
  const sorted = strictlyIncreasing(items.itemIds, rows);
  let map: Map<string, number> | undefined;
  const view: EpochZero = { rows, sorted, index: () => (map ??= buildIndex(items, rows)) };
  if (!sorted) view.index(); // detects duplicates now, while the reader can still say where
  checkOtherEpochs(items);
  cache.set(items, view);
  return view;
}

function epochZeroRows(items: ItemTable): Int32Array {
  let count = 0;
  for (let i = 0; i < items.length; i++) if (items.epochs[i] === 0) count++;
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < items.length; i++) if (items.epochs[i] === 0) rows[k++] = i;
  return rows;
}

function strictlyIncreasing(ids: readonly string[], rows: Int32Array): boolean {
  for (let k = 1; k < rows.length; k++) {
    if (compareCodePoints(ids[rows[k - 1]], ids[rows[k]]) >= 0) return false;
  }
  return true;
}

function buildIndex(items: ItemTable, rows: Int32Array): Map<string, number> {
  const index = new Map<string, number>();
  for (const i of rows) {
    const id = items.itemIds[i];
    const prev = index.get(id);
    if (prev !== undefined) {
      throw new DuplicateItemError(
        `duplicate item_id ${pyStrRepr(id)} (item[${prev}] and item[${i}], epoch 0); ` +
          'each item may appear once per epoch — a silently dropped duplicate would change the verdict',
        i,
      );
    }
    index.set(id, i);
  }
  return index;
}

function checkOtherEpochs(items: ItemTable): void {
  let seen: Set<string> | undefined;
  for (let i = 0; i < items.length; i++) {
    const epoch = items.epochs[i];
    if (epoch === 0) continue;
    seen ??= new Set();
    const key = `${epoch}\u0000${items.itemIds[i]}`;
    if (seen.has(key)) throw new DuplicateItemError(`duplicate item_id ${pyStrRepr(items.itemIds[i])} in epoch ${epoch} (item[${i}])`, i);
    seen.add(key);
  }
}
