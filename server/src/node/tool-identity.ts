/** Who and what records evidence: the tool's name and version, and the OS user (git's fallback identity). */
import { userInfo } from 'node:os';
import pkg from '../../../package.json';
import type { ToolInfo } from '../core/evidence';

export const TOOL: ToolInfo = { name: 'tollgate', version: pkg.version };

/** The OS user, for `captured_by` / `recorded_by` when nobody is named. */
export function currentUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown';
  }
}
