/**
 * Documentation of every rule id, for hovers, completion and the link on each
 * diagnostic. Reads the registries only, so rules added by other families show
 * up without touching the editor code.
 */
import { ruleCatalog, ruleDocsUrl, RULE_DOCS_BASE, type CatalogEntry } from '../check/rule-catalog';
import type { Level } from '../findings';
import type { TierLevels } from '../manifest/rules/rule';

export { ruleDocsUrl };
/** Where rule documentation lives (one constant, in the rule catalog). */
export const RULE_DOCS_BASE_URL = RULE_DOCS_BASE;

/** Shape of rule ids (`TG-IMG-001`, `TG-ARGO-A9`), used to find them in comments and policy files. */
export const RULE_ID_PATTERN = /\bTG-[A-Z]+-[A-Z0-9]+\b/g;

export type RuleEntry = CatalogEntry;

let byId: Map<string, RuleEntry> | undefined;

/** Every documented rule (the same catalog the README table and SARIF use). */
export function allRules(): readonly RuleEntry[] {
  return ruleCatalog();
}

export function findRule(ruleId: string): RuleEntry | undefined {
  byId ??= new Map(ruleCatalog().map((r) => [r.id, r]));
  return byId.get(ruleId);
}

/** Markdown for a hover on a rule id: title, what it checks, levels per tier, example, fix, source, link. */
export function ruleMarkdown(rule: RuleEntry): string {
  const lines = [`**${rule.id}** — ${rule.title}`, '', rule.description];
  if (rule.levels) lines.push('', levelsLine(rule.levels, rule.nonProdLevels));
  if (rule.example) lines.push('', 'Fires on:', '```yaml', rule.example, '```');
  lines.push('', `**Fix:** ${rule.fix}`);
  if (rule.source) lines.push('', `Source: ${rule.source}`);
  lines.push('', `[Documentation](${ruleDocsUrl(rule.id)})`);
  return lines.join('\n');
}

function levelsLine(prod: TierLevels, nonProd: TierLevels | undefined): string {
  const fmt = (ls: readonly Level[]) => ls.map((l, tier) => `tier ${tier} ${l}`).join(', ');
  return nonProd ? `Production: ${fmt(prod)}; elsewhere: ${fmt(nonProd)}.` : `Production: ${fmt(prod)}; elsewhere one step milder.`;
}
