/**
 * Kubernetes label syntax and label-selector semantics, as
 * `metav1.LabelSelectorAsSelector` and `labels.NewRequirement` apply them:
 * keys are qualified names (`prefix/name`), values at most 63 characters of
 * `[A-Za-z0-9-_.]` starting and ending alphanumeric, operators are
 * In/NotIn/Exists/DoesNotExist.
 */
import type { Cursor } from '../../../yaml/cursor';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** Kubernetes `IsQualifiedName`. */
export function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1] ?? '';
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) return false;
  }
  return name.length > 0 && name.length <= 63 && NAME.test(name);
}

/** Kubernetes `IsValidLabelValue` (empty is valid). */
export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && NAME.test(value));
}

/** A selector problem: the cursor to point at and why. */
export interface SelectorProblem {
  readonly at: Cursor;
  readonly why: string;
}

/** Every reason `LabelSelectorAsSelector` would reject `selector` (a map). */
export function selectorProblems(selector: Cursor): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  for (const [k, v] of selector.get('matchLabels')?.entries() ?? []) {
    if (!isQualifiedName(k)) out.push({ at: v, why: `key ${JSON.stringify(k)} is not a valid label key` });
    const value = v.text() ?? '';
    if (!isLabelValue(value)) out.push({ at: v, why: `value ${JSON.stringify(value)} is not a valid label value` });
  }
  for (const e of selector.get('matchExpressions')?.items() ?? []) out.push(...expressionProblems(e));
  return out;
}

function expressionProblems(e: Cursor): SelectorProblem[] {
  if (!e.isMap) return [{ at: e, why: 'a match expression must be a map with key, operator and values' }];
  const key = e.get('key')?.text() ?? '';
  const op = e.get('operator')?.text() ?? '';
  const values = e.get('values')?.items() ?? [];
  const out: SelectorProblem[] = [];
  if (!isQualifiedName(key)) out.push({ at: e.get('key') ?? e, why: `key ${JSON.stringify(key)} is not a valid label key` });
  if (!OPERATORS.has(op)) out.push({ at: e.get('operator') ?? e, why: `${JSON.stringify(op)} is not a valid label selector operator` });
  else if ((op === 'In' || op === 'NotIn') && values.length === 0) out.push({ at: e.get('operator')!, why: `for '${op}' operator, values set can't be empty` });
  else if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) out.push({ at: e.get('values')!, why: `values set must be empty for ${op}` });
  for (const v of values) {
    const t = v.text() ?? '';
    if (!isLabelValue(t)) out.push({ at: v, why: `value ${JSON.stringify(t)} is not a valid label value` });
  }
  return out;
}

/** Whether a (valid) selector selects pods with `labels`. */
export function selectorMatches(selector: Cursor, labels: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of selector.get('matchLabels')?.entries() ?? []) if (labels[k] !== (v.text() ?? '')) return false;
  for (const e of selector.get('matchExpressions')?.items() ?? []) {
    const key = e.get('key')?.text() ?? '';
    const values = new Set((e.get('values')?.items() ?? []).map((v) => v.text() ?? ''));
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const op = e.get('operator')?.text();
    if (op === 'In' && !(has && values.has(labels[key]))) return false;
    if (op === 'NotIn' && has && values.has(labels[key])) return false;
    if (op === 'Exists' && !has) return false;
    if (op === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** A string map (labels/annotations) as plain text values. */
export function stringMap(c: Cursor | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of c?.entries() ?? []) out[k] = v.text() ?? '';
  return out;
}
