/**
 * Shared host side of the webview panels: secure options and HTML, one panel
 * per view type, a queue until the page says `ready`, typed dispatch of the
 * (untrusted) messages, and a promise per data message that resolves when the
 * page reports it painted.
 *
 * By default a hidden page is discarded and rebuilt on show from its getState()
 * (UI state) plus a re-post of the data the host keeps: one repaint instead of a
 * live page's memory (the history page holds 10,000 runs). A view whose page is
 * small and shown often (the verdict) sets `retain`: a new page costs about a
 * second in a browser-hosted VS Code, which would be paid on every re-show.
 */
import * as vscode from 'vscode';
import type { FromWebview } from '../../webview/messages';
import { buildHtml, newNonce } from './html';
import { parseFromWebview } from './message-guard';

export interface ViewSpec {
  readonly viewType: string;
  readonly title: string;
  /** Bundle name under media/dist/ (built from client/webview/<entry>.ts). */
  readonly entry: string;
  readonly styles: readonly string[];
  /** retainContextWhenHidden: keep the page alive while its tab is hidden. */
  readonly retain?: boolean;
}

/** Messages a concrete panel handles itself (the base handles the rest). */
export type ActionMessage = Extract<FromWebview, { type: 'openEnvelope' | 'selectProject' }>;

function mediaRoot(ctx: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(ctx.extensionUri, 'media');
}

/** Scripts on, and only media/ loadable: the single localResourceRoot. */
export function webviewOptions(ctx: vscode.ExtensionContext): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [mediaRoot(ctx)] };
}

/** The thin vscode wrapper over the pure builder: turns media/ paths into webview URIs. */
export function webviewHtml(ctx: vscode.ExtensionContext, webview: vscode.Webview, spec: ViewSpec): string {
  const uri = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(ctx), ...parts)).toString();
  return buildHtml({
    cspSource: webview.cspSource,
    scriptUri: uri('dist', `${spec.entry}.js`),
    styleUris: ['webview.css', ...spec.styles].map((s) => uri(s)),
    nonce: newNonce(),
    title: spec.title,
  });
}

export function createPanel(spec: ViewSpec): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(spec.viewType, spec.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, { enableFindWidget: true, retainContextWhenHidden: spec.retain === true });
}

interface Waiter {
  readonly seq: number;
  readonly resolve: (ms: number) => void;
  readonly reject: (e: Error) => void;
}

export abstract class WebviewHost<TIn extends { readonly type: string }> implements vscode.Disposable {
  private ready = false;
  private queued: TIn | undefined;
  private seq = 0;
  private waiters: Waiter[] = [];
  private paths = new Set<string>();
  private texts = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(protected readonly ctx: vscode.ExtensionContext, readonly panel: vscode.WebviewPanel, spec: ViewSpec) {
    panel.webview.options = webviewOptions(ctx); // also for restored panels, whose options are not persisted
    panel.webview.html = webviewHtml(ctx, panel.webview, spec);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      // A hidden page is discarded (unless retained): hold messages until the rebuilt page says `ready` again.
      panel.onDidChangeViewState(() => { if (!panel.visible && spec.retain !== true) this.ready = false; }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Re-post the current data after the page (re)loads; called on every `ready`. */
  protected abstract onReady(): void;
  protected abstract onAction(m: ActionMessage): void | Promise<void>;

  /** Posts a data message (built with its sequence number) and resolves when the page has painted it. */
  protected postData(make: (seq: number) => TIn): Promise<number> {
    const seq = ++this.seq;
    const painted = new Promise<number>((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
    this.send(make(seq));
    return painted;
  }

  /** Re-posts data nobody awaits (after the page reloads on show). */
  protected resend(make: (seq: number) => TIn): void {
    this.send(make(++this.seq));
  }

  /** Posts a message that needs no paint acknowledgement (loading, error). */
  protected post(msg: TIn): void {
    this.send(msg);
  }

  /** The only file paths and copy texts the page may ask for: those the host itself sent. */
  protected allow(paths: Iterable<string>, texts: Iterable<string> = []): void {
    this.paths = new Set(paths);
    this.texts = new Set(texts);
  }

  protected async openFile(path: string): Promise<void> {
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(path), { viewColumn: vscode.ViewColumn.One, preview: true });
  }

  private send(msg: TIn): void {
    if (this.disposed) return;
    // Only the latest data matters: a page that is not ready gets it on `ready` (via onReady).
    if (!this.ready) { this.queued = msg; return; }
    void this.panel.webview.postMessage(msg);
  }

  private receive(raw: unknown): void {
    const m = parseFromWebview(raw);
    if (!m) return;
    switch (m.type) {
      case 'ready': return this.onPageReady();
      case 'painted': return this.settle(m.seq, m.ms);
      case 'openFile': if (this.paths.has(m.path)) void this.openFile(m.path); return;
      case 'copy': if (this.texts.has(m.text)) void vscode.env.clipboard.writeText(m.text); return;
      default: void this.onAction(m);
    }
  }

  private onPageReady(): void {
    this.ready = true;
    const queued = this.queued;
    this.queued = undefined;
    if (queued) this.send(queued);
    else this.onReady();
  }

  /** A paint of data `seq` also answers every older request (they were superseded). */
  private settle(seq: number, ms: number): void {
    for (const w of this.waiters.filter((x) => x.seq <= seq)) w.resolve(ms);
    this.waiters = this.waiters.filter((x) => x.seq > seq);
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const w of this.waiters) w.reject(new Error(`${this.panel.title} was closed before it painted`));
    this.waiters = [];
    for (const d of this.subscriptions) d.dispose();
    this.panel.dispose();
    this.onDisposed();
  }

  protected onDisposed(): void {}
}
