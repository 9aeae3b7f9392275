/**
 * Reading and writing the gate sidecar (gate-details.ts) through the
 * FileSystem port. A write is read + append + atomic replace under the
 * project's manifest lock, so concurrent writers lose no line and readers see
 * the old file or the new one, never half of one.
 */
import { appendGateDetails, GATES_FILE, type GateDetailLine, parseGateDetails } from './gate-details';
import { LOCK_FILE, projectDir } from './layout';
import { type FileSystem, joinPath } from './ports';

export function gatesPath(root: string, project: string): string {
  return joinPath(projectDir(root, project), GATES_FILE);
}

/** Appends `lines` to the project's sidecar (the project folder is created if needed). */
export async function writeGateDetails(fs: FileSystem, root: string, project: string, lines: readonly GateDetailLine[]): Promise<void> {
  if (lines.length === 0) return;
  const dir = projectDir(root, project);
  await fs.mkdirp(dir);
  await fs.withLock(joinPath(dir, LOCK_FILE), async () => {
    const file = gatesPath(root, project);
    await fs.writeAtomic(file, appendGateDetails(await fs.readText(file), lines));
  });
}

/** The project's gate details by run id; empty when nothing was gated by Tollgate (or the project is EVALSIG's). */
export async function readGateDetails(fs: FileSystem, root: string, project: string): Promise<Map<string, GateDetailLine>> {
  const text = await fs.readText(gatesPath(root, project));
  return text === undefined ? new Map() : parseGateDetails(text);
}
