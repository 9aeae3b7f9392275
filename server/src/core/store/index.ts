/**
 * The run store: an EVALSIG-compatible history of evaluation runs.
 *
 *   {root}/{project}/manifest.json                                  (spec §5.3)
 *   {root}/{project}/gates.jsonl                                    (Tollgate only: CIs and envelopes of gated runs)
 *   {root}/{project}/year=YYYY/month=MM/run_id={escaped id}.parquet  (spec §5.1, §5.2)
 *
 * Usage (Node side; the core never touches the disk itself):
 *
 *   import { openRunStore } from '../core/store';
 *   import { nodeFileSystem } from '../node/node-file-system';
 *   import { lazyParquetCodec } from '../node/load-parquet-codec';
 *
 *   const store = openRunStore({ fs: nodeFileSystem(), codec: lazyParquetCodec, clock: { now: () => new Date() } }, root);
 *   await store.writeRun(project, frame, { verdict: 'ALLOW', delta: 0.02, pValue: 0.001, parentRunId: baseline.runId });
 *   await store.listRuns(project);                         // StoredRun[] ({record, file}) in manifest order
 *   await store.queryRuns(project, { modelId, since: '2026-06-01', until: '2026-06-30' });
 *   await store.loadRun(project, runId);                   // RunFrame
 *   await recordGate(store, project, { baseline, candidate }, gateReport);   // gate --store: both runs, candidate with the verdict
 *   await store.readGateDetails(project);                  // Map run id → CI, MDE, method, alpha, envelope (gates.jsonl)
 *   await store.findOrphans(project);                      // files no record points at (after a crash)
 *   historyToText(records, root, project) / historyToJson(records, project)   // the `history` command's output
 *
 * Guarantees:
 * - Writes are atomic: the Parquet file (temp + fsync + rename) is in place
 *   before the manifest names it, and the manifest is replaced whole. A crash
 *   leaves at worst an orphan file, never a record without its file or half a
 *   manifest.
 * - Concurrent writers (processes or the language server) lose nothing: the
 *   manifest's read-modify-write runs under FileSystem.withLock.
 * - Ids never become paths unchecked: projects must be plain names (else
 *   UsageError), run ids are %-escaped (see layout.ts), manifest paths are
 *   checked before use (DataError naming the manifest).
 * - Fixed EVALSIG quirks: the Parquet `ts` column holds the real write time
 *   (EVALSIG wrote 1970-01-01), `--until 2026-06-30` includes that whole day.
 *
 * Errors: DataError (bad files, unknown run id), UsageError (bad project id,
 * bad --since/--until), FileSystemError (cannot write, lock timeout).
 */
export { GATES_FILE, gateDetailOf, isEnvelopePath, parseGateDetails, serializeGateDetail, appendGateDetails, type GateDetailLine } from './gate-details';
export { gatesPath } from './gate-sidecar';
export { historyToJson, historyToText, queryRecords, type HistoryFilter } from './history';
export { checkProjectId, checkRunId, escapeRunId, runFilePath } from './layout';
export { addRecord, parseManifest, serializeManifest, type Manifest, type RunRecord } from './manifest';
export { PARQUET_COLUMNS, type DecodedColumn, type DecodedRows, type ParquetCodec, type ParquetRunRows } from './parquet-port';
export { FileSystemError, joinPath, type Clock, type FileSystem } from './ports';
export { rowsToRun, runToRows } from './run-rows';
export { recordGate, type GatedPair } from './record-gate';
export { openRunStore, type RunStore, type StoreDeps, type StoredRun, type WriteRunOptions } from './run-store';
export { isoUtc, parseInstant } from './timestamps';
