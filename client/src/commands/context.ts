/** What every command handler gets: the server, the verdicts seen, the webviews and the API's timings. */
import type * as vscode from 'vscode';
import type { Timings } from '../api';
import type { ServerConnection } from '../server-connection';
import type { Verdicts } from '../verdicts';
import type { ReportDocuments } from '../report-documents';

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly server: ServerConnection;
  readonly verdicts: Verdicts;
  readonly reports: ReportDocuments;
  readonly timings: Timings;
}

export type CommandHandler = (ctx: CommandContext, ...args: unknown[]) => unknown;
