/**
 * Just enough of the `vscode` module to drive the webview panels' host side
 * in plain Node: panels record what they post, tests play the page's part by
 * firing messages, and opened files / clipboard writes are recorded. Installed
 * by `installFakeVscode()` before the panels are first required.
 */
import Module from 'node:module';

type Listener<T> = (e: T) => void;

class Emitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => { this.listeners = this.listeners.filter((x) => x !== l); } };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
}

export class FakeUri {
  constructor(readonly path: string) {}
  static file(p: string): FakeUri { return new FakeUri(p); }
  static joinPath(base: FakeUri, ...parts: string[]): FakeUri { return new FakeUri([base.path, ...parts].join('/')); }
  toString(): string { return `https://webview.test${this.path}`; }
}

export class FakePanel {
  readonly posted: unknown[] = [];
  readonly received = new Emitter<unknown>();
  readonly viewState = new Emitter<unknown>();
  readonly disposed = new Emitter<void>();
  visible = true;
  revealed = 0;
  /** The WebviewPanelOptions it was created with. */
  panelOptions: Record<string, unknown> = {};
  isDisposed = false;
  readonly webview = {
    options: {} as Record<string, unknown>,
    html: '',
    cspSource: 'https://webview.test',
    asWebviewUri: (u: FakeUri) => u,
    postMessage: (m: unknown) => { this.posted.push(m); return Promise.resolve(true); },
    onDidReceiveMessage: this.received.event,
  };
  readonly onDidChangeViewState = this.viewState.event;
  readonly onDidDispose = this.disposed.event;
  constructor(readonly viewType: string, readonly title: string) {}
  reveal(): void { this.revealed++; }
  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.disposed.fire();
  }
  /** The page's side: send a message to the host. */
  fromPage(m: unknown): void { this.received.fire(m); }
  hide(): void { this.visible = false; this.viewState.fire({}); }
  show(): void { this.visible = true; this.viewState.fire({}); }
}

export const calls = {
  panels: [] as FakePanel[],
  opened: [] as string[],
  clipboard: [] as string[],
  serializers: new Map<string, { deserializeWebviewPanel(p: FakePanel, state: unknown): Promise<void> }>(),
};

export class FakeMemento {
  private values = new Map<string, unknown>();
  get<T>(key: string): T | undefined { return this.values.get(key) as T | undefined; }
  update(key: string, value: unknown): Promise<void> { this.values.set(key, value); return Promise.resolve(); }
}

export function fakeContext(): { extensionUri: FakeUri; workspaceState: FakeMemento; subscriptions: { dispose(): void }[] } {
  return { extensionUri: new FakeUri('/ext'), workspaceState: new FakeMemento(), subscriptions: [] };
}

const fake = {
  Uri: FakeUri,
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  window: {
    createWebviewPanel: (viewType: string, title: string, _column: unknown, options?: Record<string, unknown>) => {
      const p = new FakePanel(viewType, title);
      p.panelOptions = options ?? {};
      calls.panels.push(p);
      return p;
    },
    registerWebviewPanelSerializer: (viewType: string, s: { deserializeWebviewPanel(p: FakePanel, state: unknown): Promise<void> }) => {
      calls.serializers.set(viewType, s);
      return { dispose: () => calls.serializers.delete(viewType) };
    },
  },
  commands: {
    executeCommand: (id: string, uri: FakeUri) => {
      if (id === 'vscode.open') calls.opened.push(uri.path);
      return Promise.resolve();
    },
  },
  env: { clipboard: { writeText: (t: string) => { calls.clipboard.push(t); return Promise.resolve(); } } },
};

let installed = false;

/** Makes `require('vscode')` return the fake (the real module exists only inside the extension host). */
export function installFakeVscode(): void {
  if (installed) return;
  installed = true;
  const M = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const load = M._load.bind(M);
  M._load = (request, parent, isMain) => (request === 'vscode' ? fake : load(request, parent, isMain));
}

/** Lets queued promise callbacks run (the panels post after awaiting the history source). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}
