/**
 * Checks one manifest file: every document is parsed on its own, recognised
 * by apiVersion/kind, resolved against the policy (tier, environment,
 * settings) and run through every rule whose kind matches and whose level is
 * not `off`. A rule that throws is contained: it becomes an internal finding
 * on that document instead of taking the checker (or the server) down.
 */
import type { Finding, Level, Severity } from '../findings';
import { sortFindings } from '../findings';
import { globMatch } from '../policy/glob';
import type { Policy } from '../policy/model';
import { resolveScope, ruleLevel, type WorkloadScope } from '../policy/resolve';
import { LineIndex } from '../text/line-index';
import { parseYamlFile, type YamlDoc, type YamlFile } from '../yaml/yaml-file';
import { ManifestDoc, MANIFEST_KINDS } from './manifest-doc';
import { DOC_INVALID, DOC_NOT_ARGO, DOC_SUPPRESSION, DOC_TEMPLATED, DOCUMENT_RULES, type DocumentRule } from './rules/documents';
import { MANIFEST_RULES } from './rules/registry';
import type { ManifestRule, Report, RuleContext } from './rules/rule';
import { findSuppressions, type Suppression } from './suppressions';
import { WorkspaceIndex } from './workspace-index';

export interface ManifestCheck {
  readonly findings: Finding[];
  /** Suppressions found in the file, with whether each silenced something. */
  readonly suppressions: readonly (Suppression & { readonly used: boolean })[];
  readonly docs: readonly ManifestDoc[];
}

export interface ManifestCheckOptions {
  readonly policy: Policy;
  /** Other manifests of the workspace (this file's documents are added if absent). */
  readonly workspace?: WorkspaceIndex;
  /** A parse of `text` the caller already has (the server caches them). */
  readonly parsed?: YamlFile;
  /** Only run these rules (policy tests, benchmarks); default all. */
  readonly rules?: readonly ManifestRule[];
}

/** Parse `text` into manifest documents (objects with a kind); syntax-broken documents are kept too. */
export function manifestDocs(uri: string, text: string, parsed: YamlFile = parseYamlFile(text)): ManifestDoc[] {
  return parsed.docs.filter((d) => !d.empty).map((d) => new ManifestDoc(d, uri, text));
}

/** All findings for one manifest file, sorted by position. */
export function checkManifest(uri: string, text: string, options: ManifestCheckOptions): ManifestCheck {
  const docs = manifestDocs(uri, text, options.parsed);
  const workspace = options.workspace ?? new WorkspaceIndex(docs.filter(checkable));
  const findings: Finding[] = [];
  for (const doc of docs) findings.push(...checkDocument(doc, workspace, options.policy, options.rules ?? MANIFEST_RULES));
  const lines = new LineIndex(text);
  const suppressions = findSuppressions(text, lines);
  const kept = applySuppressions(findings, suppressions, docs, lines);
  findings.length = 0;
  findings.push(...kept.findings, ...suppressionFindings(suppressions, docs, options.policy));
  return { findings: sortFindings(findings), suppressions: kept.used, docs };
}

function checkable(doc: ManifestDoc): boolean {
  return doc.yaml.errors.length === 0 && !doc.yaml.templated;
}

function checkDocument(doc: ManifestDoc, workspace: WorkspaceIndex, policy: Policy, rules: readonly ManifestRule[]): Finding[] {
  const invalid = documentProblem(doc.yaml, doc.text);
  if (invalid) return emit(invalid.rule, policy, doc, invalid.message, invalid.span);
  if (!doc.kind || !(MANIFEST_KINDS as readonly string[]).includes(doc.kind)) return [];
  if (doc.kind === 'Rollout' && !doc.isArgo) return emit(DOC_NOT_ARGO, policy, doc, `kind Rollout from '${doc.apiVersion}' is not an Argo Rollout (argoproj.io); not checked`, doc.headSpan);
  const scope = resolveScope(policy, doc);
  const out: Finding[] = [];
  for (const rule of rules) {
    if (!appliesTo(rule, doc)) continue;
    const level = ruleLevel(policy, rule, scope, doc.kind);
    if (level === 'off') continue;
    runRule(rule, level, { doc, workspace, scope, out, policy });
  }
  return out;
}

function appliesTo(rule: ManifestRule, doc: ManifestDoc): boolean {
  if (!rule.kinds.includes(doc.kind)) return false;
  // Argo's own kinds are only Argo's when they come from its API group.
  return !['Rollout', 'AnalysisTemplate', 'ClusterAnalysisTemplate'].includes(doc.kind) || doc.isArgo;
}

interface RunState {
  readonly doc: ManifestDoc;
  readonly workspace: WorkspaceIndex;
  readonly scope: WorkloadScope;
  readonly out: Finding[];
  readonly policy: Policy;
}

function runRule(rule: ManifestRule, severity: Severity, s: RunState): void {
  const ctx: RuleContext = {
    doc: s.doc,
    workspace: s.workspace,
    settings: s.scope.settings,
    tier: s.scope.tier,
    tierDeclared: s.scope.tierDeclared,
    environment: s.scope.environment,
    production: s.scope.production,
    tierKey: s.policy.tierKey,
    knownTiers: s.policy.tiers.map((t) => t.id),
    report: (r: Report) => s.out.push(toFinding(rule.id, severity, r)),
  };
  try {
    rule.check(ctx);
  } catch (e) {
    // A bug in one rule must not hide the others or crash the server: say so where it happened.
    const msg = e instanceof Error ? e.message : String(e);
    s.out.push({ ruleId: rule.id, severity: 'error', message: `internal error in rule ${rule.id}: ${msg} (please report it)`, span: s.doc.headSpan });
  }
}

function toFinding(ruleId: string, severity: Severity, r: Report): Finding {
  const span = 'start' in r.at ? r.at : r.onKey ? r.at.keySpan : r.at.span;
  return { ruleId, severity, message: r.message, span, ...(r.fixes && r.fixes.length > 0 ? { fixes: r.fixes } : {}) };
}

/** Why a document cannot be checked: its first syntax error, or Helm templating. */
function documentProblem(yaml: YamlDoc, text: string): { rule: DocumentRule; message: string; span: { start: number; end: number } } | undefined {
  const first = yaml.errors[0];
  if (first) {
    const more = yaml.errors.length > 1 ? ` (and ${yaml.errors.length - 1} more syntax error${yaml.errors.length > 2 ? 's' : ''})` : '';
    return { rule: DOC_INVALID, message: `YAML syntax error: ${first.message}${more}; this document is not checked`, span: first.span };
  }
  if (!yaml.templated) return undefined;
  const at = text.indexOf('{{', yaml.span.start);
  const start = at >= 0 && at < yaml.span.end ? at : yaml.span.start;
  const end = at >= 0 ? Math.min(yaml.span.end, text.indexOf('}}', at) + 2 || start + 2) : start + 1;
  return { rule: DOC_TEMPLATED, message: 'Helm/Go template document: its values are known only after rendering (`helm template … | tollgate check -`); not checked', span: { start, end } };
}

function emit(rule: DocumentRule, policy: Policy, doc: ManifestDoc | undefined, message: string, span: { start: number; end: number }): Finding[] {
  const level = docRuleLevel(rule, policy, doc);
  return level === 'off' ? [] : [{ ruleId: rule.id, severity: level, message, span }];
}

function docRuleLevel(rule: DocumentRule, policy: Policy, doc: ManifestDoc | undefined): Level {
  const scope = doc && checkable(doc) ? resolveScope(policy, doc) : { tier: policy.defaultTier, tierDeclared: false, environment: policy.defaultEnvironment, production: true, settings: policy.settings };
  return ruleLevel(policy, rule, scope, doc?.kind ?? '');
}

function applySuppressions(findings: readonly Finding[], sups: readonly Suppression[], docs: readonly ManifestDoc[], lines: LineIndex) {
  const used = new Set<Suppression>();
  const kept = findings.filter((f) => {
    const line = lines.positionAt(f.span.start).line;
    const hit = sups.find((s) => s.rules.some((r) => globMatch(r, f.ruleId)) && (s.scope === 'next-line' ? s.line + 1 === line : sameDoc(docs, s.span.start, f.span.start)));
    if (hit) used.add(hit);
    return !hit;
  });
  return { findings: kept, used: sups.map((s) => ({ ...s, used: used.has(s) })) };
}

function sameDoc(docs: readonly ManifestDoc[], a: number, b: number): boolean {
  const d = docs.find((x) => x.span.start <= a && a <= x.span.end);
  return d !== undefined && d.span.start <= b && b <= d.span.end;
}

const KNOWN_IDS = (): Set<string> => new Set([...MANIFEST_RULES, ...DOCUMENT_RULES].map((r) => r.id));

function suppressionFindings(sups: readonly Suppression[], docs: readonly ManifestDoc[], policy: Policy): Finding[] {
  if (sups.length === 0) return [];
  const known = KNOWN_IDS();
  return sups.flatMap((s) => {
    const doc = docs.find((d) => d.span.start <= s.span.start && s.span.start <= d.span.end);
    const unknown = s.rules.filter((r) => !r.includes('*') && !known.has(r));
    const problems = [
      ...(s.rules.length === 0 ? ['names no rule id'] : []),
      ...(unknown.length > 0 ? [`names unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`] : []),
      ...(s.reason === undefined ? ['gives no reason (add " -- <reason>")'] : []),
    ];
    return problems.length === 0 ? [] : emit(DOC_SUPPRESSION, policy, doc, `suppression ${problems.join(' and ')}`, s.span);
  });
}
