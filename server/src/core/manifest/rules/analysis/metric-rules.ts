import type { Cursor } from '../../../yaml/cursor';
import type { ManifestRule } from '../rule';
import { parseGoDuration } from '../canary/duration';

/** Providers Argo knows (`Metric.Provider`); `plugin` counts once per plugin entry. */
const PROVIDERS = ['prometheus', 'job', 'web', 'wavefront', 'kayenta', 'datadog', 'newRelic', 'cloudWatch', 'graphite', 'influxdb', 'skywalking'];

interface Problem {
  readonly at: Cursor;
  readonly onKey?: boolean;
  readonly message: string;
}

/**
 * TG-ANL-004. Argo validates a template's metrics only when it creates an
 * AnalysisRun (`ValidateMetrics` in argo-rollouts `utils/analysis/factory.go`),
 * i.e. in the middle of a rollout. We run the same checks at edit time and,
 * unlike Argo, report every metric's first problem instead of the first overall.
 * IntOrString fields holding a placeholder (`{{args.count}}`) are skipped.
 */
export const metricRulesRule: ManifestRule = {
  id: 'TG-ANL-004',
  title: 'Analysis metrics valid',
  description:
    'Fires on an AnalysisTemplate/ClusterAnalysisTemplate with no metrics, a duplicate metric name, a negative or inconsistent count/failureLimit/consecutiveSuccessLimit/inconclusiveLimit/consecutiveErrorLimit, a missing or unparsable interval, an unparsable initialDelay, or not exactly one provider.',
  example: 'metrics:\n- name: error-rate\n  count: 5\n  provider:\n    prometheus: {query: "…"}',
  fix: 'Correct the metric as the message says (Argo reports the same text when the AnalysisRun is created).',
  source: 'argo-rollouts utils/analysis/factory.go (ValidateMetrics, ValidateMetric)',
  kinds: ['AnalysisTemplate', 'ClusterAnalysisTemplate'],
  levels: ['error', 'error', 'error'],
  check(ctx) {
    const spec = ctx.doc.root.get('spec');
    if (!spec?.isMap) return;
    const metrics = spec.get('metrics');
    const items = metrics?.items() ?? [];
    if (items.length === 0) {
      ctx.report({ at: metrics ?? spec, onKey: true, message: `no metrics specified (${(metrics ?? spec).pathText})` });
      return;
    }
    const names = new Set<string>();
    items.forEach((m, i) => {
      const name = m.get('name')?.text();
      const problem = name !== undefined && names.has(name) ? { at: m.get('name') ?? m, message: `duplicate name '${name}'` } : validateMetric(m);
      if (name !== undefined) names.add(name);
      if (problem) ctx.report({ at: problem.at, ...(problem.onKey ? { onKey: true } : {}), message: `metrics[${i}]: ${problem.message}` });
    });
  },
};

/** IntOrString as Argo's `IntValue()`: an int, a numeric string; undefined when absent or not known until args resolve. */
function intValue(c: Cursor | undefined): number | undefined {
  if (!c || c.isNull) return undefined;
  const n = c.num();
  if (n !== undefined) return Math.trunc(n);
  const s = c.str();
  return s !== undefined && /^[-+]?[0-9]+$/.test(s) ? Number(s) : undefined;
}

/** The first problem of one metric, in Argo's order and words. */
function validateMetric(m: Cursor): Problem | undefined {
  if (!m.isMap) return undefined;
  const field = (k: string) => ({ c: m.get(k), v: intValue(m.get(k)) });
  const count = field('count');
  const failure = field('failureLimit');
  const success = field('consecutiveSuccessLimit');
  const inconclusive = field('inconclusiveLimit');
  const errors = field('consecutiveErrorLimit');
  const at = (f: { c: Cursor | undefined }) => f.c ?? m;
  const [cnt, fl, csl, il] = [count.v ?? 0, failure.v ?? 0, success.v ?? 0, inconclusive.v ?? 0];
  if (csl < 0) return { at: at(success), message: 'consecutiveSuccessLimit must be >= 0' };
  if (fl < -1) return { at: at(failure), message: 'failureLimit must be >= 0, or -1 to be disabled' };
  if (csl === 0 && fl === -1) return { at: at(failure), message: 'failureLimit and consecutiveSuccessLimit cannot both be disabled' };
  if (il < 0) return { at: at(inconclusive), message: 'inconclusiveLimit must be >= 0' };
  if (errors.v !== undefined && errors.v < 0) return { at: at(errors), message: 'consecutiveErrorLimit must be >= 0' };
  if (count.v !== undefined && cnt > 0) {
    if (csl >= 0 && fl >= 0 && cnt < fl + csl) return { at: at(count), message: `count (${cnt}) must be >= failureLimit + consecutiveSuccessLimit (${fl} + ${csl}) if both >= 0` };
    if (csl >= 0 && fl < 0 && cnt < csl) return { at: at(count), message: 'count must be >= consecutiveSuccessLimit' };
    if (cnt < il) return { at: at(count), message: 'count must be >= inconclusiveLimit' };
  }
  return durations(m, count.v ?? 0) ?? providers(m);
}

function durations(m: Cursor, count: number): Problem | undefined {
  const interval = m.get('interval');
  const intervalText = interval?.text() ?? '';
  if (count > 1 && intervalText === '') return { at: m.get('count') ?? m, message: 'interval must be specified when count > 1' };
  if (interval && intervalText !== '' && !placeholder(intervalText) && parseGoDuration(intervalText) === undefined) {
    return { at: interval, message: `invalid interval string: time: invalid duration "${intervalText}"` };
  }
  const delay = m.get('initialDelay');
  const delayText = delay?.text() ?? '';
  if (delay && delayText !== '' && !placeholder(delayText) && parseGoDuration(delayText) === undefined) {
    return { at: delay, message: `invalid startDelay string: time: invalid duration "${delayText}"` };
  }
  return undefined;
}

function providers(m: Cursor): Problem | undefined {
  const provider = m.get('provider');
  const keys = provider?.keys() ?? [];
  const plugins = provider?.get('plugin')?.keys().length ?? 0;
  const n = keys.filter((k) => PROVIDERS.includes(k) && !provider?.get(k)?.isNull).length + plugins;
  if (n === 0) return { at: provider ?? m.get('name') ?? m, onKey: true, message: 'no provider specified' };
  if (n > 1) return { at: provider ?? m, onKey: true, message: 'multiple providers specified' };
  return undefined;
}

function placeholder(s: string): boolean {
  return s.includes('{{');
}
