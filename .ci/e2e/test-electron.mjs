// The same extension-host suite (test/e2e/suite) in desktop VS Code via @vscode/test-electron, for machines
// that can download VS Code (not this one: update.code.visualstudio.com is unreachable, so CI uses
// code-server, test/e2e/extension-host.test.ts). Not a devDependency; install it first:
//   npm install --no-save @vscode/test-electron@2   (2.x supports node 20)
//   npm run build && node .ci/e2e/test-electron.mjs [--version 1.100.3]
// Exit code 0 when every case passed; results in test/.tmp/e2e-suite-results.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleForExtensionHost, SUITE_DIR } from './workbench.mjs';
import { copyExampleWorkspace, REPO } from './workspace.mjs';

const { values: opt } = parseArgs({ options: { version: { type: 'string', default: '1.100.3' } } });
let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch {
  console.error('@vscode/test-electron is not installed: npm install --no-save @vscode/test-electron@2');
  process.exit(2);
}
const results = join(REPO, 'test', '.tmp', 'e2e-suite-results.json');
const testsPath = await bundleForExtensionHost(join(SUITE_DIR, 'index.ts'), join(REPO, 'test', '.tmp', 'e2e-suite'));
const ws = copyExampleWorkspace({ fixtures: true });
let code = 1;
try {
  code = await runTests({
    version: opt.version,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(testsPath, 'index.js'),
    extensionTestsEnv: { TOLLGATE_E2E_RESULTS: results },
    // Workspace trust off, no other extensions: the same conditions as the code-server run.
    launchArgs: [ws.workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
} finally {
  ws.cleanup();
}
try {
  const report = JSON.parse(readFileSync(results, 'utf8'));
  for (const r of report.results) console.log(`${r.ok ? 'ok' : 'not ok'} - ${r.name} (${r.ms} ms)${r.ok ? '' : `\n${r.error}`}`);
} catch {
  /* no results: the error above says why */
}
process.exitCode = code;
