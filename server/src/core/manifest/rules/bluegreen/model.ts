/** The blue-green strategy of an Argo Rollout, looked up once per document. */
import type { Cursor } from '../../../yaml/cursor';
import type { ManifestDoc } from '../../manifest-doc';

export interface BlueGreenModel {
  readonly spec: Cursor;
  /** `spec.strategy.blueGreen` (a map). */
  readonly bg: Cursor;
}

const CACHE = new WeakMap<ManifestDoc, BlueGreenModel | null>();

/** The blue-green model of an Argo Rollout with a `blueGreen` map; undefined otherwise. */
export function blueGreenModel(doc: ManifestDoc): BlueGreenModel | undefined {
  let model = CACHE.get(doc);
  if (model === undefined) {
    const spec = doc.kind === 'Rollout' && doc.isArgo ? doc.root.get('spec') : undefined;
    const bg = spec?.at('strategy', 'blueGreen');
    model = spec && bg?.isMap ? { spec, bg } : null;
    CACHE.set(doc, model);
  }
  return model ?? undefined;
}
