/**
 * Writes a rendered result to stdout and, with --json, the JSON report to a
 * file (EVALSIG `_emit`). The file is written whole through a temporary file
 * and a rename, so a reader never sees half a report.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { CliError } from './cli-error';

export interface Emission {
  stdout: string;
  /** JSON text for --json, if requested. */
  jsonPath?: string;
  json?: string;
}

export function emit(e: Emission, out: NodeJS.WritableStream = process.stdout): void {
  out.write(`${e.stdout}\n`);
  if (e.jsonPath !== undefined && e.json !== undefined) writeAtomically(e.jsonPath, e.json);
}

export function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    throw new CliError(`cannot write ${path}: ${err instanceof Error ? err.message : String(err)}`, 73);
  }
}

/** Colour only for a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env['NO_COLOR'];
}
