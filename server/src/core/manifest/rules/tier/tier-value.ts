import type { Cursor } from '../../../yaml/cursor';
import type { ManifestDoc } from '../../manifest-doc';

/** The tier label (preferred) or annotation entry of the workload, as the policy resolves it. */
export function tierEntry(doc: ManifestDoc, key: string): Cursor | undefined {
  return doc.root.at('metadata', 'labels', key) ?? doc.root.at('metadata', 'annotations', key);
}
