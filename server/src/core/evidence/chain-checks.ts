/**
 * The structural checks of `audit verify`: every record whole and matching
 * its hash, in the file it belongs in, one per sequence number, each linking
 * to the one before, and the last one matching the chain head. Each problem
 * names the record and says which kind of tampering explains it.
 */
import { type ChainHead } from './head';
import { expectedRelPath, headPath } from './layout';
import type { LoadedChain, LoadedEntry } from './load-chain';
import type { ChainRecord } from './records';

/** The kinds of damage verify tells apart (issue 4). */
export type ProblemReason = 'edited' | 'deleted' | 'reordered' | 'inserted' | 'truncated' | 'input-changed';

export interface ChainProblem {
  readonly reason: ProblemReason;
  /** The file, relative to the evidence root (null for a record that is gone). */
  readonly path: string | null;
  readonly id: string | null;
  readonly sequence: number | null;
  readonly detail: string;
}

/** A record that parsed, with where it was found. */
interface Entry {
  readonly path: string;
  readonly record: ChainRecord;
  readonly computedHash: string;
}

class Findings {
  readonly problems: ChainProblem[] = [];
  private readonly flagged = new Set<string>();
  add(reason: ProblemReason, e: Entry | null, detail: string, path?: string): void {
    if (e) this.flagged.add(e.path);
    this.problems.push({ reason, path: e?.path ?? path ?? null, id: e?.record.id ?? null, sequence: e?.record.sequence ?? null, detail });
  }
  isFlagged(e: Entry): boolean {
    return this.flagged.has(e.path);
  }
}

/** All structural problems of a loaded chain (an empty list means intact). */
export function checkChain(chain: LoadedChain, root = ''): ChainProblem[] {
  const f = new Findings();
  const entries = wholeRecords(chain.entries, f);
  for (const e of entries) checkSelf(e, f);
  const bySeq = genuinePerSequence(entries, f);
  const maxSeq = Math.max(0, ...bySeq.keys());
  checkGaps(bySeq, maxSeq, f, entries.length < chain.entries.length);
  checkLinks(bySeq, entries, f);
  checkHead(chain, bySeq, maxSeq, f, root);
  checkEvidenceRefs(entries, f);
  return f.problems.sort((a, b) => (a.sequence ?? Infinity) - (b.sequence ?? Infinity) || (a.path ?? '').localeCompare(b.path ?? ''));
}

function wholeRecords(loaded: readonly LoadedEntry[], f: Findings): Entry[] {
  const out: Entry[] = [];
  for (const l of loaded) {
    if (l.parsed.ok) out.push({ path: l.path, record: l.parsed.record, computedHash: l.computedHash ?? '' });
    else if (l.parsed.truncated) f.add('truncated', null, `the file is cut short or is not JSON: ${l.parsed.error}`, l.path);
    else f.add('edited', null, `not a whole record: ${l.parsed.error}`, l.path);
  }
  return out;
}

/** Content against its own hash, and file against where the record belongs. */
function checkSelf(e: Entry, f: Findings): void {
  if (e.record.hash !== e.computedHash) {
    f.add('edited', e, `its content no longer matches its hash (stored ${short(e.record.hash)}, content ${short(e.computedHash)}): changed after it was written`);
    return;
  }
  const expected = expectedRelPath(e.record.kind, e.record.id);
  if (expected !== e.path) {
    f.add('reordered', e, `holds ${e.record.kind} record ${e.record.id} (sequence ${e.record.sequence}), which belongs in ${expected ?? 'no valid path'}: files were swapped, moved or renamed`);
  }
}

/** One record per sequence; extra claimants of a sequence were inserted. */
function genuinePerSequence(entries: readonly Entry[], f: Findings): Map<number, Entry> {
  const groups = new Map<number, Entry[]>();
  for (const e of entries) groups.set(e.record.sequence, [...(groups.get(e.record.sequence) ?? []), e]);
  const prevNamed = new Set(entries.map((e) => e.record.previous_hash));
  const out = new Map<number, Entry>();
  for (const [seq, group] of groups) {
    const score = (e: Entry): number => Number(!f.isFlagged(e)) * 2 + Number(prevNamed.has(e.record.hash));
    const ranked = [...group].sort((a, b) => score(b) - score(a) || a.path.localeCompare(b.path));
    out.set(seq, ranked[0]);
    for (const extra of ranked.slice(1)) f.add('inserted', extra, `a second record claims sequence ${seq} (also ${ranked[0].path})`);
  }
  return out;
}

function checkGaps(bySeq: ReadonlyMap<number, Entry>, maxSeq: number, f: Findings, damaged: boolean): void {
  for (let k = 1; k <= maxSeq; k++) {
    if (bySeq.has(k)) continue;
    let end = k;
    while (end + 1 <= maxSeq && !bySeq.has(end + 1)) end++;
    const before = bySeq.get(k - 1)?.record.id;
    const after = bySeq.get(end + 1)?.record.id;
    const range = k === end ? `sequence ${k} is` : `sequences ${k}–${end} are`;
    const between = [before && `after ${before}`, after && `before ${after}`].filter(Boolean).join(', ');
    const why = damaged ? 'record(s) deleted, or it is one of the damaged files reported' : 'record(s) deleted';
    f.problems.push({ reason: 'deleted', path: null, id: null, sequence: k, detail: `${range} missing${between ? ` (${between})` : ''}: ${why}` });
    k = end;
  }
}

/** Each record's previous_hash against the record before it. */
function checkLinks(bySeq: ReadonlyMap<number, Entry>, entries: readonly Entry[], f: Findings): void {
  const byHash = new Map<string, Entry>(entries.map((e) => [e.record.hash, e]));
  for (const seq of [...bySeq.keys()].sort((a, b) => a - b)) {
    const e = bySeq.get(seq)!;
    const pred = bySeq.get(seq - 1);
    if (seq > 1 && (pred === undefined || f.isFlagged(pred))) continue; // the gap or the predecessor is already reported
    const expected = pred?.record.hash ?? null;
    if (e.record.previous_hash === expected || f.isFlagged(e)) continue;
    diagnoseLink(e, pred, entries, byHash, f);
  }
}

function diagnoseLink(e: Entry, pred: Entry | undefined, entries: readonly Entry[], byHash: ReadonlyMap<string, Entry>, f: Findings): void {
  const prev = e.record.previous_hash;
  const named = prev === null ? undefined : byHash.get(prev);
  // Another record linking to the predecessor from further on: the two swapped places.
  const displaced = pred && entries.find((r) => r !== e && r.record.previous_hash === pred.record.hash && r.record.sequence > e.record.sequence);
  if (prev === null) {
    f.add('inserted', e, `it claims to start a chain (no previous_hash) but has sequence ${e.record.sequence}`);
  } else if (named && named.record.sequence >= e.record.sequence) {
    f.add('reordered', e, `it links to ${named.record.id} (sequence ${named.record.sequence}), which comes after it: records were reordered`);
  } else if (pred && displaced) {
    f.add('reordered', e, `it sits after ${pred.record.id}, but ${displaced.record.id} (sequence ${displaced.record.sequence}) is the record that links to ${pred.record.id}: records were reordered`);
    f.add('reordered', displaced, `it links to ${pred.record.id} (sequence ${pred.record.sequence}) but has sequence ${displaced.record.sequence}: records were reordered`);
  } else if (named && pred) {
    f.add('inserted', pred, `the next record ${e.record.id} links past it to ${named.record.id} (sequence ${named.record.sequence}): it was inserted into the chain`);
  } else if (pred) {
    f.add('edited', pred, `its hash does not match the previous_hash held by the next record ${e.record.id}: it was rewritten and re-hashed after the fact (or replaced)`);
  } else {
    f.add('deleted', e, 'it is the first record present but links to a record that no longer exists: the records before it were deleted');
  }
}

function checkHead(chain: LoadedChain, bySeq: ReadonlyMap<number, Entry>, maxSeq: number, f: Findings, root: string): void {
  const where = headPath(root);
  if (chain.headError !== undefined) {
    f.add('edited', null, chain.headError, where);
    return;
  }
  const head: ChainHead | undefined = chain.head;
  if (head === undefined) {
    if (maxSeq > 0) f.add('deleted', null, 'the chain head is missing: removal of the newest records cannot be ruled out', where);
    return;
  }
  if (head.sequence > maxSeq) {
    const n = head.sequence - maxSeq;
    f.add('truncated', null, `the head names sequence ${head.sequence} (${head.id}) but the chain ends at ${maxSeq}: the newest ${n} record(s) were removed`, where);
  } else if (head.sequence < maxSeq) {
    for (const [seq, e] of bySeq) if (seq > head.sequence) f.add('inserted', e, `appended after the chain head (sequence ${head.sequence}) without going through Tollgate`);
  } else {
    const last = bySeq.get(maxSeq);
    if (last && !f.isFlagged(last) && last.record.hash !== head.hash) {
      f.add('edited', last, `its hash does not match the one the chain head recorded (${short(head.hash ?? '')}): it was rewritten and re-hashed after the fact (or replaced)`);
    }
  }
}

/** Release events pin the envelopes they cite by hash. */
function checkEvidenceRefs(entries: readonly Entry[], f: Findings): void {
  const byId = new Map(entries.filter((e) => e.record.kind === 'audit').map((e) => [e.record.id, e]));
  for (const e of entries) {
    if (e.record.kind !== 'release' || f.isFlagged(e)) continue;
    for (const ref of e.record.evidence) {
      const cited = byId.get(ref.id);
      if (cited === undefined) f.add('deleted', e, `cites evidence envelope ${ref.id}, which is no longer in the chain`);
      else if (cited.record.hash !== ref.hash && !f.isFlagged(cited)) f.add('edited', cited, `release event ${e.record.id} cites it with hash ${short(ref.hash)}, but it now hashes to ${short(cited.record.hash)}`);
    }
  }
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
