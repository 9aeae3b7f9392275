/**
 * Narrows a message from a webview. The webview is untrusted (it renders data
 * from run files), so the host treats each message as `unknown` and drops
 * anything that is not exactly one of the known shapes.
 */
import type { FromWebview } from '../../webview/messages';

const MAX_TEXT = 4096;

function text(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;
}

export function parseFromWebview(m: unknown): FromWebview | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
      return { type: 'ready' };
    case 'painted':
      return typeof o.ms === 'number' && Number.isFinite(o.ms) && typeof o.seq === 'number' ? { type: 'painted', ms: o.ms, seq: o.seq } : undefined;
    case 'openFile':
      return text(o.path) ? { type: 'openFile', path: o.path } : undefined;
    case 'openEnvelope':
      return text(o.runId) ? { type: 'openEnvelope', runId: o.runId } : undefined;
    case 'selectProject':
      return text(o.project) ? { type: 'selectProject', project: o.project } : undefined;
    case 'copy':
      return text(o.text) ? { type: 'copy', text: o.text } : undefined;
    default:
      return undefined;
  }
}
