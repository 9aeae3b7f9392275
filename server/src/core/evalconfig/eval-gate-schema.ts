/**
 * The `EvalGate` file (apiVersion tollgate.dev/v1): one baseline/candidate
 * pair, how to read it, and the gate's thresholds. Thresholds left out are
 * inherited from the policy's tier (`spec.tier`, or the policy's tier label on
 * the metadata), then from EVALSIG's defaults.
 */
import { METHODS } from '../gate/compare';
import { RUN_FORMATS } from '../runs/read-run';
import { bool, int, map, num, obj, str } from '../schema/schema';

export const EVAL_GATE_SCHEMA = obj({
  apiVersion: str({ enum: ['tollgate.dev/v1'] }),
  kind: str({ enum: ['EvalGate'] }),
  metadata: obj({ name: str({ minLength: 1 }), labels: map(str()), annotations: map(str()) }),
  spec: obj({
    baseline: str({ minLength: 1, description: 'Baseline run file, relative to this file.' }),
    candidate: str({ minLength: 1, description: 'Candidate run file, relative to this file.' }),
    format: str({ enum: RUN_FORMATS, description: 'Run file format (default auto: by file name).', default: 'auto' }),
    metric: str({ minLength: 1, description: 'Metric to read from lm-eval/Inspect/HELM files.', default: 'accuracy' }),
    task: str({ minLength: 1, description: 'Task id for formats that carry none.' }),
    cluster: str({ minLength: 1, description: 'Opt in to cluster-aware inference; for lm-eval/Inspect/HELM the per-item field naming the cluster. The runs must carry it.' }),
    tier: int({ minimum: 0, description: 'Risk tier whose gate thresholds apply (default: the tier label, then the policy default).' }),
    minDelta: num({ exclusiveMinimum: 0, description: 'Smallest improvement worth shipping, in score units (inherited from the tier when absent).' }),
    alpha: num({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'Significance level (inherited; default 0.05).' }),
    power: num({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'Target power for the MDE (inherited; default 0.8).' }),
    twoSided: bool({ description: 'Two-sided test (default one-sided: the candidate must be better).', default: false }),
    method: str({ enum: METHODS, description: 'Inference method (default auto).', default: 'auto' }),
    resamples: int({ minimum: 1, maximum: 10_000_000, description: 'Resamples for permutation/bootstrap methods.', default: 10000 }),
    seed: int({ minimum: 0, description: 'Seed of the numpy-compatible generator.', default: 0 }),
  }, { required: ['baseline', 'candidate'] }),
}, { required: ['apiVersion', 'kind', 'spec'] });
