/**
 * A minimal LSP client for tests and the bench: spawns a server process over
 * stdio, speaks JSON-RPC through vscode-languageserver-protocol, records
 * every publishDiagnostics and lets tests wait for conditions with a timeout
 * (never a fixed sleep).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'server', 'out', 'server.js');

export interface StartOptions {
  /** Command line; default the built Tollgate server over stdio. */
  readonly command?: readonly string[];
  readonly initializationOptions?: unknown;
  readonly rootPath?: string;
  readonly capabilities?: ClientCapabilities;
  /** Answer to workspace/configuration items, by section. */
  readonly configuration?: (section: string | undefined) => unknown;
}

export class LspClient {
  /** Every publishDiagnostics received, by URI, oldest first. */
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  stderr = '';
  private waiters: (() => void)[] = [];
  initializeResult: InitializeResult | undefined;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  /** Spawn and initialize a server. */
  static async start(opts: StartOptions = {}): Promise<LspClient> {
    const command = opts.command ?? [SERVER, '--stdio'];
    if (!opts.command && !existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, command, { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection);
    child.stderr.on('data', (d: Buffer) => (client.stderr += d.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = client.published.get(p.uri) ?? [];
      list.push(p);
      client.published.set(p.uri, list);
      client.wake();
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => opts.configuration?.(i.section) ?? null));
    connection.listen();
    const rootUri = opts.rootPath ? pathToFileURL(opts.rootPath).href : null;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities: opts.capabilities ?? {},
      initializationOptions: opts.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Diagnostics published for `uri` so far, oldest first. */
  diagnosticsFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** Drop what was recorded for `uri` (long runs such as the fuzz test). */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  /** Resolve with the first published diagnostics (from now or earlier) for `uri` that satisfy `pred`. */
  async waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    return this.waitUntil(() => this.diagnosticsFor(uri).find(pred), timeoutMs, `diagnostics for ${uri}`);
  }

  /** Wait until `probe` returns a value, re-checking after each message from the server. */
  waitUntil<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nserver stderr: ${this.stderr}`));
      }, timeoutMs);
      const check = () => {
        const v = probe();
        if (v === undefined) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve(v);
      };
      this.waiters.push(check);
      check();
    });
  }

  /** Shutdown + exit; resolves to the process exit code. */
  async shutdown(timeoutMs = 5000): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      this.child.once('exit', (code) => resolve(code));
    });
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    const result = await Promise.race([exited, timeout]);
    this.connection.dispose();
    if (result === 'timeout') {
      this.child.kill();
      throw new Error('server did not exit after shutdown/exit');
    }
    return result;
  }

  /** Kill without ceremony (test cleanup after a failure). */
  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** A file: URI for a fake path (documents need not exist on disk). */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
