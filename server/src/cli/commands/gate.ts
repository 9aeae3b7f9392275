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
import { readTextFile } from '../../node/read-run-file';
import { Args, type CommandSpec, parseArgs, usageError } from '../args';
import { emit, useColour } from '../emit';
import { outputKind, readOptions, RUN_OPTIONS, type RunPair, runPairs, statOptions } from '../run-options';
import type { CommandResult } from './command';

export const GATE_SPEC: CommandSpec = {
  name: 'gate',
  summary: 'Release-gate two runs: exit 0 ALLOW, 1 REJECT, 2 INCONCLUSIVE.',
  options: [
    ...RUN_OPTIONS,
    { name: 'min-delta', kind: 'float', required: true, metavar: 'X', help: 'smallest improvement worth shipping, in score units' },
    { name: 'two-sided', kind: 'flag', help: 'two-sided test (default: one-sided, candidate better)' },
  ],
};

export function runGate(argv: readonly string[]): CommandResult {
  const parsed = parseArgs(GATE_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: GATE_SPEC };
  const args = new Args(parsed);
  const stats = statOptions(GATE_SPEC, args);
  const minDelta = args.num('min-delta') as number;
  if (!Number.isFinite(minDelta)) usageError(GATE_SPEC, `--min-delta must be a finite number, got ${minDelta}`);
  const opts: GateOptions = { ...stats, minDelta, oneSided: !args.flag('two-sided'), seed: stats.seed };
  const members = familyMembers(GATE_SPEC, args, runPairs(GATE_SPEC, args));
  const output = outputKind(args);
  const jsonPath = args.str('json');

  if (members.length === 1) {
    const report = gateAligned((members[0]).aligned, opts);
    const stdout = output === 'json' ? toJson(report) : output === 'markdown' ? gateToMarkdown(report) : gateToText(report, useColour());
    emit({ stdout, jsonPath, json: jsonPath === undefined ? undefined : toJson(report) });
    return { exitCode: report.exitCode };
  }
  const family = gateFamily(members, opts);
  const stdout = output === 'json' ? familyToJson(family) : output === 'markdown' ? familyToMarkdown(family) : familyToText(family, useColour());
  emit({ stdout, jsonPath, json: jsonPath === undefined ? undefined : familyToJson(family) });
  return { exitCode: family.exitCode };
}

/** Every (pair × metric) to gate; one member is the plain EVALSIG gate. */
export function familyMembers(spec: CommandSpec, args: Args, pairs: readonly RunPair[]): FamilyMember[] {
  const metrics = args.strs('metric');
  const metricList = metrics.length ? metrics : ['accuracy'];
  const members: (FamilyMember & { file: string })[] = [];
  const texts = new Map<string, string>(); // each file is read once, whatever the number of metrics
  const text = (path: string): string => texts.get(path) ?? texts.set(path, readTextFile(path)).get(path)!;
  for (const pair of pairs) {
    for (const metric of metricList) {
      const a = readRun(text(pair.baseline), pair.baseline, readOptions(args, 'baseline', metric));
      const b = readRun(text(pair.candidate), pair.candidate, readOptions(args, 'candidate', metric));
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
