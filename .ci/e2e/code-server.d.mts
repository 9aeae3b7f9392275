// Types of code-server.mjs for the TypeScript tests and benches that import it.
import type { BrowserContext, Page } from 'playwright-core';

export const CODE_SERVER_VERSION: string;
export const E2E_HOME: string;
export const CODE_SERVER_BIN: string;
export const THEMES: Record<'light' | 'dark' | 'high-contrast', string>;
export function findChromium(): string | undefined;
export function missingPrerequisites(): string[];
export function poll<T>(fn: () => T | Promise<T>, o?: { timeout?: number; interval?: number; message?: string }): Promise<NonNullable<T>>;

export interface CodeServer {
  port: number;
  base: string;
  dataDir: string;
  userDataDir: string;
  extensionsDir: string;
  theme: string;
  pid: number;
  log(): string;
  stop(): Promise<void>;
  remote(path: string): string;
  url(folder: string, o?: { extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
}
export function startCodeServer(o?: {
  theme?: 'light' | 'dark' | 'high-contrast' | (string & {});
  settings?: Record<string, unknown>;
  extensionsDir?: string;
  dataDir?: string;
  env?: Record<string, string>;
  folder?: string;
  port?: number;
  onLog?: (chunk: string) => void;
}): Promise<CodeServer>;

export function linkExtension(extensionsDir: string, extensionDir: string): string;

export interface Chromium {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}
export function launchChromium(o?: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' }): Promise<Chromium>;
export function waitForWorkbench(page: Page, timeout?: number): Promise<void>;
