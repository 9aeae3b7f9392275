/**
 * Commands are called from the palette (no arguments), from menus (a Uri,
 * and for multi-selection the selected Uris), and from tests or other
 * extensions (a plain object). These helpers read each shape defensively.
 */
import * as vscode from 'vscode';

export function asUri(v: unknown): vscode.Uri | undefined {
  if (v instanceof vscode.Uri) return v;
  if (typeof v === 'string' && v !== '') return v.includes('://') || v.startsWith('file:') ? vscode.Uri.parse(v) : vscode.Uri.file(v);
  return undefined;
}

export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof vscode.Uri) ? (v as Record<string, unknown>) : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** A request failure's message (the server answers bad input with the CLI's own message). */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
