import type { ManifestRule } from '../rule';
import { describe, IMAGE_KINDS, imageSites } from './image-sites';
import { pinFixes } from './pin-fixes';

/** TG-IMG-002: no tag and no digest means `latest`; a registry port (`localhost:5000/app`) is not a tag. */
export const untaggedRule: ManifestRule = {
  id: 'TG-IMG-002',
  title: 'Image has no tag and no digest',
  description: 'Unless the policy\'s pinning level is `any`, fires when a container image names neither a tag nor a digest, which the runtime resolves to `latest`. A registry port such as `localhost:5000/app` is not a tag.',
  example: 'containers:\n  - name: web\n    image: localhost:5000/app',
  fix: 'Add a digest (`@sha256:…`) or a release tag to the image.',
  kinds: IMAGE_KINDS,
  levels: ['warning', 'error', 'error'],
  check(ctx) {
    // Pinning level `any` means the policy makes no requirement on tags.
    if (ctx.settings.images.pinning === 'any') return;
    for (const site of imageSites(ctx.doc)) {
      const ref = site.parsed?.ok ? site.parsed.ref : undefined;
      if (!ref || ref.tag !== undefined || ref.digest !== undefined) continue;
      const port = ref.registry?.includes(':') ? ` (':${ref.registry.slice(ref.registry.lastIndexOf(':') + 1)}' is the registry port, not a tag)` : '';
      ctx.report({
        at: site.cursor,
        message: `image '${ref.raw}' of ${describe(site)} has no tag and no digest, so it means 'latest'${port}: pin it to a digest or a release tag`,
        fixes: pinFixes(site, ref, ctx.workspace),
      });
    }
  },
};
