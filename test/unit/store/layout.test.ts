import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkProjectId, checkRunId, escapeRunId, runFilePath } from '../../../server/src/core/store';
import { checkRecordPath } from '../../../server/src/core/store/layout';

const JUNE = new Date('2026-06-30T23:59:59Z');

test('plain run ids keep their name; the partition comes from the UTC write time', () => {
  assert.equal(runFilePath('gpt-4o_run.1~a', JUNE), 'year=2026/month=06/run_id=gpt-4o_run.1~a.parquet');
  assert.equal(runFilePath('r', new Date('0999-01-01T00:00:00Z')), 'year=0999/month=01/run_id=r.parquet');
});

test('run ids that would be paths are %-escaped, never refused, and never leave their folder', () => {
  const cases: [string, string][] = [
    ['../../x', '..%2F..%2Fx'],
    ['/etc/passwd', '%2Fetc%2Fpasswd'],
    ['a/b', 'a%2Fb'],
    ['a\\b', 'a%5Cb'],
    ['C:evil', 'C%3Aevil'],
    ['m::2026', 'm%3A%3A2026'],
    ['100%', '100%25'],
    ['a b=c', 'a%20b%3Dc'],
    ['ü🙂', 'ü%F0%9F%99%82'],
  ];
  for (const [id, escaped] of cases) {
    assert.equal(escapeRunId(id), escaped, id);
    const path = runFilePath(id, JUNE);
    assert.equal(path.split('/').length, 3, path);
    assert.ok(!path.split('/').includes('..'), path);
  }
});

test('escaping is injective: ids that differ get different files', () => {
  const ids = ['a/b', 'a%2Fb', 'a_b', 'a%252Fb', 'a:b', 'a%3Ab', '', ' '].filter((x) => x !== '');
  const names = ids.map(escapeRunId);
  assert.equal(new Set(names).size, ids.length, names.join(' '));
});

test('empty run ids and control characters (NUL) are refused as data errors naming the file', () => {
  assert.throws(() => checkRunId('', 'runs/a.json'), (e: Error & { file?: string }) => e.name === 'DataError' && e.file === 'runs/a.json' && /run id is empty/.test(e.message));
  assert.throws(() => runFilePath('a\u0000b', JUNE, 'x.json'), (e: Error) => e.name === 'DataError' && /"a\\u0000b" contains control characters/.test(e.message));
  assert.throws(() => runFilePath('x'.repeat(300), JUNE), /too long to be a file name/);
});

test('projects that are not plain names are refused with a usage error naming them', () => {
  for (const bad of ['', '.', '..', '../../x', '/abs', 'a/b', 'a\\b', 'a\u0000b', '.hidden', 'a b', 'C:x']) {
    assert.throws(() => checkProjectId(bad), (e: Error) => e.name === 'UsageError' && e.message.includes(bad === '' ? 'empty' : JSON.stringify(bad)), JSON.stringify(bad));
  }
  for (const good of ['default', 'proj-1', 'team.eval', 'ü', 'a+b@c~d_e']) assert.equal(checkProjectId(good), good);
});

test('manifest paths are checked before use', () => {
  const ok = 'year=2026/month=06/run_id=a.parquet';
  assert.equal(checkRecordPath(ok, 'm.json'), ok);
  for (const bad of ['../x.parquet', 'year=2026/../../x.parquet', '/etc/x.parquet', 'a\\b.parquet', 'C:/x.parquet', 'a//b.parquet', './a.parquet', 'a.json', '', 'a\u0000.parquet']) {
    assert.throws(() => checkRecordPath(bad, 'm.json'), (e: Error & { file?: string }) => e.name === 'DataError' && e.file === 'm.json', JSON.stringify(bad));
  }
});
