/**
 * Image digests the evidence chain has seen, for the "pin to digest" quick
 * fix: every release event names an image by digest, and that digest is what
 * actually ran. Newest first, one entry per repository and digest.
 */
import { parseImageReference } from '../manifest/rules/images/image-reference';
import type { KnownImage } from '../manifest/workspace-index';
import type { ChainRecord } from './records';

export function knownImagesFromChain(records: readonly ChainRecord[]): KnownImage[] {
  const seen = new Set<string>();
  const out: KnownImage[] = [];
  for (const r of [...records].reverse()) {
    if (r.kind !== 'release') continue;
    const parsed = parseImageReference(r.image);
    if (!parsed.ok) continue;
    const key = `${parsed.ref.repository}@${r.image_digest}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ repository: parsed.ref.repository, digest: r.image_digest, ...(parsed.ref.tag !== undefined ? { tag: parsed.ref.tag } : {}), source: `release ${r.id} (${r.service} → ${r.env})` });
  }
  return out;
}
