/**
 * Writes a benchmark evidence chain of N audit envelopes (each with a full
 * gate report and two input files) straight to disk: sealed and linked
 * exactly as appendRecord would, without its per-record fsyncs, so 10,000
 * records take seconds instead of minutes. Usage: node evidence-chain.js DIR N
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditEnvelope, ENVELOPE_SCHEMA, recordText, seal } from '../server/src/core/evidence';
import { HEAD_SCHEMA } from '../server/src/core/evidence/head';
import { sha256Hex } from '../server/src/node/file-hash';

const [dir, countText] = process.argv.slice(2);
const n = Number(countText);
const root = join(dir, 'ev');
const inputs = ['baseline', 'candidate'].map((role) => {
  const text = JSON.stringify({ run_id: role, items: Array.from({ length: 100 }, (_, i) => ({ item_id: `i${i}`, score: (i % 7) / 7 })) });
  writeFileSync(join(dir, `${role}.json`), text);
  return { role: role as 'baseline' | 'candidate', path: join(dir, `${role}.json`), sha256: sha256Hex(text), bytes: Buffer.byteLength(text) };
});
const report = {
  verdict: 'ALLOW', exit_code: 0,
  comparison: { delta: 0.043636, ci: [0.027135449999999995, 'Infinity'], ci_level: 0.95, p_value: 0.00009999000099990002, significant: true, n_pairs: 100, n_clusters: null, method: 'paired_permutation', mde: 0.02536566063063936, notes: [] },
  min_delta: 0.01, alpha: 0.05, power: 0.8, suggestion: null,
};
let previous: string | null = null;
let last: AuditEnvelope | undefined;
for (let i = 1; i <= n; i++) {
  const id = `rel-${String(i).padStart(6, '0')}`;
  last = seal<AuditEnvelope>(sha256Hex, {
    schema: ENVELOPE_SCHEMA, kind: 'audit', id, sequence: i, previous_hash: previous, release_id: id, verdict: 'ALLOW', exit_code: 0, report, inputs,
    parameters: { min_delta: 0.01, alpha: 0.05, power: 0.8, method: 'auto', resamples: 10000, seed: '0', project: 'bench' },
    runs: [{ role: 'baseline', project: 'bench', run_id: 'baseline' }, { role: 'candidate', project: 'bench', run_id: 'candidate' }],
    tool: { name: 'tollgate', version: 'bench' }, captured_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    git_commit: sha256Hex(id).slice(0, 40), captured_by: 'ci', change_ticket: `CHG-${i}`, approved_by: null,
  });
  mkdirSync(join(root, 'audit', id), { recursive: true });
  writeFileSync(join(root, 'audit', id, 'audit.json'), recordText(last));
  previous = last.hash;
}
mkdirSync(join(root, 'chain'), { recursive: true });
const head = { schema: HEAD_SCHEMA, sequence: n, id: last?.id ?? null, path: last ? `audit/${last.id}/audit.json` : null, hash: previous, pending: null };
writeFileSync(join(root, 'chain', 'head.json'), JSON.stringify(head, null, 2));
