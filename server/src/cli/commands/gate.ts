/**
 * `tollgate gate`: EVALSIG's gate, flag for flag; with several metrics or
 * run pairs it gates them as one Holm-corrected family.
 */
import type { AlignedRuns } from '../../core/runs/align';
import { alignRuns } from '../../core/runs/align';
import { DataError } from '../../core/errors';
import type { FamilyMember } from '../../core/gate/gate-family';
import { gateFamily } from '../../core/gate/gate-family';
import { gateAligned, type GateOptions } from '../../core/gate/gate';
import { familyToJson, familyToMarkdown, familyToText } from '../../core/report/family';
import { toJson } from '../../core/report/to-json';
import { gateToMarkdown, gateToText } from '../../core/report/to-text';
import { readRun, stemOf } from '../../core/runs/read-run';
import type { RunFrame } from '../../core/runs/run-frame';
import { recordGate } from '../../core/store';
import { readTextFile } from '../../node/read-run-file';
import { Args, type CommandSpec, parseArgs, usageError } from '../args';
import { emit, useColour } from '../emit';
import { readParquetRuns } from '../parquet-runs';
import { nodeRunStore, withStoreErrors } from '../run-store-io';
import { outputKind, readOptions, RUN_OPTIONS, type RunPair, runPairs, statOptions, STORE_OPTIONS, storeTarget } from '../run-options';
import type { CommandResult } from './command';

export const GATE_SPEC: CommandSpec = {
  name: 'gate',
  summary: 'Release-gate two runs: exit 0 ALLOW, 1 REJECT, 2 INCONCLUSIVE.',
  options: [
    ...RUN_OPTIONS,
    { name: 'min-delta', kind: 'float', required: true, metavar: 'X', help: 'smallest improvement worth shipping, in score units' },
    { name: 'two-sided', kind: 'flag', help: 'two-sided test (default: one-sided, candidate better)' },
    ...STORE_OPTIONS,
  ],
};

export async function runGate(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(GATE_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: GATE_SPEC };
  const args = new Args(parsed);
  const stats = statOptions(GATE_SPEC, args);
  const minDelta = args.num('min-delta') as number;
  if (!Number.isFinite(minDelta)) usageError(GATE_SPEC, `--min-delta must be a finite number, got ${minDelta}`);
  const opts: GateOptions = { ...stats, minDelta, oneSided: !args.flag('two-sided'), seed: stats.seed };
  const store = storeTarget(GATE_SPEC, args);
  const pairs = runPairs(GATE_SPEC, args);
  if (store && (pairs.length !== 1 || args.strs('metric').length > 1)) usageError(GATE_SPEC, '--store records one --baseline/--candidate pair with one --metric; gate families are not recorded');
  const runs = new Map<string, RunFrame>(); // what was read, by side, for --store
  const parquet = await readParquetRuns(args, pairs);
  const readText = textRunReader(args);
  const members = familyMembers(GATE_SPEC, args, pairs, (path, side, metric) => {
    const run = parquet.get(path) ?? readText(path, side, metric);
    runs.set(side, run);
    return run;
  });
  const output = outputKind(args);
  const jsonPath = args.str('json');

  if (members.length === 1) {
    const report = gateAligned((members[0]).aligned, opts);
    const stdout = output === 'json' ? toJson(report) : output === 'markdown' ? gateToMarkdown(report) : gateToText(report, useColour());
    emit({ stdout, jsonPath, json: jsonPath === undefined ? undefined : toJson(report) });
    if (store) {
      const pair = { baseline: runs.get('baseline')!, candidate: runs.get('candidate')!, baselineFile: pairs[0].baseline, candidateFile: pairs[0].candidate };
      await withStoreErrors(() => recordGate(nodeRunStore(store.root), store.project, pair, report));
    }
    return { exitCode: report.exitCode };
  }
  const family = gateFamily(members, opts);
  const stdout = output === 'json' ? familyToJson(family) : output === 'markdown' ? familyToMarkdown(family) : familyToText(family, useColour());
  emit({ stdout, jsonPath, json: jsonPath === undefined ? undefined : familyToJson(family) });
  return { exitCode: family.exitCode };
}

/** Reads one side of a pair for one metric. */
export type RunReader = (path: string, side: 'baseline' | 'candidate', metric: string) => RunFrame;

/** Reads text run files, each file once whatever the number of metrics. */
export function textRunReader(args: Args): RunReader {
  const texts = new Map<string, string>();
  const text = (path: string): string => texts.get(path) ?? texts.set(path, readTextFile(path)).get(path)!;
  return (path, side, metric) => readRun(text(path), path, readOptions(args, side, metric));
}

/** Every (pair × metric) to gate; one member is the plain EVALSIG gate. */
export function familyMembers(spec: CommandSpec, args: Args, pairs: readonly RunPair[], read?: RunReader): FamilyMember[] {
  const metrics = args.strs('metric');
  const metricList = metrics.length ? metrics : ['accuracy'];
  const members: (FamilyMember & { file: string })[] = [];
  const readSide = read ?? textRunReader(args);
  for (const pair of pairs) {
    for (const metric of metricList) {
      const a = readSide(pair.baseline, 'baseline', metric);
      const b = readSide(pair.candidate, 'candidate', metric);
      if (metricList.length > 1 && a.metricName !== metric) {
        usageError(spec, `several --metric values need a format with several metrics per record (lm_eval, helm); ${pair.baseline} holds one metric, '${a.metricName}'`);
      }
      const label = `${b.taskId}/${b.metricName}`;
      members.push({ label, taskId: b.taskId, metricName: b.metricName, aligned: alignPair(a, b, pair), file: stemOf(pair.candidate) });
    }
  }
  return uniqueLabels(members);
}

/** Labels name the task; where two members share a task id, the file name tells them apart. */
function uniqueLabels(members: (FamilyMember & { file: string })[]): FamilyMember[] {
  const count = (label: string): number => members.filter((m) => m.label === label).length;
  const seen = new Map<string, number>();
  return members.map(({ file, ...m }) => {
    const base = count(m.label) > 1 ? `${file}/${m.metricName}` : m.label;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...m, label: n === 1 ? base : `${base}#${n}` };
  });
}

function alignPair(a: RunFrame, b: RunFrame, pair: RunPair): AlignedRuns {
  try {
    return alignRuns(a, b);
  } catch (e) {
    if (e instanceof DataError && e.file === undefined) throw new DataError(`${e.message} (baseline ${pair.baseline}, candidate ${pair.candidate})`);
    throw e;
  }
}
