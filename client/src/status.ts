/**
 * Two status surfaces: a language status item (is the server up, which
 * policy is in force) next to the language mode, and a status bar item with
 * the verdict of the pair the active editor belongs to (click: the verdict view).
 */
import * as vscode from 'vscode';
import { GetPolicyRequest } from '../../server/src/protocol/protocol';
import type { ServerConnection, ServerState } from './server-connection';
import type { KeyedOutcome, Verdicts } from './verdicts';

const ICONS: Record<string, string> = { ALLOW: '$(pass-filled)', REJECT: '$(error)', INCONCLUSIVE: '$(question)' };

export function registerStatus(server: ServerConnection, verdicts: Verdicts): vscode.Disposable[] {
  const language = vscode.languages.createLanguageStatusItem('tollgate.status', [{ language: 'yaml' }, { language: 'json' }, { language: 'jsonl' }]);
  language.name = 'Tollgate';
  language.command = { title: 'Show Output', command: 'tollgate.showOutput' };
  const showState = (state: ServerState): void => {
    language.busy = state === 'starting';
    language.severity = state === 'failed' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    language.text = state === 'failed' ? 'Tollgate: server failed' : state === 'starting' ? 'Tollgate: starting' : 'Tollgate';
    if (state === 'running') void describePolicy(server, language);
  };
  showState(server.state);

  const bar = vscode.window.createStatusBarItem('tollgate.verdict', vscode.StatusBarAlignment.Left, 50);
  bar.name = 'Tollgate Verdict';
  // With a webview focused there is no active editor: keep showing the latest verdict then.
  const refresh = (): void => {
    const editor = vscode.window.activeTextEditor;
    showVerdict(bar, editor ? verdicts.forUri(editor.document.uri) : verdicts.last());
  };
  return [
    language,
    bar,
    server.onDidChangeState(showState),
    verdicts.onDidChange(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
  ];
}

async function describePolicy(server: ServerConnection, item: vscode.LanguageStatusItem): Promise<void> {
  try {
    const p = await server.request(GetPolicyRequest, {});
    item.detail = p.sources.length === 0 ? 'policy: built-in default' : `policy: ${p.name} (${p.sources.length} file${p.sources.length === 1 ? '' : 's'})`;
  } catch {
    item.detail = undefined;
  }
}

function showVerdict(bar: vscode.StatusBarItem, outcome: KeyedOutcome | undefined): void {
  if (!outcome) {
    bar.hide();
    return;
  }
  const r = outcome.result;
  bar.text = `${ICONS[r.verdict] ?? ''} ${r.verdict}`;
  bar.tooltip = `${outcome.title}\n${r.summary}\nClick to open the verdict view.`;
  bar.backgroundColor = r.verdict === 'REJECT' ? new vscode.ThemeColor('statusBarItem.errorBackground') : r.verdict === 'INCONCLUSIVE' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  bar.command = { title: 'Show verdict', command: 'tollgate.showVerdict', arguments: [outcome] };
  bar.show();
}
