/**
 * The options `gate` and `compare` share (EVALSIG's flags, unchanged), and
 * their conversion into reader and comparison options.
 */
import { UsageError } from '../core/errors';
import { METHODS, type MethodName } from '../core/gate/compare';
import { checkProjectId } from '../core/store/layout';
import { RUN_FORMATS, type ReadRunOptions, type RunFormat } from '../core/runs/read-run';
import { expandRunDirectories } from '../node/run-directories';
import { type Args, type CommandSpec, type OptionSpec, usageError } from './args';

export const OUTPUTS = ['tty', 'json', 'markdown'] as const;
const MAX_RESAMPLES = 10_000_000;
export type OutputKind = (typeof OUTPUTS)[number];

export const RUN_OPTIONS: readonly OptionSpec[] = [
  { name: 'baseline', kind: 'string', required: true, repeatable: true, metavar: 'PATH', help: 'baseline run file, or a directory of them; repeat (with --candidate) to gate several tasks at once' },
  { name: 'candidate', kind: 'string', required: true, repeatable: true, metavar: 'PATH', help: 'candidate run file (or directory, paired by file name) for the --baseline in the same position' },
  { name: 'format', kind: 'string', choices: RUN_FORMATS, help: 'run file format (default auto: by file name)' },
  { name: 'metric', kind: 'string', repeatable: true, help: 'metric to read from lm_eval/inspect/helm files (default accuracy); repeat to gate several metrics' },
  { name: 'cluster', kind: 'string', metavar: 'NAME', help: 'opt in to cluster-aware inference; for lm_eval/inspect/helm, the per-item field naming the cluster' },
  { name: 'task', kind: 'string', help: 'task id for formats that do not carry one' },
  { name: 'baseline-model', kind: 'string', metavar: 'ID', help: 'model id of the baseline (lm_eval/helm)' },
  { name: 'candidate-model', kind: 'string', metavar: 'ID', help: 'model id of the candidate (lm_eval/helm)' },
  { name: 'alpha', kind: 'float', help: 'significance level, in (0, 1) (default 0.05)' },
  { name: 'power', kind: 'float', help: 'target power for the MDE, in (0, 1) (default 0.8)' },
  { name: 'method', kind: 'string', choices: METHODS, help: 'inference method (default auto)' },
  { name: 'resamples', kind: 'int', metavar: 'R', help: 'resamples for permutation/bootstrap methods (default 10000)' },
  { name: 'seed', kind: 'string', metavar: 'N', help: 'seed of the numpy-compatible generator (default 0)' },
  { name: 'json', kind: 'string', metavar: 'PATH', help: 'also write the JSON report to PATH' },
  { name: 'output', kind: 'string', choices: OUTPUTS, help: 'stdout renderer (default tty)' },
];

/** `gate --store DIR [--project P]`: record both runs and the verdict in a run store. */
export const STORE_OPTIONS: readonly OptionSpec[] = [
  { name: 'store', kind: 'string', metavar: 'DIR', help: 'record both runs, the verdict, delta and p-value in the run store under DIR' },
  { name: 'project', kind: 'string', metavar: 'P', help: 'run-store project for --store (default: default)' },
];

/** Where --store records, with the project id checked up front; undefined without --store. */
export function storeTarget(spec: CommandSpec, args: Args): { root: string; project: string } | undefined {
  const root = args.str('store');
  const project = args.str('project');
  if (root === undefined) {
    if (project !== undefined) usageError(spec, '--project needs --store');
    return undefined;
  }
  try {
    return { root, project: checkProjectId(project ?? 'default') };
  } catch (e) {
    if (e instanceof UsageError) usageError(spec, e.message);
    throw e;
  }
}

export interface RunPair {
  readonly baseline: string;
  readonly candidate: string;
}

/** The run pairs to gate: repeated --baseline/--candidate in order, directories paired by file name. */
export function runPairs(spec: CommandSpec, args: Args): RunPair[] {
  const b = args.strs('baseline');
  const c = args.strs('candidate');
  if (b.length !== c.length) usageError(spec, `got ${b.length} --baseline but ${c.length} --candidate; give them in pairs`);
  return expandRunDirectories(b.map((baseline, i) => ({ baseline, candidate: c[i] })));
}

export function readOptions(args: Args, side: 'baseline' | 'candidate', metric: string): ReadRunOptions {
  return {
    format: (args.str('format') ?? 'auto') as RunFormat,
    metric,
    clusterKey: args.str('cluster') ?? null,
    modelId: args.str(`${side}-model`) ?? null,
    taskId: args.str('task') ?? null,
  };
}

export interface StatOptions {
  method: MethodName;
  cluster: string | null;
  alpha: number;
  power: number;
  resamples: number;
  seed: bigint;
}

/** Parameter checks EVALSIG lacked (alpha 1.5 or 0 resamples used to run and print nonsense). */
export function statOptions(spec: CommandSpec, args: Args): StatOptions {
  const alpha = args.num('alpha') ?? 0.05;
  const power = args.num('power') ?? 0.8;
  const resamples = args.num('resamples') ?? 10_000;
  const seedText = (args.str('seed') ?? '0').trim();
  if (!(alpha > 0 && alpha < 1)) usageError(spec, `--alpha must be between 0 and 1 (exclusive), got ${alpha}`);
  if (!(power > 0 && power < 1)) usageError(spec, `--power must be between 0 and 1 (exclusive), got ${power}`);
  // The upper bound keeps a typo (1e9) from becoming a minutes-long run and a gigabyte array.
  if (!(Number.isSafeInteger(resamples) && resamples >= 1 && resamples <= MAX_RESAMPLES)) {
    usageError(spec, `--resamples must be an integer from 1 to ${MAX_RESAMPLES.toLocaleString('en-US')}, got ${resamples}`);
  }
  if (!/^\+?\d+$/.test(seedText)) usageError(spec, `--seed must be a non-negative integer, got '${seedText}'`);
  return {
    method: (args.str('method') ?? 'auto') as MethodName,
    cluster: args.str('cluster') ?? null,
    alpha,
    power,
    resamples,
    seed: BigInt(seedText.replace('+', '')),
  };
}

export function outputKind(args: Args): OutputKind {
  return (args.str('output') ?? 'tty') as OutputKind;
}
