/**
 * The one container-image reference parser every image rule uses, following
 * the grammar of distribution/reference (what the kubelet and containerd
 * accept):
 *
 *     reference  := name [ ":" tag ] [ "@" digest ]
 *     name       := [ registry "/" ] path            (path: lowercase components)
 *     registry   := first segment containing "." or ":", or "localhost"
 *     tag        := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
 *     digest     := "sha256:" 64 lowercase hex | "sha512:" 128 lowercase hex
 *
 * So `localhost:5000/app` is untagged (the port is not a tag) and
 * `app@sha256:abc` is malformed, which the linters we compared get wrong
 * (rule-catalog §5.6). Offsets into the raw text are kept so findings can
 * point at the tag or the digest alone.
 */

/** A well-formed image reference. Offsets are into `raw` (half-open). */
export interface ImageReference {
  readonly raw: string;
  /** Registry host with optional port (`ghcr.io`, `localhost:5000`); undefined = Docker Hub. */
  readonly registry: string | undefined;
  /** Path inside the registry (`org/app`, `nginx`). */
  readonly path: string;
  /** Registry and path as written, without tag or digest: the key of the evidence store. */
  readonly repository: string;
  readonly tag: string | undefined;
  /** `algorithm:hex`. */
  readonly digest: string | undefined;
  /** Where `:tag` starts (the colon) and ends. */
  readonly tagRange: readonly [number, number] | undefined;
  /** Where `@digest` starts (the at sign) and ends. */
  readonly digestRange: readonly [number, number] | undefined;
}

/** Why a reference is malformed, and which part of it (offsets into the raw text). */
export interface ImageProblem {
  readonly reason: string;
  readonly range: readonly [number, number];
}

export type ParsedImage = { readonly ok: true; readonly ref: ImageReference } | { readonly ok: false; readonly problem: ImageProblem };

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?))*(?::[0-9]+)?$/;
const IPV6_DOMAIN = /^\[[0-9A-Fa-f:.]+\](?::[0-9]+)?$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/;
/** Digest algorithms registered by the OCI image spec, with their hex length. */
const DIGEST_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha512: 128 };
const TEMPLATE = /\{\{[\s\S]*?\}\}|\$\{[^}]*\}/;

/** True for `{{ .Values.image }}`, `{{args.image}}`, `${IMAGE}`: the real value is only known later. */
export function isTemplatedImage(raw: string): boolean {
  return TEMPLATE.test(raw);
}

/** Parse an image reference; never throws. */
export function parseImageReference(raw: string): ParsedImage {
  if (raw.trim() === '') return fail('the image reference is empty', 0, raw.length);
  const ws = raw.search(/\s/);
  if (ws >= 0) return fail(`contains whitespace at position ${ws + 1}`, ws, ws + 1);
  const at = raw.indexOf('@');
  const nameAndTag = at < 0 ? raw : raw.slice(0, at);
  const digestProblem = at < 0 ? undefined : checkDigest(raw.slice(at + 1), at);
  if (digestProblem) return { ok: false, problem: digestProblem };
  const slash = nameAndTag.indexOf('/');
  const first = slash < 0 ? '' : nameAndTag.slice(0, slash);
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry && !DOMAIN.test(first) && !IPV6_DOMAIN.test(first)) return fail(`registry '${first}' is not a valid host[:port]`, 0, slash);
  const pathStart = hasRegistry ? slash + 1 : 0;
  const rest = nameAndTag.slice(pathStart);
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  const path = colon < 0 ? rest : rest.slice(0, colon);
  const pathProblem = checkPath(path, pathStart);
  if (pathProblem) return { ok: false, problem: pathProblem };
  const tag = colon < 0 ? undefined : rest.slice(colon + 1);
  const tagStart = pathStart + colon;
  if (tag !== undefined && !TAG.test(tag)) {
    return fail(tag === '' ? "':' is not followed by a tag" : `tag '${tag}' is not valid (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')`, tagStart, tagStart + 1 + tag.length);
  }
  const ref: ImageReference = {
    raw,
    registry: hasRegistry ? first : undefined,
    path,
    repository: hasRegistry ? `${first}/${path}` : path,
    tag,
    digest: at < 0 ? undefined : raw.slice(at + 1),
    tagRange: tag === undefined ? undefined : [tagStart, tagStart + 1 + tag.length],
    digestRange: at < 0 ? undefined : [at, raw.length],
  };
  return { ok: true, ref };
}

function checkPath(path: string, offset: number): ImageProblem | undefined {
  if (path === '') return { reason: 'the repository name is empty', range: [offset, offset + 1] };
  let pos = offset;
  for (const component of path.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      const why = component !== component.toLowerCase() && PATH_COMPONENT.test(component.toLowerCase()) ? 'must be lowercase' : 'may only contain lowercase letters, digits and single separators (., _, __, -)';
      return { reason: `repository component '${component}' ${why}`, range: [pos, pos + Math.max(component.length, 1)] };
    }
    pos += component.length + 1;
  }
  return undefined;
}

function checkDigest(digest: string, at: number): ImageProblem | undefined {
  const end = at + 1 + digest.length;
  const colon = digest.indexOf(':');
  if (colon < 0) return { reason: `digest '${digest}' has no algorithm (expected sha256:<64 hex>)`, range: [at, end] };
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (!DIGEST_ALGORITHM.test(algorithm)) return { reason: `digest algorithm '${algorithm}' is not valid`, range: [at, end] };
  const length = DIGEST_LENGTHS[algorithm];
  if (length === undefined) return { reason: `digest algorithm '${algorithm}' is not one the OCI spec registers (sha256, sha512)`, range: [at, end] };
  if (hex.length !== length || !/^[0-9a-f]+$/.test(hex)) {
    const what = /^[0-9a-fA-F]+$/.test(hex) && hex !== hex.toLowerCase() ? 'uppercase hex' : hex.length !== length ? `${hex.length} characters` : 'characters that are not hex';
    return { reason: `digest '${digest}' is malformed: ${algorithm} needs ${length} lowercase hex digits, found ${what}`, range: [at, end] };
  }
  return undefined;
}

function fail(reason: string, start: number, end: number): ParsedImage {
  return { ok: false, problem: { reason, range: [start, Math.max(end, start + 1)] } };
}

/** True for the `latest` tag in any letter case (`LATEST` is just as mutable). */
export function isLatestTag(tag: string | undefined): boolean {
  return tag !== undefined && tag.toLowerCase() === 'latest';
}

/** Abbreviated digest for titles: `sha256:abcd1234…`. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return colon < 0 ? digest : `${digest.slice(0, colon + 13)}…`;
}
