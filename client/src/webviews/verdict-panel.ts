/**
 * The verdict panel (`tollgate.verdict`): one panel, re-used for every gate.
 * The host keeps the last view model in workspace state, so a panel restored
 * after a reload trusts only what the host itself sent (not the page's state).
 */
import type * as vscode from 'vscode';
import type { ToVerdict, VerdictViewModel } from '../../webview/messages';
import { createPanel, WebviewHost, type ActionMessage, type ViewSpec } from './panel';
import { toVerdictViewModel, type VerdictSource } from './view-models';

export const VERDICT_VIEW: ViewSpec = { viewType: 'tollgate.verdict', title: 'Tollgate Verdict', entry: 'verdict', styles: ['verdict.css'], retain: true };
const LAST_MODEL = 'tollgate.verdict.lastModel';

let current: VerdictPanel | undefined;

class VerdictPanel extends WebviewHost<ToVerdict> {
  private model: VerdictViewModel | undefined;

  constructor(ctx: vscode.ExtensionContext, panel: vscode.WebviewPanel, model?: VerdictViewModel) {
    super(ctx, panel, VERDICT_VIEW);
    if (model) this.remember(model);
  }

  show(model: VerdictViewModel): Promise<number> {
    this.remember(model);
    void this.ctx.workspaceState.update(LAST_MODEL, model);
    return this.postData((seq) => ({ type: 'verdict', seq, model }));
  }

  /** The gate has started: say so (a new page boots meanwhile, which is most of a first paint's cost). */
  pending(title: string): void {
    this.post({ type: 'pending', title });
  }

  failed(title: string, message: string): void {
    this.post({ type: 'failed', title, message });
  }

  private remember(model: VerdictViewModel): void {
    this.model = model;
    const paths = [...model.inputs.map((i) => i.path), ...(model.envelope ? [model.envelope.file] : [])];
    this.allow(paths, [...model.inputs.map((i) => i.sha256), ...(model.envelope ? [model.envelope.hash] : [])]);
  }

  protected onReady(): void {
    const model = this.model;
    if (model) this.resend((seq) => ({ type: 'verdict', seq, model }));
  }

  protected onAction(_m: ActionMessage): void {
    // The verdict view has no project or run actions; its links are openFile messages.
  }

  protected override onDisposed(): void {
    if (current === this) current = undefined;
  }
}

/** Opens (or reveals) the verdict panel before a gate runs, showing that it is gating `title`. */
export function prepareVerdict(ctx: vscode.ExtensionContext, title: string): void {
  if (current) current.reveal();
  else current = new VerdictPanel(ctx, createPanel(VERDICT_VIEW));
  current.pending(title);
}

/** The gate `prepareVerdict` announced ended without a result (cancelled, or failed with `message`). */
export function failVerdict(title: string, message: string): void {
  current?.failed(title, message);
}

/** Opens (or reveals) the verdict panel on `result`; resolves with ms from the call to the page's paint. */
export async function showVerdict(ctx: vscode.ExtensionContext, result: VerdictSource, title: string): Promise<number> {
  const t0 = performance.now();
  const model = toVerdictViewModel(result, title);
  if (current) current.reveal();
  else current = new VerdictPanel(ctx, createPanel(VERDICT_VIEW));
  await current.show(model);
  return performance.now() - t0;
}

/** Rebuilds a panel VS Code restores after a reload, from the model the host saved. */
export function restoreVerdict(ctx: vscode.ExtensionContext, panel: vscode.WebviewPanel): void {
  current?.dispose();
  current = new VerdictPanel(ctx, panel, ctx.workspaceState.get<VerdictViewModel>(LAST_MODEL));
}
