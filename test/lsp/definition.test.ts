/** textDocument/definition over stdio: from a Rollout's templateName to the AnalysisTemplate in another open file. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DefinitionRequest, type Location } from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient } from '../helpers/lsp-client';

let client: LspClient;
before(async () => {
  client = await LspClient.start({ initializationOptions: { debounceMs: 0, workspace: { scan: false } } });
});
after(() => client.kill());

test('go to definition crosses files; a plain value has none', async () => {
  const rollout = fileUri('/ws/def/rollout.yaml');
  const template = fileUri('/ws/def/templates.yaml');
  await client.open(template, 'apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n  name: success-rate\nspec: {metrics: [{name: m, provider: {job: {}}}]}\n');
  const text = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  strategy:\n    canary:\n      steps:\n        - analysis: {templates: [{templateName: success-rate}]}\n';
  await client.open(rollout, text);
  const loc = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: rollout }, position: { line: 7, character: 50 } })) as Location | null;
  assert.deepEqual(loc, { uri: template, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 20 } } });
  const none = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: rollout }, position: { line: 1, character: 8 } });
  assert.equal(none, null);
});
