import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fires, fixClears, quiet, rollout } from './argo-yaml';

const bg = (body: string) => rollout({ strategy: `blueGreen:\n${body.split('\n').map((l) => `  ${l}`).join('\n')}` });

test('TG-ARGO-B1 fires when active equals preview, and the fix renames the preview service', () => {
  const yaml = bg('activeService: web\npreviewService: web');
  fires(yaml, 'TG-ARGO-B1', { span: 'web', message: /^spec\.strategy\.blueGreen\.activeService: Invalid value: "web": This rollout uses the same service for the active and preview services, but two different services are required\.$/ });
  assert.match(fixClears(yaml, 'TG-ARGO-B1'), /previewService: "web-preview"/);
  fires(bg('autoPromotionEnabled: false'), 'TG-ARGO-B1', { span: 'blueGreen' }); // both empty: Argo compares ""
  quiet(bg('activeService: web\npreviewService: web-preview'), 'TG-ARGO-B1');
  quiet(bg('activeService: web'), 'TG-ARGO-B1');
});

test('TG-ARGO-B2 compares scaleDownDelayRevisionLimit with revisionHistoryLimit (default 10)', () => {
  fires(bg('activeService: web\nscaleDownDelayRevisionLimit: 11'), 'TG-ARGO-B2', { span: '11', message: /revision history limit can not be smaller than the rollout's scale down limit \(revisionHistoryLimit is 10\)/ });
  fires(rollout({ spec: 'revisionHistoryLimit: 2', strategy: 'blueGreen:\n  activeService: web\n  scaleDownDelayRevisionLimit: 3' }), 'TG-ARGO-B2', { span: '3' });
  quiet(bg('activeService: web\nscaleDownDelayRevisionLimit: 10'), 'TG-ARGO-B2');
  quiet(rollout({ strategy: 'canary:\n  scaleDownDelayRevisionLimit: 30' }), 'TG-ARGO-B2'); // canary is not checked by Argo
});

test('TG-ARGO-B3 / C20 fire when antiAffinity lists none or both strategies', () => {
  fires(bg('activeService: web\nantiAffinity: {}'), 'TG-ARGO-B3', { span: 'antiAffinity', message: /^spec\.strategy\.blueGreen\.antiAffinity: .*AntiAffinity must have exactly one strategy listed$/ });
  fires(rollout({ strategy: 'canary:\n  antiAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution: {weight: 5}\n    requiredDuringSchedulingIgnoredDuringExecution: {}' }), 'TG-ARGO-C20', { span: 'antiAffinity' });
  quiet(bg('activeService: web\nantiAffinity:\n  requiredDuringSchedulingIgnoredDuringExecution: {}'), 'TG-ARGO-B3');
  quiet(rollout({ strategy: 'canary:\n  antiAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution: {weight: 5}' }), 'TG-ARGO-C20');
});

test('TG-ARGO-B4 / C21 fire when the preferred weight is outside 1-100 or missing', () => {
  fires(bg('activeService: web\nantiAffinity:\n  preferredDuringSchedulingIgnoredDuringExecution: {weight: 0}'), 'TG-ARGO-B4', { span: '0', message: /^spec\.strategy\.blueGreen\.antiAffinity\.weight: Invalid value: 0: AntiAffinity weight must be between 1-100$/ });
  fires(rollout({ strategy: 'canary:\n  antiAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution: {}' }), 'TG-ARGO-C21', { span: 'preferredDuringSchedulingIgnoredDuringExecution' });
  fires(rollout({ strategy: 'canary:\n  antiAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution: {weight: 101}' }), 'TG-ARGO-C21', { span: '101' });
  quiet(rollout({ strategy: 'canary:\n  antiAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution: {weight: 100}' }), 'TG-ARGO-C21');
});
