/**
 * `tollgate check PATH… [--policy FILE]… [--format text|json|sarif]`: the
 * editor's checks, in CI. Exit 1 when any finding is an error, 0 otherwise,
 * 65 when an input cannot be read. `-` reads a manifest from stdin (e.g.
 * `helm template chart | tollgate check -`).
 */
import { existsSync, readFileSync } from 'node:fs';
import pkg from '../../../../package.json';
import { checkWorkspace } from '../../core/check/check-workspace';
import { ruleCatalog, ruleDocsUrl } from '../../core/check/rule-catalog';
import { DataError } from '../../core/errors';
import { chainRecords, knownImagesFromChain, loadChain, ticketUsesFromChain } from '../../core/evidence';
import { nodeEvidenceContext } from '../../node/evidence-context';
import { findingRows, rowsToSarif, rowsToText, summaryLine } from '../../core/report/findings-output';
import { readRunFile, readTextFile } from '../../node/read-run-file';
import { walkFiles } from '../../node/walk-files';
import { Args, type CommandSpec, parseArgs } from '../args';
import { emit } from '../emit';
import type { CommandResult } from './command';

export const CHECK_SPEC: CommandSpec = {
  name: 'check',
  summary: 'Check manifests, policies, eval configs and run files; exit 1 on any error finding.',
  options: [
    { name: 'policy', kind: 'string', repeatable: true, metavar: 'FILE', help: 'ReleasePolicy file(s) to apply (default: the policy files among the inputs, else the built-in default)' },
    { name: 'format', kind: 'string', choices: ['text', 'json', 'sarif'], help: 'output format (default text: file:line:col: severity ruleId message)' },
    { name: 'no-gate', kind: 'flag', help: 'do not run the statistical gate of EvalGate files (checks only)' },
    { name: 'evidence', kind: 'string', metavar: 'EVIDENCE_DIR', help: 'evidence directory whose release events TG-TKT-003 checks tickets against (the editor uses tollgate.evidence.root)' },
  ],
  positional: { name: 'PATH', min: 1, help: 'files or directories to check (directories are walked); - reads stdin' },
};

export async function runCheck(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(CHECK_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: CHECK_SPEC };
  const args = new Args(parsed);
  const paths = args.positionals.filter((p) => p !== '-');
  const files = walkFiles(paths).map((path) => ({ path, text: readTextFile(path) }));
  if (args.positionals.includes('-')) files.push({ path: '<stdin>.yaml', text: readStdin() });
  const policyFiles = args.strs('policy').map((path) => ({ path, text: readTextFile(path) }));
  const evidenceDir = args.str('evidence');
  // A mistyped --evidence must not silently switch TG-TKT-003 off in CI.
  if (evidenceDir !== undefined && !existsSync(evidenceDir)) throw new DataError('evidence directory does not exist', evidenceDir);
  const records = evidenceDir === undefined ? [] : chainRecords(await loadChain(nodeEvidenceContext({ bulkRead: true }), evidenceDir));
  const result = checkWorkspace(files, {
    evidence: { knownImages: knownImagesFromChain(records), ticketUses: ticketUsesFromChain(records) },
    ...(policyFiles.length > 0 ? { policyFiles } : {}),
    loadRun: readRunFile,
    runGate: !args.flag('no-gate'),
    readFile: (p) => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  const texts = new Map([...files, ...policyFiles].map((f) => [f.path, f.text]));
  const rows = findingRows(result.results.map((r) => ({ path: r.path, text: texts.get(r.path) ?? '', findings: r.findings })));
  emit({ stdout: render(args.str('format') ?? 'text', rows, result.results.length) });
  return { exitCode: rows.some((r) => r.severity === 'error') ? 1 : 0 };
}

function render(format: string, rows: ReturnType<typeof findingRows>, fileCount: number): string {
  if (format === 'json') return JSON.stringify(rows, null, 2);
  if (format === 'sarif') {
    const docs = new Map(ruleCatalog().map((r) => [r.id, { title: r.title, description: r.description, helpUri: ruleDocsUrl(r.id) }]));
    return JSON.stringify(rowsToSarif(rows, { name: 'tollgate', version: pkg.version, informationUri: 'https://github.com/tollgate-dev/tollgate' }, docs), null, 2);
  }
  const body = rowsToText(rows);
  return `${body}${body ? '\n' : ''}${summaryLine(rows, fileCount)}`;
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (e) {
    throw new DataError(`cannot read stdin: ${e instanceof Error ? e.message : String(e)}`, '<stdin>');
  }
}
