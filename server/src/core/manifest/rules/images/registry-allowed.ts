import type { ManifestRule } from '../rule';
import type { ImageReference } from './image-reference';
import { describe, IMAGE_KINDS, imageSites, partSpan } from './image-sites';

/** TG-IMG-005: images must come from the registries the policy trusts. */
export const registryAllowedRule: ManifestRule = {
  id: 'TG-IMG-005',
  title: 'Image registry not allowed',
  description: "Fires when the policy lists allowed registries (`images.allowedRegistries`: registry hosts such as `ghcr.io` or repository prefixes such as `ghcr.io/acme/`) and a container image matches none of them. Images without a registry come from Docker Hub (`docker.io`). An empty list allows any registry.",
  example: '# images.allowedRegistries: [ghcr.io/acme/]\ncontainers:\n  - name: web\n    image: docker.io/someone/web:1.0',
  fix: 'Mirror the image into an allowed registry and reference it there.',
  kinds: IMAGE_KINDS,
  levels: ['warning', 'error', 'error'],
  check(ctx) {
    const allowed = ctx.settings.images.allowedRegistries;
    if (allowed.length === 0) return;
    for (const site of imageSites(ctx.doc)) {
      const ref = site.parsed?.ok ? site.parsed.ref : undefined;
      if (!ref || allowed.some((entry) => isAllowed(ref, entry))) continue;
      const registry = ref.registry ?? 'docker.io';
      const at = ref.registry === undefined ? site.cursor.span : partSpan(site, [0, ref.registry.length]);
      ctx.report({ at, message: `image '${ref.raw}' of ${describe(site)} comes from '${registry}', which is not among the allowed registries (${allowed.join(', ')})` });
    }
  },
};

/**
 * An entry without `/` is a registry host (`ghcr.io`, `localhost:5000`); one
 * with `/` is a repository prefix, matched on whole path segments so
 * `ghcr.io/acme` does not allow `ghcr.io/acme-evil/x`.
 */
export function isAllowed(ref: ImageReference, entry: string): boolean {
  const e = entry.trim().toLowerCase();
  if (e === '') return false;
  const full = ref.registry === undefined ? `docker.io/${ref.path.includes('/') ? ref.path : `library/${ref.path}`}` : ref.repository;
  const registry = (ref.registry ?? 'docker.io').toLowerCase();
  if (!e.includes('/')) return registry === e || (e === 'docker.io' && registry === 'index.docker.io');
  const prefix = e.endsWith('/') ? e : `${e}/`;
  const candidates = [full.toLowerCase(), ref.repository.toLowerCase()];
  return candidates.some((c) => `${c}/`.startsWith(prefix));
}
