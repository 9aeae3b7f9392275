/**
 * Shared plumbing for the Argo parity rules (TG-ARGO-*): the rule defaults
 * (always an error, every tier and environment), Go-like presence tests
 * (`key:` with a null value decodes to a nil pointer, so it counts as absent),
 * and the strategy the controller would validate. Rules word their messages
 * as `kubectl argo rollouts lint` prints them (`<path>: Invalid value: <v>:
 * <Argo's text>`) but with the real path (Argo drops `.canary` from canary paths).
 */
import type { Cursor } from '../../../yaml/cursor';
import type { ManifestRule, RuleContext } from '../rule';

type ArgoRuleSpec = Omit<ManifestRule, 'kinds' | 'levels' | 'nonProdLevels'>;

/** A parity rule: kinds `Rollout`, error in every tier, in prod and non-prod alike. */
export function argoRule(spec: ArgoRuleSpec): ManifestRule {
  return { ...spec, kinds: ['Rollout'], levels: ['error', 'error', 'error'], nonProdLevels: ['error', 'error', 'error'] };
}

export const VALIDATION_GO = 'argo-rollouts pkg/apis/rollouts/validation/validation.go';
export const REFERENCES_GO = 'argo-rollouts pkg/apis/rollouts/validation/validation_references.go';

/** The member `key` when it is present and not null (Go: a non-nil pointer / non-empty field). */
export function present(c: Cursor | undefined, key: string): Cursor | undefined {
  const v = c?.get(key);
  return v && !v.isNull ? v : undefined;
}

/** A string field as Go sees it: its text, or '' when absent, null or not a scalar. */
export function goString(c: Cursor | undefined, key: string): string {
  return c?.get(key)?.str() ?? '';
}

/** A bool field as Go sees it (absent or not a bool: false). */
export function goBool(c: Cursor | undefined, key: string): boolean {
  return c?.get(key)?.bool() === true;
}

/** An integer field, or undefined when absent or not an integer. */
export function goInt(c: Cursor | undefined, key: string): number | undefined {
  const n = c?.get(key)?.num();
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** `spec` of the Rollout when it is a map. */
export function specOf(ctx: RuleContext): Cursor | undefined {
  const spec = ctx.doc.root.get('spec');
  return spec?.isMap ? spec : undefined;
}

export interface Strategy {
  readonly spec: Cursor;
  readonly canary?: Cursor;
  readonly blueGreen?: Cursor;
}

/**
 * The strategy Argo validates: only when exactly one of canary/blueGreen is
 * set (with none or both, A9/A10 fire and Argo checks nothing further).
 */
export function strategyOf(ctx: RuleContext): Strategy | undefined {
  const spec = specOf(ctx);
  const strategy = spec?.get('strategy');
  if (!spec || !strategy?.isMap) return undefined;
  const canary = present(strategy, 'canary');
  const blueGreen = present(strategy, 'blueGreen');
  if (canary && !blueGreen) return { spec, canary };
  if (blueGreen && !canary) return { spec, blueGreen };
  return undefined;
}

/** The canary block, when canary is the (single) strategy. */
export function canaryOf(ctx: RuleContext): Cursor | undefined {
  return strategyOf(ctx)?.canary;
}

/** `canary.trafficRouting` when set (non-null). */
export function trafficRoutingOf(canary: Cursor): Cursor | undefined {
  return present(canary, 'trafficRouting');
}

/** Whether a router block is configured (`plugins` counts only when it has entries, as `len(Plugins) > 0`). */
export function hasRouter(tr: Cursor | undefined, router: string): boolean {
  if (!tr) return false;
  if (router === 'plugins') return (tr.get('plugins')?.entries().length ?? 0) > 0;
  return present(tr, router) !== undefined;
}

/** Canary steps that are present (null items included: Go decodes them to empty steps). */
export function stepsOf(canary: Cursor): Cursor[] {
  return canary.get('steps')?.items() ?? [];
}

/** A Go-style rendering of a value for `Invalid value: …` (strings quoted, numbers bare). */
export function goValue(c: Cursor | undefined): string | undefined {
  if (!c || c.isNull) return undefined;
  const s = c.str();
  if (s !== undefined) return JSON.stringify(s);
  return c.text();
}
