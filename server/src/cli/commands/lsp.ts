/**
 * `tollgate lsp --stdio`: start the language server for any LSP client
 * (Neovim, Helix, eglot, Zed). The CLI must not bundle LSP packages, so the
 * server bundle that sits next to cli.js is required at run time by a
 * computed path; the server picks its transport from argv itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../core/errors';
import { CliError } from '../cli-error';
import type { CommandResult } from './command';

const USAGE = 'usage: tollgate lsp (--stdio | --node-ipc | --socket=PORT | --pipe=NAME)\n\nStart the Tollgate language server on the given transport.';
const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

export function runLsp(argv: readonly string[]): CommandResult {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return { exitCode: 0 };
  }
  if (argv.filter((a) => TRANSPORT.test(a)).length !== 1) throw new UsageError(`${USAGE}\ntollgate lsp: error: give exactly one transport`);
  const server = join(__dirname, 'server.js');
  if (!existsSync(server)) throw new CliError(`language server bundle not found at ${server} (run \`npm run build\`)`, 70);
  // A computed path keeps esbuild from bundling the server (and its LSP packages) into the CLI.
  const load: (id: string) => unknown = require;
  load(server);
  return { exitCode: 0 };
}
