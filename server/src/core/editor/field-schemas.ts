/**
 * The field tree for each kind the editor explains: Argo's kinds from
 * rollout-fields.ts, Tollgate's own kinds from the schemas their validators
 * use (one definition for validation, hovers and completion).
 */
import { EVAL_GATE_SCHEMA } from '../evalconfig/eval-gate-schema';
import { POLICY_SCHEMA } from '../policy/policy-schema';
import { schemaAt, type SchemaNode } from '../schema/schema';
import { ITEM } from './yaml-context';
import { ANALYSIS_TEMPLATE_FIELDS, ROLLOUT_FIELDS } from './rollout-fields';

const BY_KIND: Readonly<Record<string, SchemaNode>> = {
  Rollout: ROLLOUT_FIELDS,
  AnalysisTemplate: ANALYSIS_TEMPLATE_FIELDS,
  ClusterAnalysisTemplate: ANALYSIS_TEMPLATE_FIELDS,
  ReleasePolicy: POLICY_SCHEMA,
  EvalGate: EVAL_GATE_SCHEMA,
};

/** The `kind:` of the YAML document starting at `docStart` (a cheap scan; the document may not parse). */
export function documentKind(text: string, docStart: number): string | undefined {
  const rest = text.slice(docStart);
  const end = /^---/m.exec(rest.slice(1));
  const doc = end ? rest.slice(0, end.index + 1) : rest;
  return /^kind:[ \t]*["']?([A-Za-z]+)/m.exec(doc)?.[1];
}

/** The field documentation node at a path (`[]` items included) under `kind`'s tree. */
export function fieldAt(kind: string | undefined, path: readonly string[]): SchemaNode | undefined {
  const root = kind === undefined ? undefined : BY_KIND[kind];
  if (!root) return undefined;
  return schemaAt(root, path.map((p) => (p === ITEM ? 0 : p)));
}

/** A short type name for hovers and completion details. */
export function typeLabel(s: SchemaNode): string {
  switch (s.type) {
    case 'union':
      return s.anyOf.map(typeLabel).join(' | ');
    case 'array':
      return `list of ${typeLabel(s.items)}`;
    case 'map':
      return 'map';
    case 'string':
      return s.enum ? s.enum.map((e) => `\`${e}\``).join(' | ') : 'string';
    default:
      return s.type;
  }
}

/** Markdown for a field: its path, type, description and default. */
export function fieldMarkdown(path: string, s: SchemaNode): string {
  const lines = [`**${path}** · ${typeLabel(s)}`];
  if (s.description) lines.push('', s.description);
  if (s.default !== undefined) lines.push('', `Default: \`${JSON.stringify(s.default)}\``);
  return lines.join('\n');
}
