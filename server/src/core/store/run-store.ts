/**
 * The run store: EVALSIG's layout and schema, written so that nothing is ever
 * lost or half-visible (see index.ts for the guarantees and the API).
 */
import { DataError } from '../errors';
import type { RunFrame } from '../runs/run-frame';
import type { GateDetailLine } from './gate-details';
import { readGateDetails, writeGateDetails } from './gate-sidecar';
import { queryRecords, type HistoryFilter } from './history';
import { checkProjectId, checkRecordPath, checkRunId, LOCK_FILE, manifestPath, projectDir, runFilePath } from './layout';
import { addRecord, type Manifest, parseManifest, type RunRecord, serializeManifest } from './manifest';
import type { ParquetCodec } from './parquet-port';
import { type Clock, type FileSystem, joinPath } from './ports';
import { rowsToRun, runToRows } from './run-rows';
import { isoUtc, toMicros } from './timestamps';

export interface StoreDeps {
  readonly fs: FileSystem;
  readonly codec: ParquetCodec;
  readonly clock: Clock;
}

/** What the gate knew about a run when it was stored (all optional, as in EVALSIG). */
export interface WriteRunOptions {
  readonly verdict?: string | null;
  readonly delta?: number | null;
  readonly pValue?: number | null;
  readonly parentRunId?: string | null;
  /** The write time (default: the clock's now); it decides the year=/month= folder. */
  readonly ts?: Date;
  /** The file the run was read from, for error messages. */
  readonly sourceFile?: string;
  /**
   * Keep an already stored run with this id untouched and return its record
   * (for baselines: re-gating against v2 must not erase the verdict v2 got
   * when it was itself the candidate).
   */
  readonly ifAbsent?: boolean;
}

/** A manifest record and where its Parquet file is. */
export interface StoredRun {
  readonly record: RunRecord;
  /** root/project/record.path */
  readonly file: string;
}

export interface RunStore {
  readonly root: string;
  /** Stores the run (file first, then its manifest record) and returns the record. */
  writeRun(project: string, frame: RunFrame, opts?: WriteRunOptions): Promise<RunRecord>;
  /** The project's manifest; an empty one when the project has no runs yet. */
  readManifest(project: string): Promise<Manifest>;
  /** Every record, in manifest (write) order. */
  listRuns(project: string): Promise<StoredRun[]>;
  /** The records matching `filter` (history's filters), in manifest order. */
  queryRuns(project: string, filter: HistoryFilter): Promise<StoredRun[]>;
  /** The stored run; DataError when the id is unknown or its file is missing or broken. */
  loadRun(project: string, runId: string): Promise<RunFrame>;
  /** Files under year=/month= that no record points at, relative to the project folder. */
  findOrphans(project: string): Promise<string[]>;
  /** Appends gate details to the project's sidecar (gate-details.ts); the last line per run id wins. */
  writeGateDetails(project: string, lines: readonly GateDetailLine[]): Promise<void>;
  /** The project's gate details by run id (unreadable lines skipped). */
  readGateDetails(project: string): Promise<Map<string, GateDetailLine>>;
}

/** Opens the store under `root` (nothing is created until the first write). */
export function openRunStore(deps: StoreDeps, root: string): RunStore {
  const records = async (project: string): Promise<readonly RunRecord[]> => (await readManifest(deps.fs, root, project)).runs;
  return {
    root,
    writeRun: (project, frame, opts = {}) => writeRun(deps, root, project, frame, opts),
    readManifest: (project) => readManifest(deps.fs, root, project),
    listRuns: async (project) => stored(root, project, await records(project)),
    queryRuns: async (project, filter) => stored(root, project, queryRecords(await records(project), filter, manifestPath(root, project))),
    loadRun: (project, runId) => loadRun(deps, root, project, runId),
    findOrphans: (project) => findOrphans(deps.fs, root, project),
    writeGateDetails: (project, lines) => writeGateDetails(deps.fs, root, project, lines),
    readGateDetails: (project) => readGateDetails(deps.fs, root, project),
  };
}

async function writeRun(deps: StoreDeps, root: string, project: string, frame: RunFrame, opts: WriteRunOptions): Promise<RunRecord> {
  checkProjectId(project);
  checkRunId(frame.runId, opts.sourceFile);
  if (frame.items.length === 0) throw new DataError('cannot store a run with no items', opts.sourceFile);
  const ts = opts.ts ?? deps.clock.now();
  // Encoding is the slow part; it happens before the lock so writers overlap on it.
  const bytes = await deps.codec.encode(runToRows(project, frame, toMicros(ts)));
  const dir = projectDir(root, project);
  await deps.fs.mkdirp(dir);
  return deps.fs.withLock(joinPath(dir, LOCK_FILE), async () => {
    const manifest = await readManifest(deps.fs, root, project);
    const existing = opts.ifAbsent ? manifest.runs.find((r) => r.runId === frame.runId) : undefined;
    if (existing) return existing;
    const path = uniquePath(manifest, frame.runId, runFilePath(frame.runId, ts, opts.sourceFile));
    const file = joinPath(dir, path);
    await deps.fs.mkdirp(file.slice(0, file.lastIndexOf('/')));
    // The file first, then the record: a crash in between leaves an orphan file, never a record without its file.
    await deps.fs.writeAtomic(file, bytes);
    const record: RunRecord = {
      runId: frame.runId,
      modelId: frame.modelId,
      taskId: frame.taskId,
      metricName: frame.metricName,
      ts: isoUtc(ts),
      path,
      nItems: frame.items.length,
      configHash: frame.configHash,
      delta: opts.delta ?? null,
      pValue: opts.pValue ?? null,
      verdict: opts.verdict ?? null,
      parentRunId: opts.parentRunId ?? null,
    };
    await deps.fs.writeAtomic(manifestPath(root, project), serializeManifest(addRecord(manifest, record)));
    return record;
  });
}

/**
 * The escaped name is injective, but a case-insensitive file system (macOS,
 * Windows) folds `Run` and `run` together: if another run id already owns the
 * name up to case, add `~2`, `~3`, … so neither overwrites the other.
 */
function uniquePath(manifest: Manifest, runId: string, path: string): string {
  const fold = (p: string): string => p.normalize('NFC').toLowerCase();
  const taken = new Set(manifest.runs.filter((r) => r.runId !== runId).map((r) => fold(r.path)));
  let candidate = path;
  for (let k = 2; taken.has(fold(candidate)); k++) candidate = path.replace(/\.parquet$/, `~${k}.parquet`);
  return candidate;
}

async function readManifest(fs: FileSystem, root: string, project: string): Promise<Manifest> {
  const file = manifestPath(root, project);
  const text = await fs.readText(file);
  return text === undefined ? { projectId: project, version: 1, runs: [] } : parseManifest(text, file, project);
}

function stored(root: string, project: string, records: readonly RunRecord[]): StoredRun[] {
  const dir = projectDir(root, project);
  return records.map((record) => ({ record, file: joinPath(dir, record.path) }));
}

async function loadRun(deps: StoreDeps, root: string, project: string, runId: string): Promise<RunFrame> {
  const manifest = await readManifest(deps.fs, root, project);
  const record = manifest.runs.find((r) => r.runId === runId);
  if (!record) throw new DataError(`run_id ${JSON.stringify(runId)} not found in project '${project}'`, manifestPath(root, project));
  const file = joinPath(projectDir(root, project), checkRecordPath(record.path, manifestPath(root, project)));
  const bytes = await deps.fs.readBytes(file);
  if (bytes === undefined) throw new DataError(`the manifest lists run ${JSON.stringify(runId)} but its file is missing`, file);
  return rowsToRun(await deps.codec.decode(bytes, file), file, { runId });
}

/**
 * Parquet files no manifest record points at (a writer died between the file
 * and the record, or a run was re-written in another month) and leftover
 * temporary files, relative to the project folder.
 */
async function findOrphans(fs: FileSystem, root: string, project: string): Promise<string[]> {
  const dir = projectDir(root, project);
  const listed = new Set((await readManifest(fs, root, project)).runs.map((r) => r.path));
  const listedDirs = folderPrefixes(listed);
  const orphans: string[] = [];
  for (const year of (await fs.list(dir)).filter((n) => n.startsWith('year=')).sort()) {
    for (const month of (await fs.list(joinPath(dir, year))).filter((n) => n.startsWith('month=')).sort()) {
      for (const name of (await fs.list(joinPath(dir, year, month))).sort()) {
        const rel = `${year}/${month}/${name}`;
        // EVALSIG wrote a run id `a/b` as a sub-folder `run_id=a/`: a folder holding listed files is no orphan.
        if (!listed.has(rel) && !listedDirs.has(rel)) orphans.push(rel);
      }
    }
  }
  return orphans;
}

/** The folders below month=MM that listed paths go through (EVALSIG's `run_id=a/b.parquet`). */
function folderPrefixes(paths: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    const segs = path.split('/');
    for (let k = 3; k < segs.length; k++) out.add(segs.slice(0, k).join('/'));
  }
  return out;
}
