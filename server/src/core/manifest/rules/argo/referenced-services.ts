/**
 * The Services a Rollout names (lint's `setServiceTypeAndManagedAnnotation`):
 * canary/stable and ping/pong for canary, active/preview for blue-green, each
 * with the cursor of its name in the Rollout and the Service found in the
 * workspace (same namespace, or one without a namespace).
 */
import type { Cursor } from '../../../yaml/cursor';
import type { ManifestDoc } from '../../manifest-doc';
import type { RuleContext } from '../rule';
import { present, specOf, strategyOf } from './common';
import { stringMap } from './labels';

export interface ServiceRef {
  readonly name: string;
  /** The name's value in the Rollout (where findings go). */
  readonly at: Cursor;
  /** The Service object, when the workspace has it. */
  readonly service: ManifestDoc | undefined;
}

const CANARY_KEYS: readonly (readonly string[])[] = [['canaryService'], ['stableService'], ['pingPong', 'pingService'], ['pingPong', 'pongService']];
const BLUE_GREEN_KEYS: readonly (readonly string[])[] = [['activeService'], ['previewService']];

/** Service references of the Rollout in `ctx`. */
export function serviceRefs(ctx: RuleContext): ServiceRef[] {
  const s = strategyOf(ctx);
  const block = s?.canary ?? s?.blueGreen;
  if (!block) return [];
  const keys = s?.canary ? CANARY_KEYS : BLUE_GREEN_KEYS;
  return keys.flatMap((path) => {
    const at = block.at(...path);
    const name = at?.str();
    if (!at || !name) return [];
    return [{ name, at, service: ctx.workspace.find('Service', name, ctx.doc.namespace) }];
  });
}

/**
 * The pod template labels the controller compares Service selectors with:
 * the Rollout's own, or (with `workloadRef`) the referenced workload's when
 * it is in the workspace; undefined when unknown.
 */
export function podTemplateLabels(ctx: RuleContext): Record<string, string> | undefined {
  const spec = specOf(ctx);
  const ref = present(spec, 'workloadRef');
  if (!ref) return stringMap(spec?.at('template', 'metadata', 'labels'));
  const kind = ref.get('kind')?.str();
  const name = ref.get('name')?.str();
  const target = kind && name ? ctx.workspace.find(kind, name, ctx.doc.namespace) : undefined;
  return target ? stringMap(target.podTemplate()?.at('metadata', 'labels')) : undefined;
}
