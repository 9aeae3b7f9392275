/**
 * Separation of duties (rule TG-SOD-001, tier 2): whoever approves a release
 * must not be whoever wrote the change. The author comes from git (through the
 * GitPort); when it cannot be established the release is refused, because an
 * unchecked approval would be recorded as if it had been checked.
 */
import type { CommitAuthor } from './ports';

/** The approval would break separation of duties (CLI exit 77, like sysexits' EX_NOPERM). */
export class SeparationOfDutiesError extends Error {
  override readonly name = 'SeparationOfDutiesError';
}

/**
 * True when `approver` names the commit author: the same e-mail or name
 * (ignoring case), or a bare user name equal to the local part of the
 * author's e-mail (`alice` for `alice@example.com`). Erring towards "same"
 * refuses an approval that could be self-approval; the fix is an approver
 * who is plainly someone else.
 */
export function isSameIdentity(approver: string, author: CommitAuthor): boolean {
  const a = approver.trim().toLowerCase();
  const email = author.email.trim().toLowerCase();
  const name = author.name.trim().toLowerCase();
  if (a === email || (name !== '' && a === name)) return true;
  return !a.includes('@') && a === email.split('@')[0];
}

/** Throws SeparationOfDutiesError unless `approver` differs from the author of `sha`. */
export function checkSeparation(approver: string, sha: string, author: CommitAuthor | undefined): void {
  if (author === undefined) {
    throw new SeparationOfDutiesError(`separation of duties cannot be checked: git does not know commit ${sha} here (run in the repository that holds it)`);
  }
  if (isSameIdentity(approver, author)) {
    throw new SeparationOfDutiesError(`separation of duties: ${approver} approved commit ${sha.slice(0, 12)}, which ${author.name} <${author.email}> wrote; a tier-2 release needs an approver other than the author`);
  }
}
