/**
 * The history panel (`tollgate.history`): the runs of one project from the
 * store, fetched through a HistorySource (the language server). Filtering is
 * the page's job; switching project asks the server again.
 */
import type * as vscode from 'vscode';
import type { HistoryParams, HistoryResult } from '../../../server/src/protocol/protocol';
import type { HistoryWire, ToHistory } from '../../webview/messages';
import { createPanel, WebviewHost, type ActionMessage, type ViewSpec } from './panel';
import { envelopeFiles, packHistory, toHistoryViewModel } from './view-models';

export interface HistorySource {
  request(p: HistoryParams): Promise<HistoryResult>;
}

export const HISTORY_VIEW: ViewSpec = { viewType: 'tollgate.history', title: 'Tollgate History', entry: 'history', styles: ['history.css'] };
const LAST_PROJECT = 'tollgate.history.lastProject';
const DEFAULT_PROJECT = 'default';

let current: HistoryPanel | undefined;

/** Asks for `project`; when it does not exist but others do, shows the first of those instead of an empty view. */
async function fetchHistory(source: HistorySource, project: string): Promise<{ result: HistoryResult; project: string }> {
  const result = await source.request({ project });
  const first = result.projects[0];
  if (result.records.length > 0 || result.projects.includes(project) || first === undefined) return { result, project };
  return { result: await source.request({ project: first }), project: first };
}

class HistoryPanel extends WebviewHost<ToHistory> {
  /** What the page was last sent (packed once; re-sent as is when a hidden page is shown again). */
  private data: HistoryWire | undefined;
  private envelopes = new Map<string, string>();

  constructor(ctx: vscode.ExtensionContext, panel: vscode.WebviewPanel, private readonly source: HistorySource) {
    super(ctx, panel, HISTORY_VIEW);
  }

  async load(wanted: string): Promise<number> {
    this.post({ type: 'loading', project: wanted });
    try {
      const { result, project } = await fetchHistory(this.source, wanted);
      const model = toHistoryViewModel(result, project);
      this.envelopes = envelopeFiles(result);
      this.allow([...model.rows.map((r) => r.file), ...this.envelopes.values()]);
      void this.ctx.workspaceState.update(LAST_PROJECT, project);
      const data = packHistory(model);
      this.data = data;
      return await this.postData((seq) => ({ type: 'history', seq, data }));
    } catch (e) {
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  }

  protected onReady(): void {
    const data = this.data;
    if (data) this.resend((seq) => ({ type: 'history', seq, data }));
  }

  protected async onAction(m: ActionMessage): Promise<void> {
    if (m.type === 'openEnvelope') {
      const file = this.envelopes.get(m.runId);
      if (file !== undefined) await this.openFile(file);
    } else if (this.data?.projects.includes(m.project)) {
      // Only a project the server listed; a failure is already shown in the page.
      await this.load(m.project).catch(() => undefined);
    }
  }

  protected override onDisposed(): void {
    if (current === this) current = undefined;
  }
}

function lastProject(ctx: vscode.ExtensionContext): string {
  return ctx.workspaceState.get<string>(LAST_PROJECT) ?? DEFAULT_PROJECT;
}

/** Opens (or reveals) the history panel; resolves with ms from the call to the first paint of the data. */
export async function showHistory(ctx: vscode.ExtensionContext, source: HistorySource, project?: string): Promise<number> {
  const t0 = performance.now();
  if (current) current.reveal();
  else current = new HistoryPanel(ctx, createPanel(HISTORY_VIEW), source);
  await current.load(project ?? lastProject(ctx));
  return performance.now() - t0;
}

/** Rebuilds a panel VS Code restores after a reload and loads the project it last showed. */
export function restoreHistory(ctx: vscode.ExtensionContext, panel: vscode.WebviewPanel, source: HistorySource): void {
  current?.dispose();
  current = new HistoryPanel(ctx, panel, source);
  current.load(lastProject(ctx)).catch(() => undefined); // shown in the page as an error
}
