/**
 * Kubernetes resource quantities (`500m`, `1.5`, `128Mi`, `1G`, `1e3`), as
 * apimachinery's `resource.Quantity` reads them:
 *
 *     quantity := sign? number (binarySI | decimalSI | ("e"|"E") sign? digits)?
 *     number   := digits | digits "." digits? | "." digits
 *
 * Values come back as plain numbers in base units (cores, bytes), which is
 * precise enough to compare a request with a limit. Never throws.
 */

const QUANTITY = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?[0-9]+))?$/;

const SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The quantity in base units, or undefined when `text` is not a Kubernetes quantity. */
export function parseQuantity(text: string): number | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const [, sign, digits = '0', suffix, exponent] = m;
  const base = Number(digits);
  const scale = suffix !== undefined ? (SUFFIX[suffix] ?? 1) : exponent !== undefined ? 10 ** Number(exponent) : 1;
  const value = (sign === '-' ? -1 : 1) * base * scale;
  return Number.isFinite(value) ? value : undefined;
}

/** a > b beyond floating-point noise (`0.1` vs `100m`). */
export function exceeds(a: number, b: number): boolean {
  return a - b > 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
