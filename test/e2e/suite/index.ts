/**
 * Entry point VS Code's extension host calls (`extensionTestsPath`, bundled by
 * esbuild to test/.tmp/e2e-suite/index.js). Mocha is not a dependency, so this
 * is a small sequential runner: every case runs (a failure does not stop the
 * rest), each result goes to the console (the workbench forwards it to
 * `codeAutomationLog`, i.e. the test's output) and, in full, to the JSON file
 * named by TOLLGATE_E2E_RESULTS, which the node:test side turns into one
 * subtest per case. Rejecting makes the workbench call `codeAutomationExit(1)`.
 */
import { writeFileSync } from 'node:fs';
import type { SuiteReport } from '../contract';
import { cases, figures } from './cases';

const CASE_TIMEOUT_MS = 60_000;

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export async function run(): Promise<void> {
  const report: SuiteReport = { results: [], figures };
  const only = process.env['TOLLGATE_E2E_ONLY'];
  for (const c of cases) {
    if (only && !c.name.includes(only)) continue;
    const started = Date.now();
    try {
      await within(Promise.resolve().then(c.run), c.timeoutMs ?? CASE_TIMEOUT_MS, c.name);
      const ms = Date.now() - started;
      report.results.push({ name: c.name, ok: true, ms });
      console.log(`ok - ${c.name} (${ms} ms)`);
    } catch (e) {
      const ms = Date.now() - started;
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      report.results.push({ name: c.name, ok: false, ms, error });
      console.error(`not ok - ${c.name} (${ms} ms)\n${error}`);
    }
  }
  const out = process.env['TOLLGATE_E2E_RESULTS'];
  if (out) writeFileSync(out, JSON.stringify(report, null, 2));
  const failed = report.results.filter((r) => !r.ok).length;
  console.log(`# ${report.results.length - failed} passed, ${failed} failed; figures ${JSON.stringify(figures)}`);
  if (failed > 0) throw new Error(`${failed} of ${report.results.length} extension-host tests failed`);
}
