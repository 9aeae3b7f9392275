/** `tollgate mde`: minimum detectable effect, or the sample size for a target delta (EVALSIG's text). */
import { mde, requiredN } from '../../core/stats/mde';
import { pyFixed, pyFloatRepr, pyGrouped } from '../../core/text/python-format';
import { Args, type CommandSpec, parseArgs, usageError } from '../args';
import { emit } from '../emit';
import type { CommandResult } from './command';

export const MDE_SPEC: CommandSpec = {
  name: 'mde',
  summary: 'Minimum detectable effect for a design, or the paired items needed to detect --target-delta.',
  options: [
    { name: 'sd-diff', kind: 'float', required: true, metavar: 'SD', help: 'sample SD of the per-item paired difference' },
    { name: 'n-pairs', kind: 'int', metavar: 'N', help: 'paired items (default 1000)' },
    { name: 'target-delta', kind: 'float', metavar: 'X', help: 'if given, compute the required N instead of the MDE' },
    { name: 'alpha', kind: 'float', help: 'significance level (default 0.05)' },
    { name: 'power', kind: 'float', help: 'target power (default 0.8)' },
    { name: 'one-sided', kind: 'flag', help: 'one-sided test' },
    { name: 'n-clusters', kind: 'int', metavar: 'G', help: 'number of clusters (enables the design effect)' },
    { name: 'icc', kind: 'float', help: 'intra-cluster correlation (default 0.0)' },
    { name: 'cluster-size', kind: 'float', metavar: 'M', help: 'mean cluster size for --target-delta (default 1.0)' },
  ],
};

export function runMde(argv: readonly string[]): CommandResult {
  const parsed = parseArgs(MDE_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: MDE_SPEC };
  const args = new Args(parsed);
  const sd = args.num('sd-diff') as number;
  const alpha = args.num('alpha') ?? 0.05;
  const power = args.num('power') ?? 0.8;
  const icc = args.num('icc') ?? 0.0;
  const oneSided = args.flag('one-sided');
  if (!(alpha > 0 && alpha < 1)) usageError(MDE_SPEC, `--alpha must be between 0 and 1 (exclusive), got ${alpha}`);
  if (!(power > 0 && power < 1)) usageError(MDE_SPEC, `--power must be between 0 and 1 (exclusive), got ${power}`);
  const target = args.num('target-delta');
  if (target !== undefined) {
    if (!(target > 0)) usageError(MDE_SPEC, '--target-delta must be > 0');
    const size = args.num('cluster-size') ?? 1.0;
    const n = requiredN(target, sd, { alpha, power, oneSided, icc, meanClusterSize: size });
    const f = pyFloatRepr;
    emit({ stdout: `required N = ${pyGrouped(n)} paired items to detect delta=${pyFixed(target, 4)}\n  at alpha=${f(alpha)}, power=${f(power)}, sd_diff=${f(sd)}, icc=${f(icc)}, mean_cluster_size=${f(size)}` });
    return { exitCode: 0 };
  }
  const nPairs = args.num('n-pairs') ?? 1000;
  const nClusters = args.num('n-clusters') ?? null;
  const res = mde(sd, nPairs, { alpha, power, oneSided, nClusters, icc });
  const lines = [`MDE = ${pyFixed(res.mde, 4)}`, `  alpha=${pyFloatRepr(alpha)}, power=${pyFloatRepr(power)}, sd_diff=${pyFloatRepr(sd)}, n=${nPairs}`];
  if (res.deff !== null) lines.push(`  design effect = ${pyFixed(res.deff, 3)} (icc=${pyFloatRepr(icc)}, clusters=${nClusters === null ? 'None' : nClusters})`);
  emit({ stdout: lines.join('\n') });
  return { exitCode: 0 };
}
