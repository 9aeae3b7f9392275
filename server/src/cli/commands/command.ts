import type { CommandSpec } from '../args';

/** What a command hands back to main: its exit code, or a request to print help. */
export interface CommandResult {
  readonly exitCode: number;
  readonly help?: CommandSpec;
}
