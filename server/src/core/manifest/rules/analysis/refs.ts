/**
 * Every place a Rollout names analysis templates, collected once per
 * document: canary step analyses, background `canary.analysis`, blue-green
 * pre/post-promotion analyses and experiment-step `analyses`. Each block has
 * its templates and the args the Rollout passes to them. Also: resolving a
 * reference against the workspace and "did you mean".
 */
import { closest } from '../../../text/closest';
import type { Cursor } from '../../../yaml/cursor';
import type { ManifestDoc } from '../../manifest-doc';
import type { WorkspaceIndex } from '../../workspace-index';

export interface TemplateRef {
  /** The reference map (`{templateName, clusterScope}`, or the experiment analysis item). */
  readonly cursor: Cursor;
  /** The `templateName` value. */
  readonly nameCursor: Cursor;
  readonly name: string;
  readonly clusterScope: boolean;
}

export interface AnalysisBlock {
  /** The map holding `templates`/`args` (or one experiment analysis). */
  readonly cursor: Cursor;
  readonly templates: readonly TemplateRef[];
  /** The `args` list as written (undefined when absent). */
  readonly args: Cursor | undefined;
}

const CACHE = new WeakMap<ManifestDoc, readonly AnalysisBlock[]>();

/** The analysis blocks of an Argo Rollout ([] for anything else). */
export function analysisBlocks(doc: ManifestDoc): readonly AnalysisBlock[] {
  let blocks = CACHE.get(doc);
  if (!blocks) {
    blocks = doc.kind === 'Rollout' && doc.isArgo ? collect(doc.root.at('spec', 'strategy')) : [];
    CACHE.set(doc, blocks);
  }
  return blocks;
}

function collect(strategy: Cursor | undefined): AnalysisBlock[] {
  const out: AnalysisBlock[] = [];
  const canary = strategy?.get('canary');
  const bg = strategy?.get('blueGreen');
  const add = (c: Cursor | undefined) => {
    if (c?.isMap) out.push({ cursor: c, templates: templateRefs(c.get('templates')), args: c.get('args') });
  };
  for (const step of canary?.get('steps')?.items() ?? []) {
    add(step.get('analysis'));
    for (const a of step.at('experiment', 'analyses')?.items() ?? []) {
      const ref = a.isMap ? templateRef(a) : undefined;
      if (ref) out.push({ cursor: a, templates: [ref], args: a.get('args') });
    }
  }
  add(canary?.get('analysis'));
  add(bg?.get('prePromotionAnalysis'));
  add(bg?.get('postPromotionAnalysis'));
  return out;
}

function templateRefs(list: Cursor | undefined): TemplateRef[] {
  return (list?.items() ?? []).flatMap((t) => {
    const ref = templateRef(t);
    return ref ? [ref] : [];
  });
}

function templateRef(c: Cursor): TemplateRef | undefined {
  const nameCursor = c.get('templateName');
  const name = nameCursor?.text();
  if (!nameCursor || name === undefined || name === '') return undefined;
  return { cursor: c, nameCursor, name, clusterScope: c.get('clusterScope')?.bool() === true };
}

/** The kind a reference points at. */
export function refKind(ref: TemplateRef): 'AnalysisTemplate' | 'ClusterAnalysisTemplate' {
  return ref.clusterScope ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate';
}

export type TemplateKind = 'AnalysisTemplate' | 'ClusterAnalysisTemplate';

interface NameIndex {
  /** Template counts when built: `WorkspaceIndex.add` after that makes the index stale. */
  readonly stamp: string;
  readonly byKind: Map<TemplateKind, Map<string, ManifestDoc[]>>;
  /** Memoised "did you mean" answers (the same typo tends to repeat across Rollouts). */
  readonly suggestions: Map<string, string | undefined>;
}

/** Templates by kind and name, built once per workspace index (rules resolve hundreds of references per check). */
const BY_NAME = new WeakMap<WorkspaceIndex, NameIndex>();

function nameIndex(ws: WorkspaceIndex): NameIndex {
  const stamp = `${ws.all('AnalysisTemplate').length}/${ws.all('ClusterAnalysisTemplate').length}`;
  let index = BY_NAME.get(ws);
  if (index?.stamp !== stamp) {
    index = { stamp, byKind: new Map(), suggestions: new Map() };
    for (const k of ['AnalysisTemplate', 'ClusterAnalysisTemplate'] as const) {
      const byName = new Map<string, ManifestDoc[]>();
      for (const d of ws.all(k)) {
        const n = d.name;
        if (n !== undefined) byName.set(n, [...(byName.get(n) ?? []), d]);
      }
      index.byKind.set(k, byName);
    }
    BY_NAME.set(ws, index);
  }
  return index;
}

function templatesNamed(ws: WorkspaceIndex, kind: TemplateKind, name: string): readonly ManifestDoc[] {
  return nameIndex(ws).byKind.get(kind)?.get(name) ?? [];
}

/** The nearest template name of `kind` to a name that does not resolve, memoised per workspace. */
export function suggestTemplate(ws: WorkspaceIndex, kind: TemplateKind, name: string): string | undefined {
  const index = nameIndex(ws);
  const key = `${kind}/${name}`;
  if (!index.suggestions.has(key)) index.suggestions.set(key, nearest(name, templateNames(ws, kind)));
  return index.suggestions.get(key);
}

/**
 * The template a reference resolves to in the workspace: a ClusterAnalysisTemplate
 * by name, or an AnalysisTemplate in the Rollout's namespace, else one without a
 * namespace (any namespace when the Rollout names none) — `WorkspaceIndex.find`'s rule.
 */
export function resolveRef(ws: WorkspaceIndex, ref: TemplateRef, namespace: string | undefined): ManifestDoc | undefined {
  return findTemplate(ws, refKind(ref), ref.name, namespace);
}

/** Names of all templates of a kind in the workspace (for "did you mean"). */
export function templateNames(ws: WorkspaceIndex, kind: TemplateKind): readonly string[] {
  return [...(nameIndex(ws).byKind.get(kind)?.keys() ?? [])];
}

/** `WorkspaceIndex.find` for template kinds, through the cached name index. */
export function findTemplate(ws: WorkspaceIndex, kind: TemplateKind, name: string, namespace: string | undefined): ManifestDoc | undefined {
  const same = templatesNamed(ws, kind, name);
  if (kind === 'ClusterAnalysisTemplate' || namespace === undefined) return same[0];
  return same.find((d) => d.namespace === namespace) ?? same.find((d) => d.namespace === undefined);
}

/** The closest candidate by edit distance, if close enough to be a typo (≤ 2 edits, or a third of the length). */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  return closest(name, candidates, 2);
}

export interface TemplateArg {
  readonly name: string;
  readonly required: boolean;
}
const ARGS = new WeakMap<ManifestDoc, readonly TemplateArg[]>();

/** Names declared in a template's `spec.args`, with whether each needs a value from the caller (cached per template). */
export function templateArgs(template: ManifestDoc): readonly TemplateArg[] {
  let args = ARGS.get(template);
  if (!args) {
    args = readArgs(template);
    ARGS.set(template, args);
  }
  return args;
}

function readArgs(template: ManifestDoc): TemplateArg[] {
  return (template.root.at('spec', 'args')?.items() ?? []).flatMap((a) => {
    const name = a.get('name')?.text();
    if (name === undefined) return [];
    const hasValue = a.get('value') !== undefined && !a.get('value')?.isNull;
    const hasFrom = a.get('valueFrom') !== undefined && !a.get('valueFrom')?.isNull;
    return [{ name, required: !hasValue && !hasFrom }];
  });
}
