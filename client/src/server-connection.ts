/**
 * One handle on the language server for the whole extension: commands and
 * panels send typed requests through it and never see a stopped client.
 * Restarts (the command, or trust being granted) swap the client underneath.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequestType } from 'vscode-languageserver-protocol';
import { createLanguageClient } from './language-client';

export type ServerState = 'starting' | 'running' | 'failed' | 'stopped';

export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private started: Promise<void> = Promise.resolve();
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateEmitter.event;
  state: ServerState = 'stopped';

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
    private readonly trace: vscode.LogOutputChannel,
  ) {}

  /** Start (or restart) the server; the promise settles when it answered `initialize`. */
  start(): Promise<void> {
    this.client = createLanguageClient(this.context, this.output, this.trace);
    this.setState('starting');
    const client = this.client;
    this.started = client.start().then(
      () => this.setState('running'),
      (e: unknown) => {
        this.setState('failed');
        this.output.appendLine(`Tollgate language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      },
    );
    return this.started;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const old = this.client;
    this.client = undefined;
    this.setState('stopped');
    if (old) await old.stop().catch(() => undefined);
  }

  /** A custom request; waits for a starting server, cancels with `token`. */
  async request<P, R>(type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R> {
    await this.started;
    const client = this.client;
    if (!client || this.state !== 'running') throw new Error('The Tollgate language server is not running (Tollgate: Show Output).');
    // By method name: the typed overload cannot relate a generic P to its RequestParam<P>; R stays typed.
    return client.sendRequest<R>(type.method, params, token);
  }

  private setState(state: ServerState): void {
    this.state = state;
    void vscode.commands.executeCommand('setContext', 'tollgate.serverReady', state === 'running');
    this.stateEmitter.fire(state);
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
  }
}
