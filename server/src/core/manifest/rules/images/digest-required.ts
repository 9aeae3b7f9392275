import type { ManifestRule } from '../rule';
import { isLatestTag } from './image-reference';
import { describe, IMAGE_KINDS, imageSites, partSpan } from './image-sites';
import { pinFixes } from './pin-fixes';

/** TG-IMG-003: a tag can be re-pushed; where the policy wants digests, only a digest is evidence. */
export const digestRequiredRule: ManifestRule = {
  id: 'TG-IMG-003',
  title: 'Image pinned by tag where the policy requires a digest',
  description: "Fires when the policy's image pinning level is `digest` (tier 2 by default) and a container image has a tag but no `@sha256:` digest. Tags are mutable; only a digest identifies the artifact that was tested and approved.",
  example: '# tollgate.dev/tier: "2"\ncontainers:\n  - name: web\n    image: ghcr.io/acme/web:1.4.2',
  fix: 'Append the digest of the tested artifact: `ghcr.io/acme/web:1.4.2@sha256:…`.',
  kinds: IMAGE_KINDS,
  levels: ['off', 'warning', 'error'],
  check(ctx) {
    if (ctx.settings.images.pinning !== 'digest') return;
    for (const site of imageSites(ctx.doc)) {
      const ref = site.parsed?.ok ? site.parsed.ref : undefined;
      // Untagged and `latest` images have their own, stronger rules.
      if (!ref?.tagRange || ref.digest !== undefined || isLatestTag(ref.tag)) continue;
      ctx.report({
        at: partSpan(site, [ref.tagRange[0] + 1, ref.tagRange[1]]),
        message: `image '${ref.raw}' of ${describe(site)} is pinned by tag '${ref.tag ?? ''}' only; the policy requires a digest (tier ${ctx.tier}, ${ctx.environment})`,
        fixes: pinFixes(site, ref, ctx.workspace),
      });
    }
  },
};
