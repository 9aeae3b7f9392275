// Regenerates the example run files under examples/runs/ (committed; run this
// only to change them). Seeded, so the output is the same on every machine.
//   node examples/generate.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gaussian as normal, mulberry32 as rng } from '../test/helpers/seeded-random.cjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'runs');

const clamp01 = (x) => Math.min(1, Math.max(0, x));
const round4 = (x) => Math.round(x * 1e4) / 1e4;

function runFrame(runId, modelId, taskId, metric, items) {
  return { run_id: runId, model_id: modelId, task_id: taskId, metric_name: metric, config_hash: '', items };
}

function write(rel, obj) {
  const p = join(OUT, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, typeof obj === 'string' ? obj : `${JSON.stringify(obj, null, 1)}\n`);
}

/** Continuous scores: each item has a difficulty; the candidate adds `lift` plus noise. */
function continuousPair(name, n, lift, noise, seed, task = 'ticket-triage', files = ['baseline.json', 'candidate.json'], id = name) {
  const r = rng(seed);
  const base = [];
  const cand = [];
  for (let i = 0; i < n; i++) {
    const id = `q${String(i).padStart(5, '0')}`;
    const difficulty = r();
    base.push({ item_id: id, score: round4(clamp01(difficulty + noise * normal(r))) });
    cand.push({ item_id: id, score: round4(clamp01(difficulty + lift + noise * normal(r))) });
  }
  write(`${name}/${files[0]}`, runFrame(`${id}-base`, 'support-bot-v1', task, 'rubric_score', base));
  write(`${name}/${files[1]}`, runFrame(`${id}-cand`, 'support-bot-v2', task, 'rubric_score', cand));
}

/** Binary answers to questions that share a passage: passages are easy or hard together. */
function clusteredPair(name, passages, perPassage, lift, seed) {
  const r = rng(seed);
  const base = [];
  const cand = [];
  for (let p = 0; p < passages; p++) {
    const passageEase = clamp01(0.6 + 0.35 * normal(r));
    const candidateGain = lift + 0.15 * normal(r); // the new model helps some passages more
    for (let q = 0; q < perPassage; q++) {
      const id = `p${String(p).padStart(3, '0')}-q${q}`;
      const cluster = `passage-${String(p).padStart(3, '0')}`;
      base.push({ item_id: id, score: r() < passageEase ? 1 : 0, cluster_id: cluster });
      cand.push({ item_id: id, score: r() < clamp01(passageEase + candidateGain) ? 1 : 0, cluster_id: cluster });
    }
  }
  write(`${name}/baseline.json`, runFrame(`${name}-base`, 'reader-v1', 'passage-qa', 'accuracy', base));
  write(`${name}/candidate.json`, runFrame(`${name}-cand`, 'reader-v2', 'passage-qa', 'accuracy', cand));
}

/** lm-evaluation-harness samples with two metrics per record. */
function lmEvalPair(name, n, seed) {
  const r = rng(seed);
  const lines = { base: [], cand: [] };
  for (let i = 0; i < n; i++) {
    const ease = r();
    const subject = ['algebra', 'biology', 'law', 'history'][i % 4];
    for (const [side, lift] of [['base', 0], ['cand', 0.06]]) {
      const acc = r() < clamp01(ease + lift) ? 1 : 0;
      const em = r() < clamp01(ease - 0.2 + lift / 3) ? 1 : 0;
      lines[side].push(JSON.stringify({ doc_id: i, doc: { subject }, acc, exact_match: em }));
    }
  }
  write(`${name}/samples_baseline.jsonl`, `${lines.base.join('\n')}\n`);
  write(`${name}/samples_candidate.jsonl`, `${lines.cand.join('\n')}\n`);
}

continuousPair('allow', 2000, 0.03, 0.08, 1);
continuousPair('reject', 3000, -0.002, 0.08, 2);
continuousPair('inconclusive', 60, 0.02, 0.15, 3);
clusteredPair('clustered', 40, 10, 0.025, 4);
lmEvalPair('lm-eval', 1500, 5);
// A suite: one file per task in each directory; one task regresses.
for (const [task, n, lift, seed] of [['triage', 1500, 0.03, 6], ['summaries', 1500, 0.025, 7], ['refusals', 2500, -0.01, 8]]) {
  continuousPair('suite', n, lift, 0.08, seed, task, [`baseline/${task}.json`, `candidate/${task}.json`], task);
}
console.log(`wrote ${OUT}`);
