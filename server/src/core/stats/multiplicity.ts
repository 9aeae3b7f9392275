/**
 * Family-wise corrections (EVALSIG `inference/multiplicity.py`): adjusted
 * p-values in the input order; reject when adjusted < alpha (strict).
 */

export function bonferroni(p: readonly number[]): number[] {
  return p.map((x) => Math.min(x * p.length, 1.0));
}

/** Holm step-down: sort ascending, multiply the i-th smallest by m − i, cap at 1, running max. */
export function holm(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((i, j) => (p[i]) - (p[j]) || i - j);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach((idx, rank) => {
    running = Math.max(running, Math.min((m - rank) * (p[idx]), 1.0));
    out[idx] = running;
  });
  return out;
}

/** Benjamini–Hochberg: sorted p·m/rank, reverse running min, cap at 1. */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((i, j) => (p[i]) - (p[j]) || i - j);
  const out = new Array<number>(m);
  let running = 1.0;
  for (let rank = m - 1; rank >= 0; rank--) {
    const idx = order[rank];
    running = Math.min(running, ((p[idx]) * m) / (rank + 1));
    out[idx] = Math.min(running, 1.0);
  }
  return out;
}
