/**
 * Python's `json.dumps(value)` with default settings (separators `", "` and
 * `": "`, ensure_ascii, NaN/Infinity allowed) of a value read by the
 * Python-compatible JSON scanner: the `metadata_json` column EVALSIG writes.
 */
import { pyJsonString } from '../report/python-json';
import { JsonNumber, type JsonValue, pyNumberStr } from '../text/json-value';

export function pyJsonDumpsCompact(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return pyJsonString(v);
  if (v instanceof JsonNumber) return numberToken(v);
  if (Array.isArray(v)) return `[${v.map(pyJsonDumpsCompact).join(', ')}]`;
  const parts: string[] = [];
  for (const [k, x] of v) parts.push(`${pyJsonString(k)}: ${pyJsonDumpsCompact(x)}`);
  return `{${parts.join(', ')}}`;
}

function numberToken(n: JsonNumber): string {
  if (Number.isFinite(n.value) || n.isInt) return pyNumberStr(n);
  return Number.isNaN(n.value) ? 'NaN' : n.value > 0 ? 'Infinity' : '-Infinity';
}
