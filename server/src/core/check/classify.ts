/**
 * Which checker a file belongs to, from its name and a cheap look at its
 * content (no full parse): Tollgate's own kinds are recognised by
 * `apiVersion: tollgate.dev/…` + kind, run files by name/shape, and any other
 * YAML is treated as Kubernetes manifests (documents with unknown kinds are
 * simply not checked).
 */
export type FileKind = 'policy' | 'evalconfig' | 'manifest' | 'run' | 'other';

const TOLLGATE_KIND = /^kind:\s*["']?(ReleasePolicy|EvalGate)["']?\s*(?:#.*)?$/m;
const TOLLGATE_API = /^apiVersion:\s*["']?tollgate\.dev\//m;

export function classify(path: string, text: string): FileKind {
  const lower = path.toLowerCase();
  if (/\.ya?ml$/.test(lower)) {
    if (TOLLGATE_API.test(text)) {
      const kind = TOLLGATE_KIND.exec(text)?.[1];
      if (kind === 'ReleasePolicy') return 'policy';
      if (kind === 'EvalGate') return 'evalconfig';
    }
    return 'manifest';
  }
  if (/\.(json|jsonl)$/.test(lower) && looksLikeRun(lower, text)) return 'run';
  return 'other';
}

function looksLikeRun(path: string, text: string): boolean {
  if (path.endsWith('.runframe.json') || path.endsWith('.jsonl')) return true;
  // A RunFrame object: `items` next to `model_id`/`task_id` near the top.
  const head = text.slice(0, 4096);
  return /"items"\s*:/.test(head) && /"(model_id|task_id|metric_name)"\s*:/.test(head);
}
