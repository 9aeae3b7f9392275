import { test } from 'node:test';
import { fires, quiet, rollout } from './argo-yaml';

test('TG-ARGO-A9 fires when no strategy is set, on the strategy key; a null canary counts as unset', () => {
  fires(rollout({ strategy: '{}' }), 'TG-ARGO-A9', { span: 'strategy', message: /^spec\.strategy: Required value: Rollout has missing field '\.spec\.strategy\.canary or \.spec\.strategy\.blueGreen'$/ });
  fires(rollout({ strategy: 'canary:' }), 'TG-ARGO-A9', { span: 'strategy' });
  quiet(rollout(), 'TG-ARGO-A9');
});

test('TG-ARGO-A10 fires when both strategies are set, on the second one', () => {
  fires(rollout({ strategy: 'canary: {}\nblueGreen: {activeService: a}' }), 'TG-ARGO-A10', { span: 'blueGreen', message: /Multiple Strategies can not be listed/ });
  quiet(rollout({ strategy: 'canary: {}\nblueGreen:' }), 'TG-ARGO-A10');
});

test('TG-ARGO-A9/A10 stay quiet for non-Argo Rollouts', () => {
  const kruise = 'apiVersion: rollouts.kruise.io/v1beta1\nkind: Rollout\nspec:\n  strategy: {}\n';
  quiet(kruise, 'TG-ARGO-A9');
  quiet(kruise, 'TG-ARGO-A10');
});
