import type { ManifestRule } from '../rule';
import { blueGreenModel } from './model';

/** TG-BG-006. A preview stack smaller than production does not show how the release behaves under full load. */
export const previewReplicaCountRule: ManifestRule = {
  id: 'TG-BG-006',
  title: 'Preview stack as large as production',
  description: 'Fires when a blue-green `previewReplicaCount` is below `spec.replicas` (default 1): tests against the preview do not see production scale.',
  example: 'replicas: 10\nstrategy:\n  blueGreen:\n    activeService: web\n    previewReplicaCount: 1',
  fix: 'Raise `previewReplicaCount` to `replicas`, or remove it.',
  kinds: ['Rollout'],
  levels: ['off', 'off', 'info'],
  check(ctx) {
    const m = blueGreenModel(ctx.doc);
    const preview = m?.bg.get('previewReplicaCount');
    const count = preview?.num();
    const replicasCursor = m?.spec.get('replicas');
    const replicas = replicasCursor === undefined ? 1 : replicasCursor.num();
    if (!preview || count === undefined || replicas === undefined || count >= replicas) return;
    ctx.report({ at: preview, message: `previewReplicaCount ${count} is below replicas ${replicas}: the preview stack is not representative of production load` });
  },
};
