/** Handlers of the custom `tollgate/…` requests (protocol.ts): core calls, converted for the wire. */
import { checkFile } from '../core/check/check-file';
import { LineIndex } from '../core/text/line-index';
import type { CheckWorkspaceParams, CheckWorkspaceResult, CheckedFile, PolicySummary } from '../protocol/protocol';
import { spanToRange } from './convert';
import { runLoader, testFileReader } from './file-ports';
import type { WorkspaceState } from './workspace-state';

/** Check every known file (or `params.uris`) without publishing anything. */
export function checkWorkspace(ws: WorkspaceState, params: CheckWorkspaceParams | null | undefined): CheckWorkspaceResult {
  const { policy, findings: policyFindings } = ws.policy();
  const index = ws.index();
  const files: CheckedFile[] = [];
  for (const uri of params?.uris ?? ws.uris().sort()) {
    const f = ws.file(uri);
    if (!f || f.kind === 'other') continue;
    const lines = new LineIndex(f.text);
    const found = checkFile(f.path, f.text, { policy, policyFindings, workspace: index, loadRun: runLoader(ws), readFile: testFileReader(ws) }).findings;
    files.push({ uri, kind: f.kind, findings: found.map((x) => ({ ruleId: x.ruleId, severity: x.severity, message: x.message, range: spanToRange(lines, x.span) })) });
  }
  const count = (s: string) => files.reduce((n, f) => n + f.findings.filter((x) => x.severity === s).length, 0);
  return { files, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

export function getPolicy(ws: WorkspaceState): PolicySummary {
  const { policy } = ws.policy();
  return {
    name: policy.name,
    sources: policy.sources,
    tiers: policy.tiers.map((t) => ({ id: t.id, name: t.name, ...(t.description === undefined ? {} : { description: t.description }) })),
    environments: policy.environments.map((e) => ({ name: e.name, production: e.production })),
    defaultTier: policy.defaultTier,
    defaultEnvironment: policy.defaultEnvironment,
  };
}
