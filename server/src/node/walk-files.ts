/**
 * Expands CLI path arguments into the files Tollgate checks: files are taken
 * as given; directories are walked for YAML, JSON and JSONL files, skipping
 * dependency and VCS folders (node_modules, .git, …) and symlinked
 * directories (no cycles, no escaping the tree). Results are sorted so output
 * is stable.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../core/errors';

const CHECKED = /\.(ya?ml|json|jsonl)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.venv', '__pycache__']);

/** Files to check under `paths`; a path that does not exist is a DataError naming it. */
export function walkFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new DataError('no such file or directory', p);
    }
    if (isDir) walkDir(p, out);
    else out.push(p);
  }
  return [...new Set(out)];
}

function walkDir(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walkDir(p, out);
    } else if (e.isFile() && CHECKED.test(e.name)) {
      out.push(p);
    } else if (e.isSymbolicLink() && CHECKED.test(e.name) && !isDirectoryOrDangling(p)) {
      out.push(p);
    }
  }
}

/** True when a symlink points at a directory (or is dangling): such links are not followed. */
function isDirectoryOrDangling(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return true;
  }
}
