/**
 * Last-known-good release of a service in an environment: the newest release
 * event for that service and environment that
 *
 *   1. cites at least one audit envelope, and every envelope it cites is in
 *      the chain with the hash the event pinned and the verdict ALLOW; and
 *   2. was not rolled back: no later event for the same service and
 *      environment went back to a digest deployed before it.
 *
 * A rollback is recognised from the events themselves: deploying a digest
 * that was already deployed earlier rolls back every event in between. Both
 * conditions are required: a release that passed its gate but was then rolled
 * back is not a safe target, nor is one that was never rolled back but never
 * gated either.
 */
import type { AuditEnvelope, ChainRecord, ReleaseEvent } from './records';

export interface LastGood {
  readonly event: ReleaseEvent;
  /** Events for the service and environment ruled out as rolled back (ids). */
  readonly rolledBack: readonly string[];
}

/** The last-known-good event, or undefined when no event qualifies. `records` must be in sequence order. */
export function lastKnownGood(records: readonly ChainRecord[], service: string, env: string): LastGood | undefined {
  const events = records.filter((r): r is ReleaseEvent => r.kind === 'release' && r.service === service && r.env === env);
  const envelopes = new Map(records.filter((r): r is AuditEnvelope => r.kind === 'audit').map((r) => [r.id, r]));
  const rolledBack = rolledBackIds(events);
  const good = events.filter((e) => !rolledBack.has(e.id) && hasAllowEvidence(e, envelopes));
  const event = good.at(-1);
  return event === undefined ? undefined : { event, rolledBack: [...rolledBack] };
}

/** Events undone by a later redeployment of an earlier digest. */
export function rolledBackIds(events: readonly ReleaseEvent[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const digest = events[i].image_digest;
    let j = i - 1;
    while (j >= 0 && events[j].image_digest !== digest) j--;
    if (j < 0) continue;
    for (const e of events.slice(j + 1, i)) if (e.image_digest !== digest) out.add(e.id);
  }
  return out;
}

function hasAllowEvidence(e: ReleaseEvent, envelopes: ReadonlyMap<string, AuditEnvelope>): boolean {
  if (e.evidence.length === 0) return false;
  return e.evidence.every((ref) => {
    const env = envelopes.get(ref.id);
    return env !== undefined && env.hash === ref.hash && env.verdict === 'ALLOW';
  });
}
