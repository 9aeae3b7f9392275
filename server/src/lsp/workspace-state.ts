/**
 * What the server knows about the workspace: the text of every relevant file
 * (open buffers win over disk), each file's kind, its manifest objects
 * (parsed lazily, cached per text) and the policy composed from the policy
 * files. Checks read from here; the server writes into it from document
 * events, the initial scan and watched-file events.
 */
import type { FileKind } from '../core/check/classify';
import { manifestDocs } from '../core/manifest/check-manifest';
import type { ManifestDoc } from '../core/manifest/manifest-doc';
import { WorkspaceIndex, type KnownImage, type TicketUse } from '../core/manifest/workspace-index';
import { classifyDocument, documentPath } from './classify';
import { policyInForce, type PolicyInForce } from './policy-in-force';

export interface FileEntry {
  readonly text: string;
  readonly kind: FileKind;
  readonly path: string;
}

export class WorkspaceState {
  private readonly disk = new Map<string, FileEntry>();
  private readonly open = new Map<string, FileEntry>();
  private readonly docs = new Map<string, { readonly text: string; readonly docs: readonly ManifestDoc[] }>();
  private policyCache: { key: string; value: PolicyInForce } | undefined;
  /** Incremented whenever the composed policy changes (dependants must be re-checked). */
  policyGeneration = 0;
  /** `tollgate.policy.path`: restrict composition to files whose path ends with it ('' = all). */
  policyPath = '';

  setDisk(uri: string, text: string | undefined): void {
    if (text === undefined) this.disk.delete(uri);
    else this.disk.set(uri, entry(uri, text));
  }

  setOpen(uri: string, text: string, languageId?: string): void {
    this.open.set(uri, entry(uri, text, languageId));
  }

  /**
   * The buffer was closed: the disk version (if any) is what the workspace holds
   * again. Returns whether that changes what other documents read.
   */
  close(uri: string): boolean {
    const before = this.provides(uri);
    const wasPolicy = this.kindOf(uri) === 'policy';
    this.open.delete(uri);
    return wasPolicy || this.kindOf(uri) === 'policy' || this.provides(uri) !== before;
  }

  kindOf(uri: string): FileKind | undefined {
    return this.get(uri)?.kind;
  }

  /** Image digests recorded in the evidence chain (for "pin to digest" quick fixes); set by the evidence adapter. */
  knownImages: readonly KnownImage[] = [];
  /** Change tickets already used by recorded releases (TG-TKT-003); set by the evidence adapter. */
  ticketUses: readonly TicketUse[] = [];

  /** Every URI the workspace holds (open or on disk). */
  uris(): string[] {
    return [...new Set([...this.disk.keys(), ...this.open.keys()])];
  }

  /** Manifest objects of a file, from a parse the caller already made (avoids parsing twice). */
  rememberDocs(uri: string, text: string, docs: readonly ManifestDoc[]): void {
    this.docs.set(uri, { text, docs });
  }

  /** An index of every manifest object in the workspace. */
  index(): WorkspaceIndex {
    const index = new WorkspaceIndex([], this.knownImages, this.ticketUses);
    for (const uri of this.uris()) for (const d of this.manifestDocsOf(uri)) index.add(d);
    return index;
  }

  /**
   * What a file offers other files (changes trigger re-checks): kind/name of its
   * manifest objects (with the body of AnalysisTemplates), or a run file's content hash.
   */
  provides(uri: string): string {
    const e = this.get(uri);
    if (e?.kind === 'run') return `run:${e.text.length}:${fnv1a(e.text)}`;
    return this.manifestDocsOf(uri)
      .filter((d) => d.kind !== '' && d.kind !== 'Rollout')
      .map((d) => `${d.kind}/${d.namespace ?? ''}/${d.name ?? ''}:${d.kind.endsWith('AnalysisTemplate') ? d.text.slice(d.span.start, d.span.end) : ''}`)
      .join('\n');
  }

  /** The policy in force, recomposed only when a policy file's text changed. */
  policy(): PolicyInForce {
    const files = this.uris()
      .map((uri) => this.get(uri))
      .filter((e): e is FileEntry => e?.kind === 'policy' && (this.policyPath === '' || e.path.endsWith(this.policyPath)))
      .map((e) => ({ path: e.path, text: e.text }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const key = files.map((f) => `${f.path}\0${f.text}`).join('\0\0');
    if (this.policyCache?.key !== key) {
      this.policyCache = { key, value: policyInForce(files) };
      this.policyGeneration++;
    }
    return this.policyCache.value;
  }

  /** The text of the open buffer whose path is `path` (core ports read by path). */
  openTextAt(path: string): string | undefined {
    for (const e of this.open.values()) if (e.path === path) return e.text;
    return undefined;
  }

  /** A file's current text, kind and path (open buffer, else disk). */
  file(uri: string): FileEntry | undefined {
    return this.get(uri);
  }

  private get(uri: string): FileEntry | undefined {
    return this.open.get(uri) ?? this.disk.get(uri);
  }

  private manifestDocsOf(uri: string): readonly ManifestDoc[] {
    const e = this.get(uri);
    if (e?.kind !== 'manifest') return [];
    const cached = this.docs.get(uri);
    if (cached?.text === e.text) return cached.docs;
    const docs = manifestDocs(uri, e.text);
    this.docs.set(uri, { text: e.text, docs });
    return docs;
  }
}

/** 32-bit FNV-1a: a cheap change detector, not a security hash. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function entry(uri: string, text: string, languageId?: string): FileEntry {
  return { text, kind: classifyDocument(uri, text, languageId), path: documentPath(uri, languageId) };
}
