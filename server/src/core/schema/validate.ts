/**
 * Validates a YAML cursor against a schema node, reporting every problem with
 * the span of the offending key or value: unknown keys (with the closest known
 * key as a suggestion and a rename fix), wrong types, values out of range,
 * missing required keys. It never stops at the first problem.
 */
import type { Finding } from '../findings';
import type { Cursor } from '../yaml/cursor';
import { closest } from '../text/closest';
import type { ArraySchema, NumberSchema, ObjectSchema, SchemaNode, StringSchema } from './schema';

export interface SchemaProblem {
  readonly message: string;
  readonly at: Cursor;
  readonly onKey: boolean;
  readonly rename?: { readonly from: string; readonly to: string };
}

/** Every schema problem under `c`. */
export function validateSchema(c: Cursor, schema: SchemaNode): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  walk(c, schema, out);
  return out;
}

function walk(c: Cursor, s: SchemaNode, out: SchemaProblem[]): void {
  if (c.isNull) {
    out.push({ message: `${c.pathText || 'document'}: a value is required (${typeName(s)})`, at: c, onKey: true });
    return;
  }
  switch (s.type) {
    case 'object':
      return walkObject(c, s, out);
    case 'map':
      if (!c.isMap) return void out.push(typeProblem(c, s));
      for (const [k, v] of c.entries()) {
        if (s.keyPattern && !new RegExp(s.keyPattern).test(k)) out.push({ message: `${v.pathText}: key '${k}' does not match ${s.keyPattern}`, at: v, onKey: true });
        walk(v, s.values, out);
      }
      return;
    case 'array':
      return walkArray(c, s, out);
    case 'union': {
      const match = s.anyOf.find((a) => typeMatches(c, a));
      if (!match) return void out.push(typeProblem(c, s));
      return walk(c, match, out);
    }
    case 'string':
      return checkString(c, s, out);
    case 'number':
    case 'integer':
      return checkNumber(c, s, out);
    case 'boolean':
      if (c.bool() === undefined) out.push(typeProblem(c, s));
      return;
  }
}

function walkObject(c: Cursor, s: ObjectSchema, out: SchemaProblem[]): void {
  if (!c.isMap) return void out.push(typeProblem(c, s));
  const known = Object.keys(s.properties);
  for (const [k, v] of c.entries()) {
    const child = s.properties[k];
    if (child) {
      walk(v, child, out);
      continue;
    }
    const guess = closest(k, known);
    const where = c.pathText ? `${c.pathText}: ` : '';
    out.push({ message: `${where}unknown key '${k}'${guess ? ` (did you mean '${guess}'?)` : ''}`, at: v, onKey: true, ...(guess ? { rename: { from: k, to: guess } } : {}) });
  }
  for (const r of s.required ?? []) {
    if (!c.get(r)) out.push({ message: `${c.pathText || 'document'}: missing required key '${r}'`, at: c, onKey: true });
  }
}

function walkArray(c: Cursor, s: ArraySchema, out: SchemaProblem[]): void {
  if (!c.isSeq) {
    if (s.single && typeMatches(c, s.items)) return walk(c, s.items, out);
    return void out.push(typeProblem(c, s));
  }
  for (const item of c.items()) walk(item, s.items, out);
}

function checkString(c: Cursor, s: StringSchema, out: SchemaProblem[]): void {
  const v = c.str();
  if (v === undefined) return void out.push(typeProblem(c, s));
  if (s.enum && !s.enum.includes(v)) {
    const guess = closest(v, s.enum);
    out.push({ message: `${c.pathText}: '${v}' is not one of ${s.enum.join(', ')}${guess ? ` (did you mean '${guess}'?)` : ''}`, at: c, onKey: false });
  } else if (s.pattern && !new RegExp(s.pattern).test(v)) {
    out.push({ message: `${c.pathText}: '${v}' is not ${s.patternName ?? `matching ${s.pattern}`}`, at: c, onKey: false });
  } else if (s.minLength !== undefined && v.length < s.minLength) {
    out.push({ message: `${c.pathText}: must not be empty`, at: c, onKey: false });
  }
}

function checkNumber(c: Cursor, s: NumberSchema, out: SchemaProblem[]): void {
  const v = c.num();
  if (v === undefined || !Number.isFinite(v) || (s.type === 'integer' && !Number.isInteger(v))) return void out.push(typeProblem(c, s));
  const bad =
    (s.minimum !== undefined && v < s.minimum && `>= ${s.minimum}`) ||
    (s.maximum !== undefined && v > s.maximum && `<= ${s.maximum}`) ||
    (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum && `> ${s.exclusiveMinimum}`) ||
    (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum && `< ${s.exclusiveMaximum}`);
  if (bad) out.push({ message: `${c.pathText}: ${v} is out of range (must be ${bad})`, at: c, onKey: false });
}

function typeMatches(c: Cursor, s: SchemaNode): boolean {
  switch (s.type) {
    case 'object':
    case 'map':
      return c.isMap;
    case 'array':
      return c.isSeq;
    case 'string':
      return c.str() !== undefined;
    case 'number':
    case 'integer':
      return c.num() !== undefined;
    case 'boolean':
      return c.bool() !== undefined;
    case 'union':
      return s.anyOf.some((a) => typeMatches(c, a));
  }
}

function typeName(s: SchemaNode): string {
  switch (s.type) {
    case 'object':
    case 'map':
      return 'a mapping';
    case 'array':
      return s.single ? `a list or ${typeName(s.items)}` : 'a list';
    case 'integer':
      return 'an integer';
    case 'union':
      return s.anyOf.map(typeName).join(' or ');
    default:
      return `a ${s.type}`;
  }
}

function typeProblem(c: Cursor, s: SchemaNode): SchemaProblem {
  const shown = c.text() ?? (c.isSeq ? 'a list' : c.isMap ? 'a mapping' : 'this value');
  return { message: `${c.pathText}: expected ${typeName(s)}, got ${c.isScalar ? `'${shown}'` : shown}`, at: c, onKey: false };
}

/** Schema problems as findings of `ruleId` with rename fixes for misspelt keys. */
export function problemsToFindings(problems: readonly SchemaProblem[], ruleId: string): Finding[] {
  return problems.map((p) => ({
    ruleId,
    severity: 'error',
    message: p.message,
    span: p.onKey ? p.at.keySpan : p.at.span,
    ...(p.rename ? { fixes: [{ title: `Rename '${p.rename.from}' to '${p.rename.to}'`, edits: [{ span: p.at.keySpan, newText: p.rename.to }], preferred: true }] } : {}),
  }));
}
