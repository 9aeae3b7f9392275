import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLatestTag, parseImageReference } from '../../../../server/src/core/manifest/rules/images/image-reference';

const HEX = 'a'.repeat(64);

/** rule-catalog §5.6, every row: what Tollgate must say. */
const TABLE: readonly { image: string; says: 'untagged' | 'latest' | 'tag' | 'digest' | 'malformed' | 'latest+digest'; registry?: string; repository?: string; tag?: string }[] = [
  { image: 'nginx', says: 'untagged', repository: 'nginx' },
  { image: 'nginx:latest', says: 'latest', tag: 'latest' },
  { image: 'nginx:LATEST', says: 'latest', tag: 'LATEST' },
  { image: 'nginx:1.25', says: 'tag', tag: '1.25' },
  { image: 'localhost:5000/app', says: 'untagged', registry: 'localhost:5000', repository: 'localhost:5000/app' },
  { image: 'localhost:5000/app:1.0', says: 'tag', registry: 'localhost:5000', tag: '1.0' },
  { image: `ghcr.io/org/app@sha256:${HEX}`, says: 'digest', registry: 'ghcr.io', repository: 'ghcr.io/org/app' },
  { image: `app:1.2@sha256:${HEX}`, says: 'digest', tag: '1.2' },
  { image: 'app@sha256:abc', says: 'malformed' },
  { image: `app:latest@sha256:${HEX}`, says: 'latest+digest', tag: 'latest' },
];

function verdict(image: string): string {
  const p = parseImageReference(image);
  if (!p.ok) return 'malformed';
  const { tag, digest } = p.ref;
  if (digest !== undefined) return isLatestTag(tag) ? 'latest+digest' : 'digest';
  if (tag === undefined) return 'untagged';
  return isLatestTag(tag) ? 'latest' : 'tag';
}

for (const row of TABLE) {
  test(`§5.6: ${row.image.replace(HEX, '<64hex>')} → ${row.says}`, () => {
    assert.equal(verdict(row.image), row.says);
    const p = parseImageReference(row.image);
    if (!p.ok) return;
    if ('registry' in row) assert.equal(p.ref.registry, row.registry);
    if (row.repository !== undefined) assert.equal(p.ref.repository, row.repository);
    if (row.tag !== undefined) assert.equal(p.ref.tag, row.tag);
  });
}

test('registry is the first segment only when it has a dot, a colon or is localhost', () => {
  const reg = (s: string) => { const p = parseImageReference(s); return p.ok ? p.ref.registry : 'bad'; };
  assert.equal(reg('acme/web:1'), undefined);
  assert.equal(reg('localhost/web'), 'localhost');
  assert.equal(reg('registry.example.com:443/team/web:2'), 'registry.example.com:443');
  assert.equal(reg('web'), undefined);
});

test('tag and digest ranges point into the raw text', () => {
  const raw = `ghcr.io/a/b:1.0@sha256:${HEX}`;
  const p = parseImageReference(raw);
  assert.ok(p.ok);
  assert.equal(raw.slice(...p.ref.tagRange!), ':1.0');
  assert.equal(raw.slice(...p.ref.digestRange!), `@sha256:${HEX}`);
});

test('malformed references and digests are named precisely', () => {
  const reason = (s: string) => { const p = parseImageReference(s); return p.ok ? 'ok' : p.problem.reason; };
  assert.match(reason(`app@sha256:${HEX.toUpperCase()}`), /uppercase hex/);
  assert.match(reason(`app@md5:${'a'.repeat(32)}`), /algorithm 'md5' is not one the OCI spec registers/);
  assert.match(reason(`app@sha256:${'g'.repeat(64)}`), /not hex/);
  assert.match(reason('app@abc'), /no algorithm/);
  assert.match(reason(`app@sha512:${'b'.repeat(128)}`), /^ok$/);
  assert.match(reason('Acme/Web:1'), /'Acme' must be lowercase/);
  assert.match(reason('app:'), /not followed by a tag/);
  assert.match(reason('app:-bad'), /tag '-bad' is not valid/);
  assert.match(reason('app name'), /whitespace/);
  assert.match(reason(''), /empty/);
  assert.match(reason('reg_istry.io/app'), /registry 'reg_istry.io'/);
  assert.match(reason('a//b'), /repository component '' /);
  assert.match(reason(`app:${'x'.repeat(129)}`), /tag/);
});

test('the parser never throws on odd input', () => {
  for (const s of ['@', ':', '/', '@@', 'a@b@c', '::::', '[::1]:5000/app', 'a/b/c/d:e@sha256:', '\u0000', '{{x}}']) {
    assert.doesNotThrow(() => parseImageReference(s));
  }
});
