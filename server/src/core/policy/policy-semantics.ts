/**
 * Checks of a policy document that need more than its schema: rule ids that
 * match no rule, regexes that do not compile, tiers and environments that no
 * policy file (nor the defaults) defines, duplicates within the file.
 */
import type { Finding } from '../findings';
import { DOCUMENT_RULES } from '../manifest/rules/documents';
import { MANIFEST_RULES } from '../manifest/rules/registry';
import { closest } from '../text/closest';
import type { Cursor } from '../yaml/cursor';
import { globToRegExp } from './glob';
import type { Policy } from './model';
import { POLICY_RULES } from './policy-rules';

/** Every rule id a policy may configure or a test may expect. */
export function knownRuleIds(): string[] {
  return [...MANIFEST_RULES, ...DOCUMENT_RULES].map((r) => r.id);
}

export function semanticFindings(root: Cursor, policy: Policy): Finding[] {
  const spec = root.get('spec');
  if (!spec?.isMap) return [];
  return [...ruleIdFindings(spec), ...regexFindings(spec), ...referenceFindings(spec, policy), ...duplicateFindings(spec)];
}

function finding(rule: { id: string }, at: Cursor, message: string, fixTo?: string): Finding {
  return {
    ruleId: rule.id,
    severity: 'error',
    message,
    span: at.span,
    ...(fixTo ? { fixes: [{ title: `Replace with ${fixTo}`, edits: [{ span: at.span, newText: fixTo }], preferred: true }] } : {}),
  };
}

function ruleIdFindings(spec: Cursor): Finding[] {
  const ids = knownRuleIds();
  const cursors = [
    ...(spec.get('rules')?.items() ?? []).flatMap((r) => listOf(r.get('rule'))),
    ...(spec.get('tests')?.items() ?? []).flatMap((t) => [...listOf(t.at('expect', 'fire')), ...listOf(t.at('expect', 'notFire'))]),
  ];
  return cursors.flatMap((c) => {
    const id = c.str();
    if (id === undefined) return [];
    const re = globToRegExp(id);
    if (ids.some((k) => re.test(k))) return [];
    const guess = closest(id, ids);
    return [finding(POLICY_RULES.unknownRule, c, `unknown rule id '${id}'${guess ? ` (did you mean '${guess}'?)` : ''}`, guess)];
  });
}

function listOf(c: Cursor | undefined): Cursor[] {
  if (!c) return [];
  return c.isSeq ? c.items() : [c];
}

function settingsCursors(spec: Cursor): Cursor[] {
  const nested = (key: string) => (spec.get(key)?.items() ?? []).flatMap((x) => (x.get('settings') ? [x.get('settings') as Cursor] : []));
  return [...(spec.get('settings') ? [spec.get('settings') as Cursor] : []), ...nested('tiers'), ...nested('environments')];
}

function regexFindings(spec: Cursor): Finding[] {
  return settingsCursors(spec).flatMap((s) => {
    const c = s.at('changeTicket', 'pattern');
    const src = c?.str();
    if (!c || src === undefined) return [];
    try {
      new RegExp(src);
      return [];
    } catch (e) {
      return [finding(POLICY_RULES.badRegex, c, `invalid regular expression '${src}': ${e instanceof Error ? e.message : String(e)}`)];
    }
  });
}

function referenceFindings(spec: Cursor, policy: Policy): Finding[] {
  const tiers = new Set(policy.tiers.map((t) => t.id));
  const envs = new Set(policy.environments.map((e) => e.name));
  const out: Finding[] = [];
  const checkTier = (c: Cursor | undefined) => {
    const v = c?.num();
    if (c && v !== undefined && !tiers.has(v)) out.push(finding(POLICY_RULES.undefinedRef, c, `tier ${v} is not defined (defined: ${[...tiers].join(', ')})`));
  };
  const checkEnv = (c: Cursor | undefined) => {
    const v = c?.str();
    if (!c || v === undefined || envs.has(v)) return;
    const guess = closest(v, envs);
    out.push(finding(POLICY_RULES.undefinedRef, c, `environment '${v}' is not defined (defined: ${[...envs].join(', ')})`, guess));
  };
  checkTier(spec.get('defaultTier'));
  checkEnv(spec.get('defaultEnvironment'));
  for (const r of spec.get('rules')?.items() ?? []) {
    listOf(r.get('tiers')).forEach(checkTier);
    listOf(r.get('environments')).forEach(checkEnv);
  }
  return out;
}

function duplicateFindings(spec: Cursor): Finding[] {
  const dupes = (key: string, field: string, what: string): Finding[] => {
    const seen = new Set<string>();
    return (spec.get(key)?.items() ?? []).flatMap((item) => {
      const c = item.get(field);
      const v = c?.text();
      if (!c || v === undefined) return [];
      if (!seen.has(v)) {
        seen.add(v);
        return [];
      }
      return [finding(POLICY_RULES.duplicate, c, `${what} '${v}' is defined twice in this file`)];
    });
  };
  return [...dupes('tiers', 'id', 'tier'), ...dupes('environments', 'name', 'environment'), ...dupes('tests', 'name', 'test')];
}
