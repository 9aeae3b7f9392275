import type { ManifestRule } from '../rule';
import { isLatestTag } from './image-reference';
import { describe, IMAGE_KINDS, imageSites, partSpan } from './image-sites';
import { pinFixes } from './pin-fixes';

/** TG-IMG-001: `:latest` (any case) names whatever was pushed last, not an artifact. */
export const latestTagRule: ManifestRule = {
  id: 'TG-IMG-001',
  title: 'Image uses the latest tag',
  description: 'Unless the policy\'s pinning level is `any`, fires when a container image (app, init or ephemeral container; also Job templates in AnalysisTemplates) is tagged `latest` in any letter case and carries no digest: what runs changes with every push and cannot be audited.',
  example: 'containers:\n  - name: web\n    image: nginx:latest',
  fix: 'Pin the image to a digest (`nginx@sha256:…`) or at least to a release tag.',
  kinds: IMAGE_KINDS,
  levels: ['warning', 'error', 'error'],
  check(ctx) {
    // Pinning level `any` means the policy makes no requirement on tags.
    if (ctx.settings.images.pinning === 'any') return;
    for (const site of imageSites(ctx.doc)) {
      const ref = site.parsed?.ok ? site.parsed.ref : undefined;
      if (!ref?.tagRange || ref.digest !== undefined || !isLatestTag(ref.tag)) continue;
      ctx.report({
        at: partSpan(site, [ref.tagRange[0] + 1, ref.tagRange[1]]),
        message: `image '${site.raw ?? ''}' of ${describe(site)} uses the mutable tag '${ref.tag ?? ''}': pin it to a digest or a release tag`,
        fixes: pinFixes(site, ref, ctx.workspace),
      });
    }
  },
};
