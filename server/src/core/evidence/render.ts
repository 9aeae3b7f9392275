/**
 * Plain-text renderings of verify and trace results (the CLI prints them;
 * `--output json` prints the result objects instead).
 */
import type { LastGood } from './last-good';
import type { DeploymentTrace, EvidenceSummary, Trace } from './trace';
import type { VerifyResult } from './verify';

/** `audit verify` output: a summary line, then one line per problem naming the record and why. */
export function verifyToText(r: VerifyResult, root: string): string {
  const counts = `${r.records} record(s): ${r.envelopes} audit envelope(s), ${r.releases} release event(s)`;
  const inputs = `${r.inputsChecked} input file(s) match${r.inputsMissing.length ? `, ${r.inputsMissing.length} no longer present (not checked)` : ''}`;
  const lines = r.ok ? [`audit verify: chain intact in ${root}: ${counts}; ${inputs}`] : [`audit verify: chain BROKEN in ${root}: ${r.problems.length} problem(s) in ${counts}`];
  for (const p of r.problems) {
    const who = [p.id, p.sequence === null ? null : `sequence ${p.sequence}`].filter((x) => x !== null).join(', ');
    lines.push(`  ${p.reason.toUpperCase()}: ${p.path ?? '(missing record)'}${who ? ` (${who})` : ''}: ${p.detail}`);
  }
  for (const m of r.inputsMissing) lines.push(`  note: ${m.id}: input ${m.path} is no longer present (not checked)`);
  if (r.headSettled) lines.push('  note: the last append was interrupted after its record was written; the next append completes the head');
  return lines.join('\n');
}

/** `trace` output, commit by commit. */
export function traceToText(t: Trace, chainIntact: boolean): string {
  if (t.commits.length === 0) return `trace ${t.query}: no release events or audit envelopes match (as a digest, commit or change ticket)`;
  const lines = [`trace ${t.query} (matched as ${t.matched_as.join(', ')})`];
  if (!chainIntact) lines.push('WARNING: the evidence chain does not verify; run `tollgate audit verify` before relying on this trace');
  for (const c of t.commits) {
    lines.push(`commit ${c.git_sha}`);
    if (c.artifacts.length === 0) lines.push('  no release events for this commit');
    for (const a of c.artifacts) {
      lines.push(`  artifact ${a.image_digest}${a.images.length ? `  (${a.images.join(', ')})` : ''}`);
      for (const d of a.deployments) lines.push(...deploymentLines(d));
    }
    if (c.uncited_evidence.length) {
      lines.push('  evidence at this commit not cited by a release:');
      for (const e of c.uncited_evidence) lines.push(`    ${evidenceLine(e)}`);
    }
  }
  lines.push(`environments: ${t.environments.join(', ') || '-'}`);
  lines.push(`approvals: ${t.approvals.map((a) => `${a.approved_by} (${a.env}, ${a.change_ticket})`).join('; ') || '-'}`);
  return lines.join('\n');
}

function deploymentLines(d: DeploymentTrace): string[] {
  const sod = d.separation_of_duties ? `separation of duties checked, author ${d.commit_author ?? '?'}` : `author ${d.commit_author ?? 'unknown'}`;
  const head = `    deployed ${d.service} to ${d.env} at ${d.deployed_at} (${d.event_id}): ticket ${d.change_ticket}, approved by ${d.approved_by} (${sod})`;
  const evidence = d.evidence.length ? d.evidence.map((e) => `      evidence ${evidenceLine(e)}`) : ['      no test evidence cited'];
  return [head, ...evidence];
}

function evidenceLine(e: EvidenceSummary): string {
  if (!e.intact && e.captured_at === '') return `${e.id}: MISSING from the chain`;
  const flag = e.intact ? '' : '  [CHANGED since the release cited it]';
  return `${e.id}: ${e.verdict}, captured ${e.captured_at} by ${e.captured_by}${e.git_commit ? ` at ${e.git_commit.slice(0, 12)}` : ''}${flag}`;
}

/** `release last-good` output: the digest first (scripts take the first word), then where it comes from. */
export function lastGoodToText(g: LastGood): string {
  const e = g.event;
  return `${e.image_digest}  ${e.image}  (${e.id}, deployed ${e.deployed_at}, commit ${e.git_sha.slice(0, 12)}, evidence ${e.evidence.map((r) => r.id).join(', ')})`;
}
