/** `tollgate doctor FILE…`: validate run files (EVALSIG's output lines, plus where each problem is). */
import { DataError } from '../../core/errors';
import { RUN_FORMATS, type RunFormat } from '../../core/runs/read-run';
import { readParquetRunFile } from '../../node/read-parquet-run';
import { readRunFile } from '../../node/read-run-file';
import { Args, type CommandSpec, parseArgs } from '../args';
import { emit } from '../emit';
import type { CommandResult } from './command';

export const DOCTOR_SPEC: CommandSpec = {
  name: 'doctor',
  summary: 'Validate run files; exit 65 if any fails.',
  options: [{ name: 'format', kind: 'string', choices: RUN_FORMATS, help: 'file format (default runframe, as EVALSIG)' }],
  positional: { name: 'FILE', min: 1, help: 'run file(s) to check' },
};

export async function runDoctor(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(DOCTOR_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: DOCTOR_SPEC };
  const args = new Args(parsed);
  const given = args.str('format') as RunFormat | undefined;
  const format = given ?? 'runframe';
  // A `.parquet` file is a store-format run whatever the (EVALSIG) default says; --format parquet forces it.
  const isParquet = (path: string) => format === 'parquet' || (given === undefined && path.toLowerCase().endsWith('.parquet'));
  const lines: string[] = [];
  let failures = 0;
  for (const path of args.positionals) {
    try {
      const run = isParquet(path) ? await readParquetRunFile(path) : readRunFile(path, { format });
      lines.push(`  OK   ${path}  (n=${run.items.length}, model=${run.modelId}, task=${run.taskId})`);
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      failures++;
      const where = e.position ? ` (line ${e.position.line}, column ${e.position.column})` : '';
      lines.push(`  FAIL ${path}  -- ${e.message}${where}`);
    }
  }
  lines.push(failures ? `\n${failures} file(s) failed validation.` : `\nAll ${args.positionals.length} file(s) validate cleanly.`);
  emit({ stdout: lines.join('\n') });
  return { exitCode: failures ? 65 : 0 };
}
