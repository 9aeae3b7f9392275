/**
 * Every command, by id. package.json's `contributes.commands` must list
 * exactly these ids (test/manifest checks it), so the table is the one place to add one.
 */
import * as vscode from 'vscode';
import { captureAudit } from './capture-audit';
import type { CommandContext, CommandHandler } from './context';
import { trace, verifyAudit } from './evidence-reports';
import { gatePair } from './gate-pair';
import { recordRelease } from './record-release';
import { runEvalGate } from './run-eval-gate';
import { showHistory } from './show-history';
import { showVerdict } from './show-verdict';

export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  'tollgate.runEvalGate': runEvalGate,
  'tollgate.gatePair': gatePair,
  'tollgate.captureAudit': captureAudit,
  'tollgate.recordRelease': recordRelease,
  'tollgate.showHistory': showHistory,
  'tollgate.verifyAudit': verifyAudit,
  'tollgate.trace': trace,
  'tollgate.showVerdict': showVerdict,
  'tollgate.showOutput': (ctx) => ctx.server.output.show(true),
  'tollgate.restartServer': (ctx) => ctx.server.restart(),
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(ctx, ...args)));
}
