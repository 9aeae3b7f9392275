/**
 * What rules may know about the rest of the workspace: every manifest object
 * by kind and name (AnalysisTemplates for TG-ANL, Services for Argo's
 * reference checks, Deployments behind a `workloadRef`) and the image digests
 * recorded in the local evidence store (for "pin to digest" fixes). Built by
 * the adapter from all manifest files; rules only read it.
 */
import type { ManifestDoc } from './manifest-doc';

export interface KnownImage {
  /** Repository without tag or digest, e.g. `ghcr.io/acme/payments`. */
  readonly repository: string;
  readonly digest: string;
  readonly tag?: string;
  /** Where the digest was seen (evidence envelope id, release event, …). */
  readonly source: string;
}

/** A release event as far as change tickets are concerned (from the evidence chain). */
export interface TicketUse {
  readonly ticket: string;
  readonly releaseId: string;
  readonly service: string;
  readonly env: string;
  /** `sha256:…` of the image that was released. */
  readonly digest: string;
}

export class WorkspaceIndex {
  private readonly byKind = new Map<string, ManifestDoc[]>();
  /** kind → name → objects: lookups are per reference per document, so they must not scan. */
  private readonly byName = new Map<string, Map<string, ManifestDoc[]>>();
  private readonly images = new Map<string, KnownImage[]>();
  private readonly tickets = new Map<string, TicketUse[]>();

  /** An index over `docs` plus the images known from evidence. */
  constructor(docs: Iterable<ManifestDoc> = [], knownImages: Iterable<KnownImage> = [], ticketUses: Iterable<TicketUse> = []) {
    for (const d of docs) this.add(d);
    for (const t of ticketUses) {
      const list = this.tickets.get(t.ticket) ?? [];
      list.push(t);
      this.tickets.set(t.ticket, list);
    }
    for (const img of knownImages) {
      const list = this.images.get(img.repository) ?? [];
      list.push(img);
      this.images.set(img.repository, list);
    }
  }

  add(doc: ManifestDoc): void {
    if (!doc.kind) return;
    const list = this.byKind.get(doc.kind) ?? [];
    list.push(doc);
    this.byKind.set(doc.kind, list);
    if (doc.name === undefined) return;
    const names = this.byName.get(doc.kind) ?? new Map<string, ManifestDoc[]>();
    this.byName.set(doc.kind, names);
    const same = names.get(doc.name) ?? [];
    same.push(doc);
    names.set(doc.name, same);
  }

  /** All objects of a kind (in insertion order). */
  all(kind: string): readonly ManifestDoc[] {
    return this.byKind.get(kind) ?? [];
  }

  /**
   * The object of `kind` named `name`. With a namespace, an object in that
   * namespace wins, then one without a namespace (applied wherever the
   * Rollout goes); without one, any object of that name.
   */
  find(kind: string, name: string, namespace?: string): ManifestDoc | undefined {
    const same = this.byName.get(kind)?.get(name) ?? [];
    if (namespace === undefined) return same[0];
    return same.find((d) => d.namespace === namespace) ?? same.find((d) => d.namespace === undefined);
  }

  /** Names of all objects of a kind, for "did you mean" and completion. */
  names(kind: string): string[] {
    return [...(this.byName.get(kind)?.keys() ?? [])];
  }

  /** Releases recorded under a change ticket, in chain order. */
  ticketUses(ticket: string): readonly TicketUse[] {
    return this.tickets.get(ticket) ?? [];
  }

  /** Digests recorded for an image repository, newest first as supplied. */
  knownImages(repository: string): readonly KnownImage[] {
    return this.images.get(repository) ?? [];
  }
}
