/**
 * The one-line verdict used by code lenses, status bars and the eval-config
 * finding: `ALLOW · Δ +1.2 pp [+0.4, +2.0] · p 0.003 · MDE 0.8 pp`.
 * Scores in [0, 1] read best in percentage points.
 */
import type { GateReport } from '../gate/gate';

export function gateSummary(r: GateReport): string {
  const c = r.comparison;
  const pp = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}` : x > 0 ? '+∞' : '−∞');
  const p = c.pValue < 0.001 ? c.pValue.toExponential(1) : c.pValue.toFixed(3);
  const mde = Number.isFinite(c.mde) ? `${(c.mde * 100).toFixed(1)} pp` : '∞';
  return `${r.verdict} · Δ ${pp(c.delta)} pp [${pp(c.ci[0])}, ${pp(c.ci[1])}] · p ${p} · MDE ${mde} · ${c.method}, n=${c.nPairs}`;
}
