import { replaceSpan } from '../../../yaml/edits';
import type { ManifestRule } from '../rule';
import { blueGreenModel } from './model';

/** Argo's default, chosen to outlast kube-proxy's IP-table propagation. */
const MIN_DELAY = 30;

/** TG-BG-004. Scaling the old stack down sooner than IP tables propagate drops in-flight requests. */
export const scaleDownDelayRule: ManifestRule = {
  id: 'TG-BG-004',
  title: 'Blue-green scale-down delay at least 30 s',
  description: 'Fires on a blue-green `scaleDownDelaySeconds` below 30: old pods may go away before every node routes to the new ones.',
  example: 'blueGreen:\n  activeService: web\n  scaleDownDelaySeconds: 5',
  fix: 'Set `scaleDownDelaySeconds: 30` or more.',
  kinds: ['Rollout'],
  levels: ['warning', 'warning', 'warning'],
  check(ctx) {
    const delay = blueGreenModel(ctx.doc)?.bg.get('scaleDownDelaySeconds');
    const n = delay?.num();
    if (!delay || n === undefined || n >= MIN_DELAY) return;
    ctx.report({
      at: delay,
      message: `scaleDownDelaySeconds ${n} is below ${MIN_DELAY}: the old ReplicaSet may be scaled down before IP tables on every node point at the new pods`,
      fixes: [{ title: `Set ${MIN_DELAY}`, edits: [replaceSpan(delay.span, String(MIN_DELAY))], preferred: true }],
    });
  },
};
