/**
 * The language server's view of files on disk: list the candidate files of a
 * workspace folder and read one. Skips dependency and VCS folders and files
 * too large to be hand-written configuration, so opening a monorepo stays cheap.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface WorkspaceFiles {
  /** Candidate files under `root` (recursive), as absolute paths. */
  list(root: string): Promise<string[]>;
  /** The file's text; undefined when it is missing, unreadable or too large. */
  read(path: string): Promise<string | undefined>;
}

export interface WorkspaceFilesOptions {
  readonly maxBytes?: number;
  /** Stop listing after this many files (a safety net for huge trees). */
  readonly maxFiles?: number;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const CANDIDATE = /\.(ya?ml|json)$/i;

export function nodeWorkspaceFiles(options: WorkspaceFilesOptions = {}): WorkspaceFiles {
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 20_000;
  return {
    list: async (root) => {
      const out: string[] = [];
      await walk(root, out, maxFiles);
      return out;
    },
    read: async (path) => {
      try {
        const s = await stat(path);
        return s.isFile() && s.size <= maxBytes ? await readFile(path, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

async function walk(dir: string, out: string[], maxFiles: number): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: skip it, keep the rest
  }
  for (const e of entries) {
    if (out.length >= maxFiles) return;
    const p = join(dir, e.name);
    if (e.isDirectory() && !SKIP_DIRS.has(e.name)) await walk(p, out, maxFiles);
    else if (e.isFile() && CANDIDATE.test(e.name)) out.push(p);
  }
}
