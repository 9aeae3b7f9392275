/**
 * 10,000 mutated documents (manifests, policies, eval configs, run files;
 * seeded) through ONE running server as didOpen / didChange (whole-text and
 * incremental), each followed by a request, pipelined. The server must never
 * crash, answer every request well-formed and within 1 s, publish only
 * well-formed diagnostics for versions it was sent, and publish the last
 * version of every document.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type Diagnostic,
  type Position,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mulberry32 } from '../helpers/seeded-random.cjs';
import { fileUri, LspClient } from '../helpers/lsp-client';
import { mutate, SEEDS } from './fuzz-corpus';

const DOCUMENTS = Number(process.env['TOLLGATE_FUZZ_DOCS'] ?? 10_000);
// Documents rotate through a dozen open URIs (an editor's worth of tabs); each
// version is followed by one request, pipelined.
const SLOTS = 12;
/** Requests in flight at once. */
const WINDOW = 16;
const REQUEST_BUDGET_MS = 1000;

type Rand = () => number;

function isRange(r: Range | undefined, doc: TextDocument): boolean {
  if (!r) return false;
  const ok = (p: Position) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 && p.line < doc.lineCount;
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

function checkDiagnostic(d: Diagnostic, doc: TextDocument): void {
  assert.ok(isRange(d.range, doc), `bad range ${JSON.stringify(d.range)} in a ${doc.lineCount}-line document`);
  assert.ok(d.severity !== undefined && d.severity >= 1 && d.severity <= 3);
  assert.equal(d.source, 'tollgate');
  assert.match(String(d.code), /^TG-[A-Z]+-[A-Z0-9]+$/);
  assert.ok(typeof d.message === 'string' && d.message.length > 0);
}

/** One request of a rotating kind at a random position, timed and shape-checked. */
async function probe(client: LspClient, doc: TextDocument, r: Rand, n: number, diagnostics: readonly Diagnostic[]): Promise<number> {
  const textDocument = { uri: doc.uri };
  const position = doc.positionAt(Math.floor(r() * (doc.getText().length + 1)));
  const t0 = performance.now();
  switch (n % 5) {
    case 0: {
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
      if (h) assert.ok(typeof (h.contents as { value?: unknown }).value === 'string' && (h.range === undefined || isRange(h.range, doc)));
      break;
    }
    case 1: {
      const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument, position });
      assert.ok(Array.isArray(items) && items.every((i) => typeof i.label === 'string'));
      break;
    }
    case 2: {
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
      assert.ok(Array.isArray(symbols) && symbols.every((s) => 'range' in s && isRange(s.range, doc) && typeof s.name === 'string'));
      break;
    }
    case 3: {
      const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
      assert.ok(Array.isArray(lenses) && lenses.every((l) => isRange(l.range, doc) && typeof l.command?.title === 'string'));
      break;
    }
    default: {
      const range = diagnostics[0]?.range ?? { start: position, end: position };
      const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [...diagnostics] } });
      assert.ok(Array.isArray(actions) && actions.every((a) => typeof a.title === 'string'));
    }
  }
  return performance.now() - t0;
}

/** One change from `before` to `after`: the span between their common prefix and suffix. */
function diff(before: TextDocument, after: string): TextDocumentContentChangeEvent {
  const a = before.getText();
  let p = 0;
  while (p < a.length && p < after.length && a.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < a.length - p && q < after.length - p && a.charCodeAt(a.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  return { range: { start: before.positionAt(p), end: before.positionAt(a.length - q) }, text: after.slice(p, after.length - q) };
}

interface Slot {
  doc: TextDocument | undefined;
}

test(`fuzz: ${DOCUMENTS} mutated documents through one server`, { timeout: 300_000 }, async () => {
  const client = await LspClient.start({ initializationOptions: { debounceMs: 0, workspace: { scan: false } } });
  try {
    const r = mulberry32(20_251_202);
    // One URI per slot; slot i always holds documents of seed i % SEEDS.length (its extension fits).
    const slots: Slot[] = Array.from({ length: SLOTS }, () => ({ doc: undefined }));
    const sent = new Map<string, TextDocument>();
    const pending: Promise<number>[] = [];
    let slowest = 0;
    for (let n = 0; n < DOCUMENTS; n++) {
      const i = n % SLOTS;
      const seed = SEEDS[i % SEEDS.length];
      let text = seed.text;
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) text = mutate(text, r);
      const slot = slots[i];
      const uri = fileUri(`/fuzz/slot-${i}.${seed.ext}`);
      if (!slot.doc) {
        slot.doc = TextDocument.create(uri, seed.languageId, 1, text);
        await client.open(uri, text, 1, seed.languageId);
      } else {
        // Alternate whole-text and incremental changes.
        const change = n % 2 === 0 ? { text } : diff(slot.doc, text);
        // TextDocument.update mutates in place; requests still in flight need their own version.
        const next = 'range' in change ? TextDocument.applyEdits(slot.doc, [{ range: change.range, newText: change.text }]) : change.text;
        slot.doc = TextDocument.create(uri, seed.languageId, slot.doc.version + 1, next);
        await client.change(uri, slot.doc.version, [change]);
      }
      sent.set(`${uri}@${slot.doc.version}`, slot.doc);
      pending.push(probe(client, slot.doc, r, n, []));
      // Pipelining with a bounded window: wait for the oldest request when the window is full.
      if (pending.length >= WINDOW) slowest = Math.max(slowest, await pending.shift()!);
    }
    for (const p of pending) slowest = Math.max(slowest, await p);
    // The last version of every slot gets its diagnostics; every publication was well-formed for its version.
    for (const slot of slots) {
      const doc = slot.doc!;
      await client.waitForDiagnostics(doc.uri, (p) => p.version === doc.version, 10_000);
      for (const p of client.diagnosticsFor(doc.uri)) {
        const version = sent.get(`${doc.uri}@${p.version}`);
        assert.ok(version, `diagnostics for a version never sent: ${p.version}`);
        for (const d of p.diagnostics) checkDiagnostic(d, version);
      }
    }
    assert.ok(slowest < REQUEST_BUDGET_MS, `slowest request ${slowest.toFixed(0)} ms`);
    assert.equal(client.child.exitCode, null, 'server process still running');
    const published = slots.reduce((k, s) => k + client.diagnosticsFor(s.doc!.uri).length, 0);
    assert.ok(published > DOCUMENTS / 10, `only ${published} publications for ${DOCUMENTS} documents`);
    // Still answering after the storm.
    const uri = fileUri('/fuzz/final.yaml');
    await client.open(uri, SEEDS[0].text);
    assert.ok((await client.waitForDiagnostics(uri)).diagnostics.length > 0);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
