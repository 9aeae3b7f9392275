/**
 * `tollgate` command line. Exit codes: the verdict's (0 ALLOW, 1 REJECT,
 * 2 INCONCLUSIVE) for gate, 0 for other successes, 64 usage error, 65 data
 * error, 73 cannot write an output file, 70 internal error (a bug: the stack
 * is printed so it can be reported).
 */
import pkg from '../../../package.json';
import { DataError, UsageError } from '../core/errors';
import { EXIT } from '../core/gate/verdict';
import { helpText } from './args';
import { CliError } from './cli-error';
import type { CommandResult } from './commands/command';
type Run = (argv: readonly string[]) => CommandResult | Promise<CommandResult>;

/**
 * One entry per sub-command. Commands are loaded on use (`import()` becomes a
 * lazily initialised module in the bundle): `tollgate history` does not pay
 * for evaluating the gate, the rules or the evidence code at start-up.
 */
const COMMANDS: Record<string, { load: () => Promise<Run>; summary: string }> = {
  gate: { load: async () => (await import('./commands/gate')).runGate, summary: 'release-gate two runs (exit code = verdict)' },
  compare: { load: async () => (await import('./commands/compare')).runCompare, summary: 'compare two runs and print statistics' },
  mde: { load: async () => (await import('./commands/mde')).runMde, summary: 'minimum detectable effect or required N' },
  doctor: { load: async () => (await import('./commands/doctor')).runDoctor, summary: 'validate run files' },
  check: { load: async () => (await import('./commands/check')).runCheck, summary: 'check manifests, policies, eval configs and run files (exit 1 on errors)' },
  policy: { load: async () => (await import('./commands/policy')).runPolicy, summary: 'policy test FILE…: run the tests of ReleasePolicy files' },
  history: { load: async () => (await import('./commands/history')).runHistory, summary: 'list the runs in a run store (EVALSIG history)' },
  audit: { load: async () => (await import('./commands/audit')).runAudit, summary: 'capture (gate + store + envelope) or verify the audit evidence chain' },
  release: { load: async () => (await import('./commands/release')).runRelease, summary: 'record a release event; print the last-known-good digest' },
  trace: { load: async () => (await import('./commands/trace')).runTrace, summary: 'trace a digest, commit or ticket through releases and evidence' },
  lsp: { load: async () => (await import('./commands/lsp')).runLsp, summary: 'start the language server (--stdio) for any LSP client' },
  version: { load: () => Promise.resolve(() => print(`tollgate ${pkg.version}`)), summary: 'print the version' },
};

function print(text: string): CommandResult {
  process.stdout.write(`${text}\n`);
  return { exitCode: 0 };
}

function topUsage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: tollgate [-h] [--version] COMMAND ...', '', 'Ship safely and prove it: statistical release gates for LLM evals.', '', 'commands:', ...rows].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) throw new UsageError(`${topUsage()}\ntollgate: error: a command is required`);
    if (command === '-h' || command === '--help') return print(topUsage()).exitCode;
    if (command === '--version') return print(`tollgate ${pkg.version}`).exitCode;
    const cmd = COMMANDS[command];
    if (!cmd) throw new UsageError(`${topUsage()}\ntollgate: error: unknown command '${command}'`);
    const result = await (await cmd.load())(rest);
    if (result.help) return print(helpText(result.help)).exitCode;
    return result.exitCode;
  } catch (e) {
    return report(e);
  }
}

function report(e: unknown): number {
  if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    return EXIT.usage;
  }
  if (e instanceof DataError) {
    process.stderr.write(`tollgate: data error: ${e.describe()}\n`);
    return EXIT.data;
  }
  if (e instanceof CliError) {
    process.stderr.write(`tollgate: ${e.message}\n`);
    return e.exitCode;
  }
  process.stderr.write(`tollgate: internal error (please report it)\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT.internal;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
