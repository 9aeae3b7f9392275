/**
 * "Record a release" from an open Rollout: the release event's fields, filled
 * in from the manifest the user is looking at — service = the workload's
 * name, environment and tier as the policy resolves them, the image (by
 * digest when pinned), the change ticket and approver from the policy's
 * annotations. The client shows them for confirmation; nothing is recorded here.
 */
import type { ManifestDoc } from '../manifest/manifest-doc';
import type { Policy } from '../policy/model';
import { resolveScope } from '../policy/resolve';

export interface ReleaseDraft {
  readonly service: string;
  readonly env: string;
  readonly tier: number;
  /** The first container's image; `pinned` tells whether it already carries a digest (release record requires one). */
  readonly image: string;
  readonly pinned: boolean;
  readonly changeTicket: string;
  readonly approvedBy: string;
  /** Why a field could not be filled (shown next to it). */
  readonly missing: readonly string[];
}

/** The draft for the workload at `offset` (or the first workload of the file). */
export function releaseDraft(docs: readonly ManifestDoc[], offset: number | undefined, policy: Policy): ReleaseDraft | undefined {
  const workloads = docs.filter((d) => d.isWorkload && d.yaml.errors.length === 0);
  const doc = (offset === undefined ? undefined : workloads.find((d) => d.span.start <= offset && offset <= d.span.end)) ?? workloads[0];
  if (!doc) return undefined;
  const scope = resolveScope(policy, doc);
  const image = doc.containers().find((c) => c.role === 'container')?.cursor.get('image')?.text() ?? '';
  const changeTicket = doc.annotations[scope.settings.changeTicket.annotation] ?? '';
  const approvedBy = doc.annotations[scope.settings.approvals.approvedByAnnotation] ?? '';
  const pinned = /@sha256:[0-9a-f]{64}$/.test(image);
  const missing = [
    ...(image === '' ? ['image: no container image in the pod template'] : pinned ? [] : ['image: not pinned by digest; release events record digests']),
    ...(changeTicket === '' ? [`changeTicket: no '${scope.settings.changeTicket.annotation}' annotation`] : []),
    ...(approvedBy === '' ? [`approvedBy: no '${scope.settings.approvals.approvedByAnnotation}' annotation`] : []),
  ];
  return { service: doc.name ?? '', env: scope.environment, tier: scope.tier, image, pinned, changeTicket, approvedBy, missing };
}
