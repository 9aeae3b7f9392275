/**
 * Completion items at a position, from the indentation-based YAML context:
 * keys of the field tree at the cursor's path, enum values, rule ids (in
 * suppression comments, policy files, or wherever `TG-` is typed), tier ids
 * and environment names of the policy in force, and AnalysisTemplate names
 * defined in the workspace after `templateName:`.
 */
import type { Span } from '../findings';
import { MANIFEST_KINDS } from '../manifest/manifest-doc';
import type { SchemaNode } from '../schema/schema';
import type { EditorEnv } from './editor-env';
import { documentKind, fieldAt, typeLabel } from './field-schemas';
import { allRules } from './rule-docs';
import { ITEM, yamlContextAt, type YamlContext } from './yaml-context';

export type CompletionKind = 'property' | 'value' | 'rule' | 'reference';

export interface EditorCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText: string;
  /** The text the item replaces (the word typed so far). */
  readonly span: Span;
}

const API_VERSIONS = ['argoproj.io/v1alpha1', 'apps/v1', 'v1', 'batch/v1', 'tollgate.dev/v1'];
const KINDS = [...MANIFEST_KINDS, 'ReleasePolicy', 'EvalGate'];

/** Completion items at `offset` (empty when nothing fits). */
export function completionsAt(text: string, offset: number, env: EditorEnv): EditorCompletion[] {
  const ctx = yamlContextAt(text, offset);
  if (/#.*tollgate-disable/.test(ctx.lineBefore) || ctx.prefix.startsWith('TG-')) return ruleItems(ctx);
  if (/(^|\s)#/.test(ctx.lineBefore)) return [];
  const kind = documentKind(text, ctx.docStart);
  const valueOf = ctx.key ?? itemOf(ctx, kind);
  if (valueOf !== undefined) return valueItems(valueOf, ctx, kind, env);
  return keyItems(ctx, kind);
}

/** On `- |` under `key:`, values of `key`'s items are wanted (unless the items are maps: then their keys). */
function itemOf(ctx: YamlContext, kind: string | undefined): string | undefined {
  if (!/^\s*(-\s+)+\S*$/.test(ctx.lineBefore) || ctx.path.at(-1) !== ITEM) return undefined;
  if (fieldAt(kind, ctx.path)?.type === 'object') return undefined;
  return ctx.path.at(-2);
}

function keyItems(ctx: YamlContext, kind: string | undefined): EditorCompletion[] {
  const node = fieldAt(kind, ctx.path);
  if (ctx.path.length === 0 && !node) return ['apiVersion', 'kind', 'metadata', 'spec'].map((k) => item(k, 'property', `${k}: `, ctx));
  if (node?.type !== 'object') return [];
  return Object.entries(node.properties).map(([key, child]) => ({
    ...item(key, 'property', container(child) ? `${key}:` : `${key}: `, ctx),
    detail: typeLabel(child),
    ...(child.description ? { documentation: child.description } : {}),
  }));
}

function valueItems(key: string, ctx: YamlContext, kind: string | undefined, env: EditorEnv): EditorCompletion[] {
  const { policy, workspace } = env;
  if (key === 'templateName') return (workspace?.names('AnalysisTemplate') ?? []).map((n) => item(n, 'reference', n, ctx, 'AnalysisTemplate in the workspace'));
  if (key === policy.tierKey || key === 'tier' || key === 'tiers') return policy.tiers.map((t) => item(String(t.id), 'value', key === policy.tierKey ? `"${t.id}"` : String(t.id), ctx, `tier ${t.id} — ${t.name}`));
  if (key === policy.environmentKey || key === 'environments') return policy.environments.map((e) => item(e.name, 'value', e.name, ctx, e.production ? 'production' : 'non-production'));
  if (key === 'rule' || key === 'fire' || key === 'notFire') return ruleItems(ctx);
  if (key === 'kind') return KINDS.map((k) => item(k, 'value', k, ctx));
  if (key === 'apiVersion') return API_VERSIONS.map((v) => item(v, 'value', v, ctx));
  const node = ctx.key === undefined ? fieldAt(kind, ctx.path) : fieldAt(kind, [...ctx.path, key]);
  return enumValues(node).map((v) => item(v, 'value', v, ctx));
}

function enumValues(node: SchemaNode | undefined): string[] {
  if (!node) return [];
  if (node.type === 'boolean') return ['true', 'false'];
  if (node.type === 'string') return [...(node.enum ?? [])];
  if (node.type === 'union') return node.anyOf.flatMap(enumValues);
  return [];
}

function ruleItems(ctx: YamlContext): EditorCompletion[] {
  return allRules().map((r) => ({ ...item(r.id, 'rule', r.id, ctx, r.title), documentation: r.description }));
}

function container(s: SchemaNode): boolean {
  return s.type === 'object' || s.type === 'array' || s.type === 'map';
}

function item(label: string, kind: CompletionKind, insertText: string, ctx: YamlContext, detail?: string): EditorCompletion {
  return { label, kind, insertText, span: ctx.prefixSpan, ...(detail ? { detail } : {}) };
}
