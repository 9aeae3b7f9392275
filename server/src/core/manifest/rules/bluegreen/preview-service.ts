import type { Fix } from '../../../findings';
import type { Cursor } from '../../../yaml/cursor';
import { insertMapEntry, yamlScalar } from '../../../yaml/edits';
import type { ManifestRule } from '../rule';
import { blueGreenModel } from './model';

/** TG-BG-001. Without a preview Service nobody can reach the new stack before it takes all traffic. */
export const previewServiceRule: ManifestRule = {
  id: 'TG-BG-001',
  title: 'Blue-green has a preview Service',
  description: 'Fires when `spec.strategy.blueGreen` has no `previewService`: the new version cannot be tested before the cutover.',
  example: 'strategy:\n  blueGreen:\n    activeService: web',
  fix: 'Add `previewService: <active>-preview` (and the Service itself).',
  kinds: ['Rollout'],
  levels: ['info', 'warning', 'error'],
  check(ctx) {
    const m = blueGreenModel(ctx.doc);
    if (!m) return;
    const preview = m.bg.get('previewService');
    if (preview && !preview.isNull) return;
    const active = m.bg.get('activeService');
    const activeName = active?.text();
    const name = `${activeName ?? 'app'}-preview`;
    const edit = preview ? { span: preview.entrySpan, newText: `previewService: ${name}` } : active && ctx.doc.text.charAt(m.bg.span.start) !== '{' ? afterLine(ctx.doc.text, active, `previewService: ${yamlScalar(name)}`) : insertMapEntry(ctx.doc.text, m.bg, 'previewService', name);
    const fixes: Fix[] = edit ? [{ title: `Add previewService '${name}'`, edits: [edit] }] : [];
    ctx.report({
      at: preview ?? m.bg,
      onKey: true,
      message: `blueGreen has no previewService${activeName !== undefined ? ` (activeService '${activeName}')` : ''}: the new version cannot be tested before it takes all traffic`,
      fixes,
    });
  },
};

/** Insert `line` on its own line right after the entry `after` (single-line scalar entries), at its key's indentation. */
function afterLine(text: string, after: Cursor, line: string) {
  const keyStart = after.keySpan.start;
  const indent = ' '.repeat(keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1));
  const nl = text.indexOf('\n', after.span.end);
  const end = nl < 0 ? text.length : text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  return { span: { start: end, end }, newText: `\n${indent}${line}` };
}
