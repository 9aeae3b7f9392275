import type { ManifestRule } from '../rule';
import { isLatestTag } from './image-reference';
import { describe, IMAGE_KINDS, imageSites, partSpan } from './image-sites';
import { dropTagFix } from './pin-fixes';

/** TG-IMG-006: `app:latest@sha256:…` is pinned, but reads as if it were not. */
export const latestBesideDigestRule: ManifestRule = {
  id: 'TG-IMG-006',
  title: 'latest tag kept beside a digest',
  description: 'Fires when an image carries both the `latest` tag (any case) and a digest. The digest decides what runs, so the image is pinned, but the tag misleads readers and reviewers.',
  example: 'containers:\n  - name: web\n    image: app:latest@sha256:0123…',
  fix: 'Drop the `latest` tag and keep the digest (or write the release tag instead).',
  kinds: IMAGE_KINDS,
  levels: ['info', 'info', 'warning'],
  check(ctx) {
    for (const site of imageSites(ctx.doc)) {
      const ref = site.parsed?.ok ? site.parsed.ref : undefined;
      if (!ref?.tagRange || ref.digest === undefined || !isLatestTag(ref.tag)) continue;
      const fix = dropTagFix(site, ref);
      ctx.report({
        at: partSpan(site, [ref.tagRange[0] + 1, ref.tagRange[1]]),
        message: `image '${ref.raw}' of ${describe(site)} is pinned by digest but also tagged '${ref.tag ?? ''}', which misleads readers`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
