/**
 * Quick fixes that rewrite an image reference: pin it to a digest recorded in
 * the evidence store (keeping a tag for readability), or drop a misleading
 * tag. Edits replace only the reference text, so quoting and comments stay.
 */
import type { Fix, TextEdit } from '../../../findings';
import type { KnownImage, WorkspaceIndex } from '../../workspace-index';
import { isLatestTag, shortDigest, type ImageReference } from './image-reference';
import type { ImageSite } from './image-sites';

/** At most this many "Pin to …" fixes per finding (newest first, as the store supplies them). */
const MAX_PIN_FIXES = 3;

/** Digests the evidence store knows for this reference's repository (Docker Hub spellings unified). */
export function knownDigests(workspace: WorkspaceIndex, ref: ImageReference): readonly KnownImage[] {
  for (const key of repositoryKeys(ref)) {
    const found = workspace.knownImages(key);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * "Pin to sha256:abcd… (seen in <source>)" fixes, keeping a tag for
 * readability: the tag recorded with the digest when there is one, else the
 * written tag (never `latest`). An entry recorded for the written tag comes
 * first and is the preferred fix.
 */
export function pinFixes(site: ImageSite, ref: ImageReference, workspace: WorkspaceIndex): Fix[] {
  const known = knownDigests(workspace, ref);
  const writtenTag = isLatestTag(ref.tag) ? undefined : ref.tag;
  const sameTag = known.filter((k) => writtenTag !== undefined && k.tag === writtenTag);
  const ordered = [...sameTag, ...known.filter((k) => !sameTag.includes(k))].slice(0, MAX_PIN_FIXES);
  return ordered.map((k, i) => {
    // A digest recorded for another tag gets that tag: never label an artifact with a tag it was not built as.
    const recorded = isLatestTag(k.tag) ? undefined : k.tag;
    const tag = recorded ?? writtenTag;
    const next = `${ref.repository}${tag === undefined ? '' : `:${tag}`}@${k.digest}`;
    const label = tag !== undefined && tag !== writtenTag ? `${tag}@${shortDigest(k.digest)}` : shortDigest(k.digest);
    return { title: `Pin to ${label} (seen in ${k.source})`, edits: [replaceImage(site, next)], preferred: i === 0 && (writtenTag === undefined || k.tag === writtenTag) };
  });
}

/** "Drop the tag": `app:latest@sha256:…` → `app@sha256:…`. */
export function dropTagFix(site: ImageSite, ref: ImageReference): Fix | undefined {
  if (ref.digest === undefined || ref.tag === undefined) return undefined;
  return { title: `Drop the '${ref.tag}' tag (the digest decides what runs)`, edits: [replaceImage(site, `${ref.repository}@${ref.digest}`)], preferred: true };
}

/** Replace the whole image reference by `next`, inside its quotes when it has them. */
export function replaceImage(site: ImageSite, next: string): TextEdit {
  if (site.rawStart !== undefined && site.raw !== undefined) return { span: { start: site.rawStart, end: site.rawStart + site.raw.length }, newText: next };
  return { span: site.cursor.span, newText: JSON.stringify(next) };
}

function repositoryKeys(ref: ImageReference): string[] {
  const keys = [ref.repository];
  const hub = ref.registry === undefined || ref.registry === 'docker.io' || ref.registry === 'index.docker.io';
  if (hub) {
    const path = ref.path.startsWith('library/') ? ref.path.slice('library/'.length) : ref.path;
    const official = !path.includes('/');
    keys.push(path, `docker.io/${path}`, ...(official ? [`library/${path}`, `docker.io/library/${path}`] : []));
  }
  return [...new Set(keys)];
}
