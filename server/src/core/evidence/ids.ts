/**
 * Ids that become file or directory names (release ids, envelope ids) are
 * checked before any path is built from them, so an id such as `../../x`,
 * `/etc/passwd` or one holding a NUL byte can never reach outside the
 * evidence directory. Ids are refused, never rewritten: a silently altered id
 * would not match what the release process recorded elsewhere.
 */
import { UsageError } from '../errors';
import { isWellFormedText } from './canonical-json';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_ID = 128;

/** Why `id` cannot be a path segment, or undefined when it can. */
export function idProblem(id: string): string | undefined {
  if (id === '') return 'it is empty';
  if (id.includes('\0')) return 'it contains a NUL byte';
  if (id.startsWith('/') || /^[A-Za-z]:[\\/]/.test(id)) return 'it is an absolute path';
  if (id.split(/[\\/]/).includes('..')) return "it would escape the evidence directory ('..')";
  if (/[\\/]/.test(id)) return 'it contains a path separator';
  if (id.length > MAX_ID) return `it is longer than ${MAX_ID} characters`;
  if (!SAFE_ID.test(id)) return "use letters, digits, '.', '_' and '-', starting with a letter or digit";
  return undefined;
}

/**
 * Returns `id` when it is safe as a single path segment; otherwise throws a
 * UsageError naming `what` (e.g. "--release-id") and the reason.
 */
export function checkId(what: string, id: string): string {
  const problem = idProblem(id);
  if (problem !== undefined) throw new UsageError(`tollgate: error: ${what} '${printable(id)}' is not allowed: ${problem} (ids become directory names)`);
  return id;
}

/** The id with control characters made visible, for error messages. */
function printable(id: string): string {
  // eslint-disable-next-line no-control-regex -- making control characters visible is the point.
  return id.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const MAX_FIELD = 256;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Returns `value` trimmed when it is usable as a recorded name (ticket,
 * approver, service, …): non-empty, one line, no control characters, at most
 * 256 characters. Throws a UsageError naming `what` otherwise.
 */
export function checkField(what: string, value: string): string {
  const v = value.trim();
  const problem =
    v === '' ? 'it is empty'
    : CONTROL.test(v) ? 'it contains control characters'
    : !isWellFormedText(v) ? 'it is not valid Unicode (lone surrogate)'
    : v.length > MAX_FIELD ? `it is longer than ${MAX_FIELD} characters`
    : undefined;
  if (problem !== undefined) throw new UsageError(`tollgate: error: ${what} '${printable(v)}' is not allowed: ${problem}`);
  return v;
}
