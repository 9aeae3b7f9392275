/**
 * The code lens above each Rollout: what the strategy will do and how the
 * policy sees it, e.g. `canary 5→25→50→100 · 3 pauses (1 manual) · 2 analyses
 * · tier 2 (prod) → 4 findings`. Reads the parse and the findings already
 * computed; runs no rule.
 */
import type { Finding, Span } from '../findings';
import { manifestDocs } from '../manifest/check-manifest';
import type { ManifestDoc } from '../manifest/manifest-doc';
import type { Policy } from '../policy/model';
import { resolveScope } from '../policy/resolve';
import type { Cursor } from '../yaml/cursor';

export interface EditorLens {
  readonly span: Span;
  readonly title: string;
}

/** One lens per Argo Rollout document of `text` (or of its already parsed documents). */
export function rolloutLenses(uri: string, source: string | readonly ManifestDoc[], findings: readonly Finding[], policy: Policy): EditorLens[] {
  const docs = typeof source === 'string' ? manifestDocs(uri, source) : source;
  return docs
    .filter((d) => d.kind === 'Rollout' && d.isArgo && d.yaml.errors.length === 0)
    .map((d) => ({ span: d.headSpan, title: summary(d, findings, policy) }));
}

function summary(doc: ManifestDoc, findings: readonly Finding[], policy: Policy): string {
  const strategy = doc.root.at('spec', 'strategy');
  const parts = strategy?.get('canary') ? canaryParts(strategy.get('canary')) : strategy?.get('blueGreen') ? blueGreenParts(strategy.get('blueGreen')) : ['no strategy'];
  const scope = resolveScope(policy, doc);
  const n = findings.filter((f) => f.span.start >= doc.span.start && f.span.start < Math.max(doc.span.end, doc.span.start + 1)).length;
  parts.push(`tier ${scope.tier} (${scope.environment}) → ${n === 0 ? 'no findings' : `${n} finding${n === 1 ? '' : 's'}`}`);
  return parts.join(' · ');
}

function canaryParts(canary: Cursor | undefined): string[] {
  const steps = canary?.get('steps')?.items() ?? [];
  const weights = steps.flatMap((s) => (s.get('setWeight')?.num() === undefined ? [] : [s.get('setWeight')?.num() ?? 0]));
  // After the last step Argo promotes to 100% by itself.
  if (weights.at(-1) !== 100) weights.push(100);
  const pauses = steps.filter((s) => s.get('pause') !== undefined);
  const manual = pauses.filter((s) => s.get('pause')?.get('duration') === undefined).length;
  const analyses = steps.filter((s) => s.get('analysis') !== undefined).length + (canary?.get('analysis') ? 1 : 0);
  return [
    `canary ${weights.join('→')}`,
    `${plural(pauses.length, 'pause')}${manual > 0 ? ` (${manual} manual)` : ''}`,
    plural(analyses, 'analysis', 'analyses'),
  ];
}

function blueGreenParts(bg: Cursor | undefined): string[] {
  const auto = bg?.get('autoPromotionEnabled')?.bool() !== false;
  const analyses = ['prePromotionAnalysis', 'postPromotionAnalysis'].filter((k) => bg?.get(k) !== undefined).length;
  return ['blueGreen', auto ? 'auto-promotion' : 'manual promotion', plural(analyses, 'analysis', 'analyses')];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
