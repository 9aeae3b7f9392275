/**
 * `tollgate audit capture`: the gate, flag for flag, then the evidence — the
 * runs go into the run store and an audit envelope is appended to the chain
 * (server/src/node/audit-capture.ts). Exit code = the verdict's, as for `gate`.
 */
import { checkField, checkId, type JsonObject, RESERVED_NAMES } from '../../core/evidence';
import { gateFamily } from '../../core/gate/gate-family';
import { gateAligned, type GateOptions } from '../../core/gate/gate';
import type { Verdict } from '../../core/gate/verdict';
import type { RunFrame } from '../../core/runs/run-frame';
import { familyToJson, familyToMarkdown, familyToText } from '../../core/report/family';
import { toJson } from '../../core/report/to-json';
import { gateToMarkdown, gateToText } from '../../core/report/to-text';
import { checkProjectId } from '../../core/store';
import { captureAudit, checkUnchanged, type GatedPair, hashRunFiles } from '../../node/audit-capture';
import { nodeGit } from '../../node/git';
import { parseSignCommand } from '../../node/signer';
import { Args, type CommandSpec, parseArgs, usageError } from '../args';
import { CliError } from '../cli-error';
import { emit, useColour } from '../emit';
import { readParquetRuns } from '../parquet-runs';
import { outputKind, type RunPair, runPairs, statOptions } from '../run-options';
import type { CommandResult } from './command';
import { currentUser, EXIT_CANNOT_WRITE, nodeEvidenceContext, ROOT_OPTION, TOOL, withEvidenceErrors } from './evidence-io';
import { familyMembers, GATE_SPEC, textRunReader } from './gate';

export const AUDIT_CAPTURE_SPEC: CommandSpec = {
  name: 'audit capture',
  summary: 'Gate two runs, store them and append an audit envelope to the evidence chain. Exit code = the verdict\'s (0 ALLOW, 1 REJECT, 2 INCONCLUSIVE).',
  options: [
    // The gate's flags, except --store/--project: capture always stores, under --root.
    ...GATE_SPEC.options.filter((o) => o.name !== 'store' && o.name !== 'project'),
    { name: 'project', kind: 'string', required: true, metavar: 'P', help: 'run-store project the two runs are written to' },
    ROOT_OPTION,
    { name: 'release-id', kind: 'string', metavar: 'ID', help: 'names the envelope directory audit/<ID>/ (default: UTC time, YYYYMMDD-HHMMSS)' },
    { name: 'change-ticket', kind: 'string', metavar: 'T', help: 'change ticket this evidence belongs to' },
    { name: 'approved-by', kind: 'string', metavar: 'WHO', help: 'who approved the release, when known at capture time' },
    { name: 'captured-by', kind: 'string', metavar: 'WHO', help: 'who captures the evidence (default: the OS user)' },
    { name: 'sign-command', kind: 'string', metavar: 'JSON_ARGV', help: 'sign the envelope with this command, e.g. \'["cosign","sign-blob","--yes","--output-signature","{sig}","{file}"]\'' },
  ],
};

interface GateOutcome {
  readonly verdict: Verdict;
  readonly exitCode: 0 | 1 | 2;
  readonly report: JsonObject;
  readonly stdout: string;
  readonly json: string;
  readonly pairs: readonly GatedPair[];
}

/** Runs `audit capture`; resolves to the verdict's exit code. */
export async function runAuditCapture(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(AUDIT_CAPTURE_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: AUDIT_CAPTURE_SPEC };
  const args = new Args(parsed);
  const project = checkProject(args.str('project') as string);
  const releaseId = args.str('release-id');
  if (releaseId !== undefined) checkId('--release-id', releaseId);
  const capturedBy = checkField('--captured-by', args.str('captured-by') ?? currentUser());
  const signCommand = signCommandOf(args);
  const pairs = runPairs(AUDIT_CAPTURE_SPEC, args);
  const inputs = await hashRunFiles(pairs);
  const outcome = runTheGate(args, pairs, await readParquetRuns(args, pairs));
  checkUnchanged(inputs, await hashRunFiles(pairs));
  const ctx = nodeEvidenceContext();
  const result = await withEvidenceErrors(async () =>
    captureAudit(ctx, {
      root: args.str('root') as string,
      project,
      verdict: outcome.verdict,
      exitCode: outcome.exitCode,
      report: outcome.report,
      pairs: outcome.pairs,
      inputs,
      parameters: parametersOf(args, project),
      tool: TOOL,
      gitCommit: (await nodeGit({ trusted: true }).headCommit()) ?? null,
      capturedBy,
      releaseId,
      changeTicket: args.str('change-ticket'),
      approvedBy: args.str('approved-by'),
      signCommand,
      // The command line is the user's own (typed or scripted): trusted, unlike a workspace setting.
      trusted: true,
    }),
  );
  emit({ stdout: outcome.stdout, jsonPath: args.str('json'), json: outcome.json });
  const e = result.envelope;
  process.stderr.write(`tollgate: audit envelope ${e.id} (sequence ${e.sequence}, ${e.verdict}) written to ${result.file}\n`);
  if (result.signature && !result.signature.signed) throw new CliError(`the envelope ${result.file} was written but not signed: ${result.signature.reason}`, EXIT_CANNOT_WRITE);
  if (result.signature?.signed) process.stderr.write(`tollgate: signature written to ${result.signature.signature}\n`);
  return { exitCode: outcome.exitCode };
}

function checkProject(project: string): string {
  checkProjectId(project);
  if (RESERVED_NAMES.includes(project)) usageError(AUDIT_CAPTURE_SPEC, `--project '${project}' is reserved in an evidence directory (${RESERVED_NAMES.join(', ')}); choose another name`);
  return project;
}

function signCommandOf(args: Args): string[] | undefined {
  const text = args.str('sign-command');
  if (text === undefined) return undefined;
  try {
    return parseSignCommand(text);
  } catch (e) {
    return usageError(AUDIT_CAPTURE_SPEC, `--sign-command: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The gate exactly as `tollgate gate` runs it (one pair: EVALSIG's gate; more: a Holm family). */
function runTheGate(args: Args, pairs: readonly RunPair[], parquet: ReadonlyMap<string, RunFrame>): GateOutcome {
  const stats = statOptions(AUDIT_CAPTURE_SPEC, args);
  const minDelta = args.num('min-delta') as number;
  if (!Number.isFinite(minDelta)) usageError(AUDIT_CAPTURE_SPEC, `--min-delta must be a finite number, got ${minDelta}`);
  const opts: GateOptions = { ...stats, minDelta, oneSided: !args.flag('two-sided'), seed: stats.seed };
  // Every run as the gate read it, in call order (baseline, candidate per member), for the store.
  const read: { path: string; run: RunFrame }[] = [];
  const readText = textRunReader(args);
  const members = familyMembers(AUDIT_CAPTURE_SPEC, args, pairs, (path, side, metric) => {
    const run = parquet.get(path) ?? readText(path, side, metric);
    read.push({ path, run });
    return run;
  });
  const output = outputKind(args);
  if (members.length === 1) {
    const report = gateAligned(members[0].aligned, opts);
    const json = toJson(report);
    const stdout = output === 'json' ? json : output === 'markdown' ? gateToMarkdown(report) : gateToText(report, useColour());
    return { verdict: report.verdict, exitCode: report.exitCode, report: JSON.parse(json) as JsonObject, stdout, json, pairs: gatedPairs(read, [report]) };
  }
  const family = gateFamily(members, opts);
  const json = familyToJson(family);
  const stdout = output === 'json' ? json : output === 'markdown' ? familyToMarkdown(family) : familyToText(family, useColour());
  const reports = family.gates.map((g) => g.report);
  return { verdict: family.verdict, exitCode: family.exitCode, report: JSON.parse(json) as JsonObject, stdout, json, pairs: gatedPairs(read, reports) };
}

/** One entry per family member (pair × metric): the two runs the reader returned for it, and its report. */
function gatedPairs(read: readonly { path: string; run: RunFrame }[], reports: readonly GatedPair['report'][]): GatedPair[] {
  return reports.map((report, i) => {
    const [b, c] = [read[2 * i], read[2 * i + 1]];
    return { baselinePath: b.path, candidatePath: c.path, baseline: b.run, candidate: c.run, report };
  });
}

function parametersOf(args: Args, project: string): JsonObject {
  const str = (name: string): string | null => args.str(name) ?? null;
  return {
    min_delta: args.num('min-delta') ?? null,
    two_sided: args.flag('two-sided'),
    alpha: args.num('alpha') ?? 0.05,
    power: args.num('power') ?? 0.8,
    method: str('method') ?? 'auto',
    resamples: args.num('resamples') ?? 10_000,
    seed: str('seed') ?? '0',
    cluster: str('cluster'),
    metrics: args.strs('metric'),
    format: str('format') ?? 'auto',
    task: str('task'),
    baseline_model: str('baseline-model'),
    candidate_model: str('candidate-model'),
    project,
  };
}
