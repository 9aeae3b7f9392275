/**
 * The host side of the webviews against a fake `vscode`: one panel per view
 * type, data held until the page is ready (and re-sent when a hidden page is
 * rebuilt), paint acknowledgements, and an untrusted page that may open only
 * the files and runs the host itself sent.
 */
import './use-fake-vscode';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import type { HistoryParams, HistoryResult } from '../../../server/src/protocol/protocol';
import { registerWebviewSerializers, showHistory, showVerdict } from '../../../client/src/webviews/index';
import type { HistoryWire } from '../../../client/webview/messages';
import { captureWithPayload, history } from '../../webview/fixtures';
import { calls, fakeContext, FakePanel, settle } from './fake-vscode';

const ctx = () => fakeContext() as unknown as vscode.ExtensionContext & ReturnType<typeof fakeContext>;
type Msg = { type: string; seq?: number } & Record<string, unknown>;
const last = (p: FakePanel) => p.posted[p.posted.length - 1] as Msg;

function newestPanel(): FakePanel {
  const p = calls.panels[calls.panels.length - 1];
  assert.ok(p, 'a panel was created');
  return p;
}

test('the verdict panel is secure, waits for ready, and resolves when the page painted', async () => {
  const c = ctx();
  const shown = showVerdict(c, captureWithPayload(), 'a → b');
  const p = newestPanel();
  assert.equal(p.viewType, 'tollgate.verdict');
  assert.equal(p.title, 'Tollgate Verdict');
  assert.equal(p.webview.options.enableScripts, true);
  assert.deepEqual((p.webview.options.localResourceRoots as { path: string }[]).map((u) => u.path), ['/ext/media']);
  assert.equal(p.panelOptions['retainContextWhenHidden'], true, 'the small verdict page stays alive when hidden: no second page boot');
  assert.match(p.webview.html, /default-src 'none'/);
  assert.match(p.webview.html, /src="https:\/\/webview\.test\/ext\/media\/dist\/verdict\.js"/);
  assert.equal(p.posted.length, 0, 'nothing is posted before the page is ready');
  p.fromPage({ type: 'ready' });
  const msg = last(p);
  assert.equal(msg.type, 'verdict');
  p.fromPage({ type: 'painted', ms: 12, seq: msg.seq });
  const ms = await shown;
  assert.ok(ms >= 0 && Number.isFinite(ms));
  // A second gate re-uses the panel.
  const again = showVerdict(c, captureWithPayload(), 'c → d');
  assert.equal(newestPanel(), p);
  assert.equal(p.revealed, 1);
  const second = last(p);
  assert.ok((second.seq ?? 0) > (msg.seq ?? 0));
  p.fromPage({ type: 'painted', ms: 5, seq: second.seq });
  await again;
  p.dispose();
});

test('the page may open and copy only what the host sent', async () => {
  const r = captureWithPayload();
  const shown = showVerdict(ctx(), r, 't');
  const p = newestPanel();
  p.fromPage({ type: 'ready' });
  p.fromPage({ type: 'painted', ms: 1, seq: last(p).seq });
  await shown;
  calls.opened.length = 0;
  calls.clipboard.length = 0;
  p.fromPage({ type: 'openFile', path: '/etc/passwd' });
  p.fromPage({ type: 'openFile', path: r.inputs[0].path });
  p.fromPage({ type: 'openFile', path: r.file });
  p.fromPage({ type: 'copy', text: 'rm -rf /' });
  p.fromPage({ type: 'copy', text: r.inputs[1].sha256 });
  p.fromPage({ type: 'runCommand', command: 'workbench.action.terminal.new' });
  p.fromPage('openFile');
  await settle();
  assert.deepEqual(calls.opened, [r.inputs[0].path, r.file]);
  assert.deepEqual(calls.clipboard, [r.inputs[1].sha256]);
  p.dispose();
});

test('the verdict page is retained: data reaches it while hidden; closing before the paint rejects', async () => {
  const shown = showVerdict(ctx(), captureWithPayload(), 't');
  const p = newestPanel();
  assert.equal(p.panelOptions['retainContextWhenHidden'], true);
  p.fromPage({ type: 'ready' });
  p.fromPage({ type: 'painted', ms: 1, seq: last(p).seq });
  await shown;
  p.hide();
  const count = p.posted.length;
  const pending = showVerdict(ctx(), captureWithPayload(), 'while hidden');
  assert.equal(p.posted.length, count + 1, 'a retained page is not rebuilt, so it gets the data at once');
  assert.equal((last(p).model as { title: string }).title, 'while hidden');
  p.fromPage({ type: 'painted', ms: 1, seq: last(p).seq });
  await pending;
  const never = showVerdict(ctx(), captureWithPayload(), 'x');
  p.dispose();
  await assert.rejects(never, /closed before it painted/);
});

test('a hidden history page is discarded: data waits for the rebuilt page, which gets it on ready', async () => {
  const src = source(history(50, 1));
  const shown = showHistory(ctx(), src, 'demo');
  const p = newestPanel();
  assert.notEqual(p.panelOptions['retainContextWhenHidden'], true, '10,000 runs are not kept in a hidden page');
  p.fromPage({ type: 'ready' });
  await settle();
  p.fromPage({ type: 'painted', ms: 1, seq: last(p).seq });
  await shown;
  p.hide();
  const count = p.posted.length;
  const again = showHistory(ctx(), src, 'demo');
  await settle();
  assert.equal(p.posted.length, count, 'nothing posted to a discarded page');
  p.show();
  p.fromPage({ type: 'ready' });
  assert.equal(p.posted.length, count + 1);
  assert.equal(last(p).type, 'history');
  p.fromPage({ type: 'painted', ms: 1, seq: last(p).seq });
  await again;
  p.dispose();
});

function source(result: HistoryResult) {
  const asked: HistoryParams[] = [];
  return { asked, request: (q: HistoryParams) => { asked.push(q); return Promise.resolve(q.project === 'demo' || q.project === 'payments' ? result : { ...result, records: [] }); } };
}

test('the history panel loads a project (or the first one that exists) and sends it packed', async () => {
  const src = source(history(300, 2));
  const shown = showHistory(ctx(), src, 'missing');
  const p = newestPanel();
  assert.equal(p.viewType, 'tollgate.history');
  assert.equal(p.title, 'Tollgate History');
  p.fromPage({ type: 'ready' });
  await settle();
  assert.deepEqual(src.asked.map((q) => q.project), ['missing', 'demo']);
  const msg = last(p) as Msg & { data: HistoryWire };
  assert.equal(msg.type, 'history');
  assert.equal(msg.data.project, 'demo');
  assert.equal(msg.data.runId.length, 300);
  p.fromPage({ type: 'painted', ms: 40, seq: msg.seq });
  assert.ok((await shown) >= 0);
  p.dispose();
});

test('history actions: only listed projects, known runs and sent files', async () => {
  const h = history(300, 2);
  const src = source(h);
  const shown = showHistory(ctx(), src, 'demo');
  const p = newestPanel();
  p.fromPage({ type: 'ready' });
  await settle();
  p.fromPage({ type: 'painted', ms: 1, seq: last(p).seq });
  await shown;
  calls.opened.length = 0;
  p.fromPage({ type: 'selectProject', project: '../../etc' });
  await settle();
  assert.equal(src.asked.length, 1, 'an unlisted project is not requested');
  p.fromPage({ type: 'selectProject', project: 'payments' });
  await settle();
  assert.deepEqual(src.asked.map((q) => q.project), ['demo', 'payments']);
  p.fromPage({ type: 'openEnvelope', runId: 'run-00007' });
  p.fromPage({ type: 'openEnvelope', runId: 'run-00001' });
  p.fromPage({ type: 'openFile', path: h.records[5].file });
  p.fromPage({ type: 'openFile', path: '/store/audit/7.json.evil' });
  await settle();
  assert.deepEqual(calls.opened, ['/store/audit/7.json', h.records[5].file]);
  p.dispose();
});

test('serializers restore both panels from what the host saved, not from the page', async () => {
  const c = ctx();
  const r = captureWithPayload();
  const first = showVerdict(c, r, 'saved');
  const p = newestPanel();
  p.fromPage({ type: 'ready' });
  p.fromPage({ type: 'painted', ms: 1, seq: last(p).seq });
  await first;
  p.dispose();
  registerWebviewSerializers(c, source(history(10, 1)));
  assert.deepEqual([...calls.serializers.keys()].sort(), ['tollgate.history', 'tollgate.verdict']);
  const restored = new FakePanel('tollgate.verdict', 'Tollgate Verdict');
  await calls.serializers.get('tollgate.verdict')!.deserializeWebviewPanel(restored, { model: { inputs: [{ path: '/evil' }] } });
  assert.match(restored.webview.html, /script-src 'nonce-/);
  restored.fromPage({ type: 'ready' });
  assert.equal((last(restored).model as { title: string }).title, 'saved');
  calls.opened.length = 0;
  restored.fromPage({ type: 'openFile', path: '/evil' });
  restored.fromPage({ type: 'openFile', path: r.file });
  await settle();
  assert.deepEqual(calls.opened, [r.file]);
  restored.dispose();
  const h = new FakePanel('tollgate.history', 'Tollgate History');
  await calls.serializers.get('tollgate.history')!.deserializeWebviewPanel(h, {});
  h.fromPage({ type: 'ready' });
  await settle();
  assert.equal(last(h).type, 'history');
  h.dispose();
});
