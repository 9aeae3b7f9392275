/**
 * The evidence requests of the typed protocol: history from the run store,
 * release events, verify, trace and last-known-good. The server is the only
 * writer of the evidence directory; every path comes from the
 * `tollgate.evidence.root` setting, never from a request.
 */
import { isAbsolute, join } from 'node:path';
import { RESERVED_NAMES, chainRecords, checkChain, lastGoodToText, lastKnownGood, loadChain, recordRelease, traceQuery, traceToText, verifyEvidence, verifyToText } from '../core/evidence';
import { openRunStore } from '../core/store';
import { nodeEvidenceContext } from '../node/evidence-context';
import { nodeFileHasher } from '../node/file-hash';
import { nodeGit } from '../node/git';
import { lazyParquetCodec } from '../node/load-parquet-codec';
import { nodeFileSystem } from '../node/node-file-system';
import { currentUser, TOOL } from '../node/tool-identity';
import { historyRecord } from './history-records';
import type { HistoryParams, HistoryResult, RecordReleaseParams, RecordReleaseResult, TextAndData } from '../protocol/protocol';

export interface EvidenceSettings {
  /** Absolute evidence directory. */
  readonly root: string;
  readonly workspaceFolder: string | undefined;
  /** Only a trusted workspace runs git or the signer. */
  readonly trusted: boolean;
  readonly signCommand: readonly string[];
}

/** The evidence directory: the setting, resolved against the first workspace folder. */
export function evidenceRoot(setting: string, folder: string | undefined): string {
  return isAbsolute(setting) || folder === undefined ? setting : join(folder, setting);
}

export async function history(s: EvidenceSettings, p: HistoryParams): Promise<HistoryResult> {
  const fs = nodeFileSystem();
  const store = openRunStore({ fs, codec: lazyParquetCodec, clock: { now: () => new Date() } }, s.root);
  // Projects are the store's folders with a manifest; the chain's own folders are not projects.
  const names = (await fs.list(s.root)).filter((name) => !name.startsWith('.') && !RESERVED_NAMES.includes(name)).sort();
  const projects = (await Promise.all(names.map(async (n) => ((await fs.exists(join(s.root, n, 'manifest.json'))) ? n : undefined)))).filter((n): n is string => n !== undefined);
  if (!projects.includes(p.project)) return { root: s.root, projects, records: [] };
  const filter = { modelId: p.modelId, taskId: p.taskId, metricName: p.metricName, since: p.since, until: p.until };
  const [runs, details] = await Promise.all([store.queryRuns(p.project, filter), store.readGateDetails(p.project)]);
  return { root: s.root, projects, records: runs.map((r) => historyRecord(r, details.get(r.record.runId), s.root)) };
}

export async function recordReleaseRequest(s: EvidenceSettings, p: RecordReleaseParams): Promise<RecordReleaseResult> {
  const request = {
    service: p.service,
    env: p.env,
    image: p.image,
    gitSha: p.gitSha,
    changeTicket: p.changeTicket,
    approvedBy: p.approvedBy,
    evidence: p.evidence ?? [],
    recordedBy: currentUser(),
    requireSeparation: (p.tier ?? 0) >= 2,
    tool: TOOL,
  };
  // Separation of duties needs the commit's author from git: refused (not skipped) when git may not run.
  const { record, path } = await recordRelease(nodeEvidenceContext(), s.root, request, nodeGit({ trusted: s.trusted, cwd: s.workspaceFolder }));
  return { id: record.id, sequence: record.sequence, file: join(s.root, path) };
}

export async function verifyAudit(s: EvidenceSettings): Promise<TextAndData & { ok: boolean }> {
  const result = await verifyEvidence(nodeEvidenceContext(), s.root, nodeFileHasher(s.workspaceFolder));
  return { ok: result.ok, text: verifyToText(result, s.root), data: { root: s.root, ...result } };
}

export async function trace(s: EvidenceSettings, query: string): Promise<TextAndData> {
  const chain = await loadChain(nodeEvidenceContext(), s.root);
  const intact = checkChain(chain, s.root).length === 0;
  const t = traceQuery(chainRecords(chain), query);
  return { text: traceToText(t, intact), data: { ...t, chain_intact: intact } };
}

export async function lastGood(s: EvidenceSettings, service: string, env: string): Promise<TextAndData> {
  const good = lastKnownGood(chainRecords(await loadChain(nodeEvidenceContext(), s.root)), service, env);
  return { text: good ? lastGoodToText(good) : `no last-known-good release of ${service} in ${env}`, data: { service, env, last_good: good?.event ?? null, rolled_back: good?.rolledBack ?? [] } };
}
