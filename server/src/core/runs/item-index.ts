/**
 * The epoch-0 index of a run (item_id → row), which both duplicate detection
 * and alignment need. Readers build it once while checking for duplicates;
 * alignment reuses it instead of hashing a million ids a second time.
 */
import { DataError } from '../errors';
import { pyStrRepr } from '../text/python-format';
import type { ItemTable } from './run-frame';

const cache = new WeakMap<ItemTable, Map<string, number>>();

/** item_id → row for epoch-0 items; duplicates are refused (EVALSIG silently kept the last). */
export function epochZeroIndex(items: ItemTable): Map<string, number> {
  const cached = cache.get(items);
  if (cached) return cached;
  const index = new Map<string, number>();
  const { itemIds, epochs } = items;
  for (let i = 0; i < items.length; i++) {
    if (epochs[i] !== 0) continue;
    const id = itemIds[i];
    const prev = index.get(id);
    if (prev !== undefined) {
      throw new DataError(
        `duplicate item_id ${pyStrRepr(id)} (item[${prev}] and item[${i}], epoch 0); ` +
          'each item may appear once per epoch — a silently dropped duplicate would change the verdict',
      );
    }
    index.set(id, i);
  }
  checkOtherEpochs(items);
  cache.set(items, index);
  return index;
}

function checkOtherEpochs(items: ItemTable): void {
  let seen: Set<string> | undefined;
  for (let i = 0; i < items.length; i++) {
    const epoch = items.epochs[i];
    if (epoch === 0) continue;
    seen ??= new Set();
    const key = `${epoch}\u0000${items.itemIds[i]}`;
    if (seen.has(key)) {
      throw new DataError(`duplicate item_id ${pyStrRepr(items.itemIds[i])} in epoch ${epoch} (item[${i}])`);
    }
    seen.add(key);
  }
}
