/**
 * Where things live in a run store (EVALSIG's layout, spec §5.1):
 *
 *   {root}/{project}/manifest.json
 *   {root}/{project}/year=YYYY/month=MM/run_id={run id, escaped}.parquet
 *
 * EVALSIG put ids into paths verbatim, so a run id `../../x` wrote outside
 * the store and `a/b` made sub-folders. Tollgate's rules:
 *
 * - a project is a folder name the user chose: anything that is not a plain
 *   name is refused (UsageError), never rewritten behind their back;
 * - a run id comes from a run file and may be anything (`gpt-4o::2026-05`);
 *   it is escaped, not refused: every character outside letters, digits and
 *   `._~-` becomes `%XX` (its UTF-8 bytes, like Hive partition values), so the
 *   mapping is deterministic and injective — two ids never share a file and
 *   no id can leave its month folder. Only empty ids and ids with control
 *   characters (NUL included) are refused, as broken data (DataError).
 * - paths read from a manifest are checked before use: relative, inside the
 *   project folder, ending in `.parquet`.
 */
import { DataError, UsageError } from '../errors';
import { joinPath } from './ports';

export const MANIFEST_FILE = 'manifest.json';
export const LOCK_FILE = '.manifest.lock';
const PARQUET_EXT = '.parquet';
/** Most file systems cap a name at 255 bytes; leave room for the temp-file suffix. */
const MAX_NAME_BYTES = 200;

// eslint-disable-next-line no-control-regex -- control characters are what it excludes.
const TYPICAL_RECORD_PATH = /^year=\d{4}\/month=\d{2}\/run_id=[^/\\\u0000-\u001f\u007f-\u009f]*\.parquet$/;
const PLAIN_PROJECT = /^[\p{L}\p{N}_~@+-][\p{L}\p{N}._~@+-]*$/u;
const SAFE_ID_CHAR = /[\p{L}\p{N}._~-]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Refuses a project id that is not a plain folder name; returns it unchanged otherwise. */
export function checkProjectId(project: string): string {
  const shown = JSON.stringify(project);
  if (project === '') throw new UsageError('project id is empty');
  if (!PLAIN_PROJECT.test(project)) {
    throw new UsageError(`project id ${shown} is not a plain name: use letters, digits and . _ ~ @ + - (not starting with '.'), no slashes or spaces`);
  }
  if (utf8Length(project) > MAX_NAME_BYTES) throw new UsageError(`project id ${shown} is longer than ${MAX_NAME_BYTES} bytes`);
  return project;
}

/** Refuses a run id that cannot be stored (empty, control characters); `file` names where it came from. */
export function checkRunId(runId: string, file?: string): string {
  if (runId === '') throw new DataError('run id is empty; the store keys runs by id', file);
  if (CONTROL.test(runId)) throw new DataError(`run id ${JSON.stringify(runId)} contains control characters`, file);
  return runId;
}

/** The run id as it appears in a file name: safe characters kept, everything else `%XX` (UTF-8). */
export function escapeRunId(runId: string): string {
  let out = '';
  for (const ch of runId) {
    if (SAFE_ID_CHAR.test(ch)) out += ch;
    else for (const b of utf8Bytes(ch.codePointAt(0) ?? 0)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The Parquet file of a run, relative to its project folder (POSIX separators). */
export function runFilePath(runId: string, ts: Date, file?: string): string {
  checkRunId(runId, file);
  const name = `run_id=${escapeRunId(runId)}${PARQUET_EXT}`;
  if (utf8Length(name) > MAX_NAME_BYTES) throw new DataError(`run id ${JSON.stringify(runId.slice(0, 40))}… is too long to be a file name`, file);
  const year = String(ts.getUTCFullYear()).padStart(4, '0');
  const month = String(ts.getUTCMonth() + 1).padStart(2, '0');
  return `year=${year}/month=${month}/${name}`;
}

export function projectDir(root: string, project: string): string {
  return joinPath(root, checkProjectId(project));
}

export function manifestPath(root: string, project: string): string {
  return joinPath(projectDir(root, project), MANIFEST_FILE);
}

/**
 * Checks a `path` read from a manifest (it could have been edited, or written
 * by EVALSIG from a hostile run id) before it is joined to the project folder.
 */
export function checkRecordPath(path: string, manifestFile: string): string {
  if (TYPICAL_RECORD_PATH.test(path)) return path; // the shape Tollgate and EVALSIG write: checked in one pass
  const bad = (why: string): never => {
    throw new DataError(`run file path ${JSON.stringify(path)} ${why}`, manifestFile);
  };
  if (path === '' || CONTROL.test(path)) bad('is empty or contains control characters');
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) bad('must be relative to the project folder, with / separators');
  if (path.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) bad("must stay inside the project folder (no '..', '.' or empty segments)");
  if (!path.endsWith(PARQUET_EXT)) bad(`must name a ${PARQUET_EXT} file`);
  return path;
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) n += utf8Bytes(ch.codePointAt(0) ?? 0).length;
  return n;
}

/** UTF-8 bytes of one code point (the core has no TextEncoder: it is not part of ES2022). */
function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}
