/**
 * The canary step list of a Rollout, parsed once per document and shared by
 * every TG-CAN/TG-ANL rule: each step's kind, weight, pause length and
 * whether it verifies the canary (an analysis, or an experiment with
 * analyses). Cached per ManifestDoc in a WeakMap so ten rules cost one parse.
 */
import type { Cursor } from '../../../yaml/cursor';
import type { ManifestDoc } from '../../manifest-doc';
import { pauseLength, type PauseLength } from './duration';

/** The step actions Argo knows (validation.go C12). */
export const STEP_KINDS = ['setWeight', 'pause', 'experiment', 'analysis', 'setCanaryScale', 'setHeaderRoute', 'setMirrorRoute', 'plugin'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface CanaryStep {
  readonly index: number;
  /** The step item (`- setWeight: 5`). */
  readonly cursor: Cursor;
  /** The step's single action; undefined when it sets none or several (Argo C12 reports those). */
  readonly kind: StepKind | undefined;
  /** The action's value (`5` of `setWeight: 5`, the map of `pause: {…}`). */
  readonly action: Cursor | undefined;
  /** `setWeight` as an integer; undefined when not a weight step or not a number. */
  readonly weight: number | undefined;
  /** Length of a `pause` step; undefined for other kinds. */
  readonly pause: PauseLength | undefined;
  /** An analysis step, or an experiment that runs analyses. */
  readonly verifies: boolean;
  /** An experiment step: it holds the rollout for its duration too. */
  readonly waits: boolean;
}

export interface CanaryModel {
  readonly spec: Cursor;
  /** `spec.strategy.canary` (a map). */
  readonly canary: Cursor;
  /** `canary.steps` as written (may be null, a scalar, an empty list). */
  readonly stepsCursor: Cursor | undefined;
  readonly steps: readonly CanaryStep[];
  readonly trafficRouting: Cursor | undefined;
  /** Background analysis `canary.analysis` when it names at least one template. */
  readonly backgroundAnalysis: Cursor | undefined;
}

const CACHE = new WeakMap<ManifestDoc, CanaryModel | null>();

/** The canary model of an Argo Rollout with a canary strategy map; undefined otherwise. */
export function canaryModel(doc: ManifestDoc): CanaryModel | undefined {
  let model = CACHE.get(doc);
  if (model === undefined) {
    model = build(doc) ?? null;
    CACHE.set(doc, model);
  }
  return model ?? undefined;
}

function build(doc: ManifestDoc): CanaryModel | undefined {
  if (doc.kind !== 'Rollout' || !doc.isArgo) return undefined;
  const spec = doc.root.get('spec');
  const canary = spec?.at('strategy', 'canary');
  if (!spec || !canary?.isMap) return undefined;
  const stepsCursor = canary.get('steps');
  const steps = (stepsCursor?.items() ?? []).map(parseStep);
  const tr = canary.get('trafficRouting');
  const bg = canary.get('analysis');
  const bgTemplates = bg?.get('templates')?.items() ?? [];
  return { spec, canary, stepsCursor, steps, trafficRouting: tr && !tr.isNull ? tr : undefined, backgroundAnalysis: bgTemplates.length > 0 ? bg : undefined };
}

function parseStep(cursor: Cursor, index: number): CanaryStep {
  const actions = cursor.entries().filter(([k]) => (STEP_KINDS as readonly string[]).includes(k));
  const single = actions.length === 1 ? actions[0] : undefined;
  const kind = single?.[0] as StepKind | undefined;
  const action = single?.[1];
  const w = kind === 'setWeight' ? action?.num() : undefined;
  const experimentAnalyses = kind === 'experiment' ? (action?.get('analyses')?.items().length ?? 0) : 0;
  return {
    index,
    cursor,
    kind,
    action,
    weight: w !== undefined && Number.isInteger(w) ? w : undefined,
    pause: kind === 'pause' && action ? pauseLength(action) : undefined,
    verifies: kind === 'analysis' || experimentAnalyses > 0,
    waits: kind === 'experiment',
  };
}

/** True when the step gives the canary time to be observed: a pause longer than 0 s, an analysis, an experiment. */
export function isVerificationWindow(step: CanaryStep): boolean {
  if (step.verifies || step.waits) return true;
  return step.pause !== undefined && (step.pause.kind === 'indefinite' || (step.pause.kind === 'timed' && step.pause.seconds > 0));
}

/** The steps that set a numeric weight, in order. */
export function weightSteps(model: CanaryModel): CanaryStep[] {
  return model.steps.filter((s) => s.weight !== undefined);
}
