/**
 * Go to definition from a reference in a manifest to the object it names:
 * `templateName` → the (Cluster)AnalysisTemplate, a Rollout's service fields →
 * the Service, `workloadRef.name` → the Deployment (or the kind it names),
 * `stableIngress` → the Ingress. The target is the object's `metadata.name`.
 */
import type { Span } from '../findings';
import type { ManifestDoc } from '../manifest/manifest-doc';
import type { WorkspaceIndex } from '../manifest/workspace-index';
import type { Cursor } from '../yaml/cursor';

export interface EditorLocation {
  readonly uri: string;
  /** Span in the target file's text (`text`), for the adapter to turn into a range. */
  readonly span: Span;
  readonly text: string;
}

const SERVICE_FIELDS = new Set(['canaryService', 'stableService', 'activeService', 'previewService', 'pingService', 'pongService', 'rootService']);

/** Where the reference under `offset` points, if it is one and its target is in the workspace. */
export function definitionAt(docs: readonly ManifestDoc[], offset: number, workspace: WorkspaceIndex): EditorLocation | undefined {
  const doc = docs.find((d) => d.span.start <= offset && offset <= d.span.end);
  const at = doc && scalarAt(doc.root, offset);
  if (!doc || !at) return undefined;
  const name = at.text();
  const target = name === undefined ? undefined : workspace.find(targetKind(doc, at), name, doc.namespace);
  if (!target) return undefined;
  const span = target.root.at('metadata', 'name')?.span ?? target.headSpan;
  return { uri: target.uri, span, text: target.text };
}

/** Which kind a reference field names ('' when the scalar is not a reference). */
function targetKind(doc: ManifestDoc, at: Cursor): string {
  const path = at.path;
  const key = path[path.length - 1];
  const parent = doc.root.at(...path.slice(0, -1));
  if (key === 'templateName') return parent?.get('clusterScope')?.bool() === true ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate';
  if (typeof key === 'string' && SERVICE_FIELDS.has(key)) return 'Service';
  if (key === 'name' && path[path.length - 2] === 'workloadRef') return parent?.get('kind')?.str() ?? 'Deployment';
  if (key === 'stableIngress' || (typeof key === 'number' && path[path.length - 2] === 'stableIngresses')) return 'Ingress';
  return '';
}

/** The scalar value whose span holds `offset` (depth-first, skipping subtrees that cannot hold it). */
function scalarAt(c: Cursor, offset: number): Cursor | undefined {
  const s = c.span;
  if (offset < s.start || offset > s.end) return undefined;
  if (c.isScalar) return c;
  const children = c.isMap ? c.entries().map(([, v]) => v) : c.items();
  for (const child of children) {
    const hit = scalarAt(child, offset);
    if (hit) return hit;
  }
  return undefined;
}
