import type { ManifestRule, RuleContext } from '../rule';
import { describe, IMAGE_KINDS, imageSites } from './image-sites';

/**
 * TG-IMG-007: images Tollgate cannot see. A templated value (`{{ … }}`,
 * `${…}`) is only known after rendering; a Rollout with `workloadRef` runs the
 * referenced Deployment's images — when that Deployment is in the workspace it
 * is checked as its own document, otherwise pinning cannot be verified.
 */
export const unverifiableImageRule: ManifestRule = {
  id: 'TG-IMG-007',
  title: 'Image pinning cannot be verified',
  description: "Fires when a container image is templated (`{{ … }}`, `${…}`), or when a Rollout's `workloadRef` names a Deployment that is not in the workspace: the images that will run cannot be checked for pinning.",
  example: 'containers:\n  - name: web\n    image: "${IMAGE}"',
  fix: 'Check the rendered manifest, or add the referenced Deployment to the workspace.',
  kinds: IMAGE_KINDS,
  levels: ['info', 'warning', 'error'],
  check(ctx) {
    for (const site of imageSites(ctx.doc)) {
      if (!site.templated) continue;
      ctx.report({ at: site.cursor, message: `image '${site.raw ?? ''}' of ${describe(site)} is templated: cannot verify pinning until it is rendered` });
    }
    if (ctx.doc.kind === 'Rollout') checkWorkloadRef(ctx);
  },
};

function checkWorkloadRef(ctx: RuleContext): void {
  const ref = ctx.doc.root.at('spec', 'workloadRef');
  if (!ref?.isMap) return;
  const kind = ref.get('kind')?.str() ?? 'Deployment';
  const nameCursor = ref.get('name');
  const name = nameCursor?.text();
  if (name !== undefined && ctx.workspace.find(kind, name, ctx.doc.namespace)) return;
  const what = name === undefined ? 'names no workload' : `names ${kind} '${name}', which is not in the workspace`;
  ctx.report({ at: nameCursor ?? ref, onKey: nameCursor === undefined, message: `spec.workloadRef ${what}: cannot verify pinning of the images this Rollout runs` });
}
