// Language-server benchmarks on a 5,000-line, 200-document manifest:
//   (a) full core check in process (median of 30 runs; budget 50 ms),
//   (b) didChange → publishDiagnostics over stdio with debounce 0 (p95 of 60 edits; budget 100 ms),
//   (c) the same client harness and edits against yaml-language-server with a local JSON schema
//       for the same kinds; reports Tollgate/yaml-ls (goal ≤ 0.25).
//   npm run build && node bench/lsp.mjs [--edits 60] [--runs 30]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { benchManifest } from './manifest-data.mjs';

const ROOT = join(import.meta.dirname, '..');
const arg = (name, dflt) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || dflt;
const EDITS = arg('edits', 60);
const RUNS = arg('runs', 30);
// The core and the test harness are TypeScript: load them through tsx (the same code the server bundles).
const { LspClient } = await tsImport('../test/helpers/lsp-client.ts', import.meta.url);
const { checkFile } = await tsImport('../server/src/core/check/check-file.ts', import.meta.url);
const { DEFAULT_POLICY } = await tsImport('../server/src/core/policy/default-policy.ts', import.meta.url);
const { parseYamlFile, YamlParseCache } = await tsImport('../server/src/core/yaml/yaml-file.ts', import.meta.url);
const { DidChangeConfigurationNotification } = await import('vscode-languageserver-protocol/node');

const text = benchManifest();
const lines = text.split('\n');
const weightLines = lines.flatMap((l, i) => (l === '      - setWeight: 50' ? [i] : []));
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

function inProcess() {
  const path = '/bench/manifests.yaml';
  for (let i = 0; i < 3; i++) checkFile(path, text, { policy: DEFAULT_POLICY }); // warm-up (JIT)
  const times = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    findings = checkFile(path, text, { policy: DEFAULT_POLICY }).findings.length;
    times.push(performance.now() - t0);
  }
  return { median: percentile(times, 50), findings, parse: parseOnly(), incremental: incremental(path) };
}

/** The YAML parse alone (the `yaml` library), to show where a full check's time goes. */
function parseOnly() {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    parseYamlFile(text);
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

/** What the server does per keystroke: a one-line edit, re-checked with the per-document parse cache. */
function incremental(path) {
  const cache = new YamlParseCache();
  const edited = lines.map((l, i) => (i === weightLines[0] ? '      - setWeight: 51' : l)).join('\n');
  for (let i = 0; i < 3; i++) checkFile(path, i % 2 ? edited : text, { policy: DEFAULT_POLICY, parsed: parseYamlFile(i % 2 ? edited : text, cache) });
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = i % 2 ? edited : text;
    const t0 = performance.now();
    checkFile(path, t, { policy: DEFAULT_POLICY, parsed: parseYamlFile(t, cache) });
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

/** Open the manifest, then make EDITS one-character edits (one at a time), timing change → next publish. */
async function editLatencies(client, uri) {
  await client.open(uri, text);
  const first = await client.waitForDiagnostics(uri, () => true, 60_000);
  const times = [];
  for (let k = 0; k < EDITS; k++) {
    const line = weightLines[k % weightLines.length];
    const before = client.diagnosticsFor(uri).length;
    const t0 = performance.now();
    // 50 → 51 → 50 …: a real edit that changes no finding count.
    await client.change(uri, k + 2, [{ range: { start: { line, character: 20 }, end: { line, character: 21 } }, text: k % 2 === 0 ? '1' : '0' }]);
    await client.waitForDiagnostics(uri, () => client.diagnosticsFor(uri).length > before, 60_000).catch((e) => {
      throw new Error(`no diagnostics after edit ${k}: ${e.message}`);
    });
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), diagnostics: first.diagnostics.length };
}

async function tollgate() {
  const client = await LspClient.start({ command: [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], initializationOptions: { debounceMs: 0, workspace: { scan: false }, codeLens: { enable: false } } });
  try {
    return await editLatencies(client, pathToFileURL('/bench/tollgate/manifests.yaml').href);
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}

async function yamlLanguageServer() {
  const schema = pathToFileURL(join(ROOT, 'bench', 'k8s-kinds.schema.json')).href;
  const yaml = { validate: true, hover: false, completion: false, format: { enable: false }, schemas: { [schema]: '*.yaml' }, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false } };
  const client = await LspClient.start({
    command: [join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    configuration: (section) => (section === 'yaml' ? yaml : section === '[yaml]' ? {} : null),
  });
  try {
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { yaml } });
    return await editLatencies(client, pathToFileURL('/bench/yamlls/manifests.yaml').href);
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}

const a = inProcess();
const b = await tollgate();
const c = await yamlLanguageServer();
const ratio = b.p95 / c.p95;
const row = (name, value, budget, ok) => `| ${name.padEnd(52)} | ${value.padStart(12)} | ${budget.padStart(10)} | ${ok ? 'ok  ' : 'OVER'} |`;
console.log(`\n${lines.length} lines, ${(text.match(/^kind:/gm) ?? []).length} documents; ${EDITS} edits, ${RUNS} in-process runs\n`);
console.log(`| ${'measure'.padEnd(52)} | ${'value'.padStart(12)} | ${'budget'.padStart(10)} |      |`);
console.log(`|${'-'.repeat(54)}|${'-'.repeat(14)}|${'-'.repeat(12)}|------|`);
console.log(row(`(a) core check in process, median (${a.findings} findings)`, `${a.median.toFixed(1)} ms`, '50 ms', a.median <= 50));
console.log(row(`    of which the YAML parse alone (median)`, `${a.parse.toFixed(1)} ms`, '', true));
console.log(row(`(a') re-check after a one-line edit, parse cache, median`, `${a.incremental.toFixed(1)} ms`, '', true));
console.log(row(`(b) Tollgate didChange → diagnostics, p95 (p50 ${b.p50.toFixed(1)})`, `${b.p95.toFixed(1)} ms`, '100 ms', b.p95 <= 100));
console.log(row(`(c) yaml-language-server 1.25, same edits, p95 (p50 ${c.p50.toFixed(1)})`, `${c.p95.toFixed(1)} ms`, '—', true));
console.log(row(`    yaml-ls diagnostics on open: ${c.diagnostics}; Tollgate: ${b.diagnostics}`, '', '', true));
console.log(row('Tollgate / yaml-language-server (p95)', ratio.toFixed(2), '≤ 0.25', ratio <= 0.25));
process.exitCode = a.median <= 50 && b.p95 <= 100 ? 0 : 1;
