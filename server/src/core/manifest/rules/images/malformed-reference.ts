import type { ManifestRule } from '../rule';
import { describe, IMAGE_KINDS, imageSites, partSpan } from './image-sites';

/** TG-IMG-004: the runtime would refuse the reference (or, worse, a linter would accept `app@sha256:abc`). */
export const malformedReferenceRule: ManifestRule = {
  id: 'TG-IMG-004',
  title: 'Malformed image reference or digest',
  description: 'Fires when a container image is not a valid reference: a digest that is not `sha256:` + 64 lowercase hex (or `sha512:` + 128), an unknown digest algorithm, uppercase or invalid characters in the repository, an invalid tag, an empty value, or a value that is not a string.',
  example: 'containers:\n  - name: web\n    image: app@sha256:abc',
  fix: 'Write the reference as `registry/repository[:tag][@sha256:<64 lowercase hex>]`.',
  kinds: IMAGE_KINDS,
  levels: ['error', 'error', 'error'],
  // A reference the runtime cannot pull fails in every environment.
  nonProdLevels: ['error', 'error', 'error'],
  check(ctx) {
    for (const site of imageSites(ctx.doc)) {
      if (site.raw === undefined) {
        if (!site.cursor.isNull) ctx.report({ at: site.cursor, message: `image of ${describe(site)} must be a string, found ${site.cursor.isMap ? 'a map' : 'a list'}` });
        continue;
      }
      if (!site.parsed || site.parsed.ok) continue;
      const { reason, range } = site.parsed.problem;
      ctx.report({ at: partSpan(site, range), message: `image '${site.raw}' of ${describe(site)} is malformed: ${reason}` });
    }
  },
};
