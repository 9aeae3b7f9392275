/**
 * The gate preview of open EvalGate files (`tollgate.evalGate.preview`), off
 * the server's main thread. A document's check asks for the assessment of its
 * plan (core: assessEvalGate): a cached one is answered at once; otherwise it
 * is started on a worker and the check shows "gating…" with no run findings
 * and no verdict. When the answer is in, it is cached and the documents
 * waiting for it are handed to `settled` (the server re-checks them, which
 * now hits the cache, re-publishes and refreshes code lenses).
 *
 * The cache key is what determines the assessment: the resolved run paths and
 * what each run file holds, the read and gate options, and where minDelta came
 * from (the underpowered message names it). An open run buffer is keyed by the
 * SHA-256 of its text, which is also the text the worker reads; a file on disk
 * by its size and mtime — a stat per keystroke, where hashing would mean
 * reading megabytes — and checked again when the worker is done, so a file
 * rewritten meanwhile is not cached under its old stamp.
 *
 * One assessment at a time per document: a check whose key moved leaves the
 * old job, which is cancelled (its worker terminated) once no document waits
 * for it. Documents with the same key share one job.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver';
import { evalGateRunPaths, gateOptionsOf, readOptionsOf, type AssessEvalGate, type EvalGateAssessment, type EvaluateOptions } from '../core/evalconfig/evaluate-eval-gate';
import type { EvalGatePlan } from '../core/evalconfig/plan-eval-gate';
import type { AssessJob } from '../node/assess-job';
import type { Cancellation } from '../node/cancellation';
import type { Logger } from './guard';
import { VerdictCache } from './verdict-cache';

export interface PreviewDeps {
  /** The open buffer's text at a path (it wins over the file). */
  readonly openText: (path: string) => string | undefined;
  /** Runs an assessment elsewhere (the server: assessInWorker); rejects once `token` is cancelled. */
  readonly assess: (job: AssessJob, token: Cancellation) => Promise<EvalGateAssessment>;
  /** The assessment these documents waited for is in (cached), or failed: re-check them. */
  readonly settled: (uris: readonly string[]) => void;
  readonly log: Logger;
  /** What a file on disk is, cheaply (default: size and mtime); undefined when it cannot be stat'ed. */
  readonly stamp?: (path: string) => string | undefined;
  /**
   * Assess right here when neither run file can be found (nothing to read or
   * gate: the findings say the files are missing), so typing a path or an
   * EvalGate file in a new folder costs no worker.
   */
  readonly assessNow?: (job: AssessJob) => EvalGateAssessment;
  /** Assessments running at once across documents; the rest queue (default: the cores but one, 1–4). */
  readonly concurrency?: number;
}

interface Job {
  readonly key: string;
  readonly spec: AssessJob;
  /** Files read from disk and their stamps when the key was made. */
  readonly disk: readonly { readonly path: string; readonly stamp: string | undefined }[];
  readonly waiting: Set<string>;
  readonly cancel: CancellationTokenSource;
  readonly label: string;
  started?: number;
}

export class GatePreviews {
  private readonly cache = new VerdictCache<EvalGateAssessment>();
  private readonly hashes = new VerdictCache<{ readonly text: string; readonly hash: string }>(4);
  /** Jobs by key, queued or running. */
  private readonly jobs = new Map<string, Job>();
  /** The key each document waits for. */
  private readonly waiting = new Map<string, string>();
  private readonly stamp: (path: string) => string | undefined;
  private readonly concurrency: number;
  /** Assessments started so far (a worker each); logged with every start, read by the tests. */
  started = 0;

  constructor(private readonly deps: PreviewDeps) {
    this.stamp = deps.stamp ?? fileStamp;
    this.concurrency = deps.concurrency ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  }

  /** The core's port for the checks of document `uri`. */
  portFor(uri: string): AssessEvalGate {
    return (plan, opts) => this.assess(uri, plan, opts);
  }

  assess(uri: string, plan: EvalGatePlan, opts: EvaluateOptions): EvalGateAssessment | 'pending' {
    const wanted = this.describe(plan, opts);
    const hit = this.cache.get(wanted.key);
    if (hit) {
      this.leave(uri);
      return hit;
    }
    if (this.deps.assessNow && wanted.disk.length === 2 && wanted.disk.every((d) => d.stamp === undefined)) {
      this.leave(uri);
      return this.deps.assessNow(wanted.spec);
    }
    if (this.waiting.get(uri) !== wanted.key) {
      this.leave(uri);
      this.join(uri, wanted);
    }
    return 'pending';
  }

  /** The document was closed: stop waiting (and working) for it. */
  forget(uri: string): void {
    this.leave(uri);
  }

  private describe(plan: EvalGatePlan, opts: EvaluateOptions): Omit<Job, 'waiting' | 'cancel'> {
    const paths = evalGateRunPaths(plan);
    const read = readOptionsOf(plan);
    const texts: Record<string, string> = {};
    const disk: { path: string; stamp: string | undefined }[] = [];
    const runs = [paths.baseline, paths.candidate].map((path) => {
      const text = this.deps.openText(path);
      if (text !== undefined) {
        texts[path] = text;
        return [path, `buffer ${this.hash(path, text)}`];
      }
      const stamp = this.stamp(path);
      disk.push({ path, stamp });
      return [path, `file ${stamp ?? 'unreadable'}`];
    });
    const key = JSON.stringify({ runs, read, gate: gateOptionsOf(plan), minDeltaFrom: plan.origins.minDelta, skipGate: opts.skipGate === true }, (_, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    );
    return { key, spec: { plan, opts, texts }, disk, label: `${basename(paths.baseline)} vs ${basename(paths.candidate)}` };
  }

  private hash(path: string, text: string): string {
    const memo = this.hashes.get(path);
    if (memo?.text === text) return memo.hash;
    const hash = createHash('sha256').update(text).digest('hex');
    this.hashes.set(path, { text, hash });
    return hash;
  }

  private join(uri: string, wanted: Omit<Job, 'waiting' | 'cancel'>): void {
    this.waiting.set(uri, wanted.key);
    const existing = this.jobs.get(wanted.key);
    if (existing) {
      existing.waiting.add(uri);
      return;
    }
    this.jobs.set(wanted.key, { ...wanted, waiting: new Set([uri]), cancel: new CancellationTokenSource() });
    this.pump();
  }

  private leave(uri: string): void {
    const key = this.waiting.get(uri);
    if (key === undefined) return;
    this.waiting.delete(uri);
    const job = this.jobs.get(key);
    if (!job) return;
    job.waiting.delete(uri);
    if (job.waiting.size > 0) return;
    // Nobody wants this answer any more (a newer edit, a close): stop the worker and free its slot.
    this.jobs.delete(key);
    job.cancel.cancel();
    if (job.started !== undefined) this.deps.log.info(`tollgate: gate preview of ${job.label} superseded after ${(performance.now() - job.started).toFixed(0)} ms`);
    this.pump();
  }

  /** Start queued jobs (oldest first) while there are free slots. */
  private pump(): void {
    let running = [...this.jobs.values()].filter((j) => j.started !== undefined).length;
    for (const job of this.jobs.values()) {
      if (running >= this.concurrency) return;
      if (job.started !== undefined) continue;
      running++;
      this.start(job);
    }
  }

  private start(job: Job): void {
    job.started = performance.now();
    this.started++;
    this.deps.log.info(`tollgate: gate preview #${this.started} started: ${job.label}`);
    this.deps.assess(job.spec, job.cancel.token).then(
      (assessment) => this.finish(job, assessment),
      (e: unknown) => {
        // A cancelled job was already dropped by leave(); any other error is a failure to show, not to retry forever.
        if (this.jobs.get(job.key) !== job) return;
        this.deps.log.error(`gate preview of ${job.label}`, e);
        this.finish(job, { findings: [], failure: e instanceof Error ? e.message : String(e) });
      },
    );
  }

  private finish(job: Job, assessment: EvalGateAssessment): void {
    if (this.jobs.get(job.key) !== job) return;
    this.jobs.delete(job.key);
    const unchanged = job.disk.every((d) => this.stamp(d.path) === d.stamp);
    // A run file changed while the worker read it: the answer may be for either version, so it is not kept;
    // the re-check below makes a key from the new stamp and starts over.
    if (unchanged) this.cache.set(job.key, assessment);
    const ms = (performance.now() - (job.started ?? 0)).toFixed(0);
    this.deps.log.info(`tollgate: gate preview of ${job.label} ${unchanged ? 'done' : 'discarded (a run file changed meanwhile)'} in ${ms} ms`);
    const uris = [...job.waiting];
    for (const uri of uris) if (this.waiting.get(uri) === job.key) this.waiting.delete(uri);
    this.pump();
    this.deps.settled(uris);
  }
}

/** Size and modification time: what changes when a run file is rewritten, for the price of a stat. */
function fileStamp(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}
