/**
 * Reads an EvalGate file into a gate plan without touching any run file:
 * schema findings, the resolved thresholds (file → policy tier → EVALSIG
 * defaults, each with where it came from) and the spans later findings point
 * at. Cheap enough to run on every keystroke.
 */
import type { Finding } from '../findings';
import type { MethodName } from '../gate/compare';
import type { Policy } from '../policy/model';
import type { RunFormat } from '../runs/read-run';
import { problemsToFindings, validateSchema } from '../schema/validate';
import type { Cursor } from '../yaml/cursor';
import { parseYamlFile } from '../yaml/yaml-file';
import { DOC_INVALID } from '../manifest/rules/documents';
import { EVAL_GATE_SCHEMA } from './eval-gate-schema';
import { EVAL_RULES } from './eval-gate-rules';

export type Origin = 'file' | 'tier' | 'default';

export interface EvalGatePlan {
  readonly path: string;
  readonly name: string;
  readonly baseline: string;
  readonly candidate: string;
  readonly format: RunFormat;
  readonly metric: string | undefined;
  readonly task: string | undefined;
  readonly cluster: string | null;
  readonly tier: number;
  readonly minDelta: number;
  readonly alpha: number;
  readonly power: number;
  readonly oneSided: boolean;
  readonly method: MethodName;
  readonly resamples: number;
  readonly seed: number;
  /** Where each threshold came from (hover: "alpha 0.01 from tier 2"). */
  readonly origins: Readonly<Record<'minDelta' | 'alpha' | 'power', Origin>>;
  /** Spans for findings: the `baseline:`/`candidate:`/`cluster:` values and the document head. */
  readonly spans: Readonly<Record<'baseline' | 'candidate' | 'cluster' | 'minDelta' | 'head', { start: number; end: number }>>;
}

export interface PlannedEvalGate {
  readonly findings: Finding[];
  /** Undefined when the file is too broken to run (no baseline/candidate, syntax errors). */
  readonly plan?: EvalGatePlan;
}

/** Parse and validate the first EvalGate document of `text`. */
export function planEvalGate(path: string, text: string, policy: Policy): PlannedEvalGate {
  const doc = parseYamlFile(text).docs.find((d) => !d.empty && (d.errors.length > 0 || d.root.get('kind')?.str() === 'EvalGate'));
  if (!doc) return { findings: [] };
  const first = doc.errors[0];
  if (first) return { findings: [{ ruleId: DOC_INVALID.id, severity: 'error', message: `YAML syntax error: ${first.message}`, span: first.span }] };
  const findings = problemsToFindings(validateSchema(doc.root, EVAL_GATE_SCHEMA), EVAL_RULES.schema.id);
  const spec = doc.root.get('spec');
  const baseline = spec?.get('baseline')?.str();
  const candidate = spec?.get('candidate')?.str();
  if (!spec || baseline === undefined || candidate === undefined || findings.length > 0) return { findings };
  return { findings, plan: buildPlan(path, doc.root, spec, policy, { baseline, candidate }) };
}

function buildPlan(path: string, root: Cursor, spec: Cursor, policy: Policy, runs: { baseline: string; candidate: string }): EvalGatePlan {
  const tierLabel = root.at('metadata', 'labels', policy.tierKey)?.text() ?? root.at('metadata', 'annotations', policy.tierKey)?.text();
  const tier = spec.get('tier')?.num() ?? (tierLabel !== undefined && /^\d+$/.test(tierLabel) ? Number(tierLabel) : policy.defaultTier);
  const tierGate = policy.tiers.find((t) => t.id === tier)?.gate ?? {};
  const pick = (key: 'minDelta' | 'alpha' | 'power', fallback: number): [number, Origin] => {
    const own = spec.get(key)?.num();
    if (own !== undefined) return [own, 'file'];
    const inherited = tierGate[key];
    return inherited !== undefined ? [inherited, 'tier'] : [fallback, 'default'];
  };
  const [minDelta, dOrigin] = pick('minDelta', 0.01);
  const [alpha, aOrigin] = pick('alpha', 0.05);
  const [power, pOrigin] = pick('power', 0.8);
  const span = (c: Cursor | undefined) => c?.span ?? root.span;
  return {
    path,
    name: root.at('metadata', 'name')?.str() ?? path,
    ...runs,
    format: (spec.get('format')?.str() ?? 'auto') as RunFormat,
    metric: spec.get('metric')?.str(),
    task: spec.get('task')?.str(),
    cluster: spec.get('cluster')?.str() ?? null,
    tier,
    minDelta,
    alpha,
    power,
    oneSided: !(spec.get('twoSided')?.bool() ?? tierGate.twoSided ?? false),
    method: (spec.get('method')?.str() ?? tierGate.method ?? 'auto') as MethodName,
    resamples: spec.get('resamples')?.num() ?? 10_000,
    seed: spec.get('seed')?.num() ?? 0,
    origins: { minDelta: dOrigin, alpha: aOrigin, power: pOrigin },
    spans: {
      baseline: span(spec.get('baseline')),
      candidate: span(spec.get('candidate')),
      cluster: span(spec.get('cluster')),
      minDelta: spec.get('minDelta')?.entrySpan ?? spec.keySpan,
      head: root.get('kind')?.span ?? root.span,
    },
  };
}
