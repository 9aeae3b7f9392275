// Types of workbench.mjs for the TypeScript tests.
import type { Frame, Page } from 'playwright-core';
import type { CodeServer } from './code-server.mjs';

export function bundleForExtensionHost(entry: string, outdir: string): Promise<string>;
export function runInExtensionHost(
  cs: CodeServer,
  page: Page,
  o: { workspace: string; extensionDir: string; testsPath: string; timeoutMs: number; onLog?: (line: string) => void },
): Promise<number>;
export function findFrame(page: Page, selector: string, o?: { timeout?: number; accept?: (f: Frame) => Promise<boolean>; what?: string }): Promise<Frame>;
export function waitForPaint<A>(
  page: Page,
  probe: (arg: A) => number,
  arg: A,
  o?: { timeout?: number; frames?: Frame[]; what?: string },
): Promise<{ frame: Frame; at: number }>;
export const probes: {
  verdictBadge: (verdict: string) => number;
  historyRows: (runs: number | null) => number;
};
export function runFromPalette(page: Page, title: string): Promise<number>;
export function quickOpen(page: Page, relPath: string): Promise<void>;
export function waitForCodeLens(page: Page, text: string, timeout?: number): Promise<string>;
export const SUITE_DIR: string;
