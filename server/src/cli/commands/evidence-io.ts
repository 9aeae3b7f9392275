/**
 * What the evidence commands (audit, release, trace) share: the Node ports,
 * the `--root` option, who is running the command, and how the evidence
 * errors map to exit codes.
 */
import { DataError } from '../../core/errors';
import { SeparationOfDutiesError } from '../../core/evidence';
import { FileSystemError } from '../../core/store/ports';
import type { OptionSpec } from '../args';
import { CliError } from '../cli-error';

export { nodeEvidenceContext } from '../../node/evidence-context';

/** sysexits EX_CANTCREAT: the evidence could not be written. */
export const EXIT_CANNOT_WRITE = 73;
/** sysexits EX_NOPERM: refused by separation of duties. */
export const EXIT_REFUSED = 77;

export const ROOT_OPTION: OptionSpec = { name: 'root', kind: 'string', required: true, metavar: 'EVIDENCE_DIR', help: 'evidence directory (audit/, releases/, chain/ and the run store)' };

export { currentUser, TOOL } from '../../node/tool-identity';

/** Runs an evidence command, turning file-system failures and refusals into their exit codes. */
export async function withEvidenceErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    // A file that exists but cannot be read is bad input (65); anything else failed a write or a lock (73).
    if (e instanceof FileSystemError && e.message.startsWith('cannot read')) throw new DataError(e.message.replace(/^cannot read \S+: /, ''), e.path);
    if (e instanceof FileSystemError) throw new CliError(e.message, EXIT_CANNOT_WRITE);
    if (e instanceof SeparationOfDutiesError) throw new CliError(`refused: ${e.message}`, EXIT_REFUSED);
    throw e;
  }
}
