/**
 * What the manifest checks learn from the evidence chain: the image digests
 * release events recorded (for the "pin to digest" quick fix: that digest is
 * what actually ran) and which change tickets released what (TG-TKT-003).
 */
import { parseImageReference } from '../manifest/rules/images/image-reference';
import type { KnownImage, TicketUse } from '../manifest/workspace-index';
import type { ChainRecord } from './records';

/** Digests by repository, newest first, one entry per repository and digest. */
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

/** Every release event's ticket, service, environment and digest, in chain order. */
export function ticketUsesFromChain(records: readonly ChainRecord[]): TicketUse[] {
  return records.flatMap((r) => (r.kind === 'release' ? [{ ticket: r.change_ticket, releaseId: r.id, service: r.service, env: r.env, digest: r.image_digest }] : []));
}
