/**
 * Terminal and Markdown renderings with EVALSIG's exact text (spec §4.2–4.3),
 * so scripts that grep `VERDICT: ALLOW` or post the Markdown to a PR keep
 * working. Colour is a parameter; detecting a TTY is the adapter's job.
 */
import type { ComparisonResult } from '../gate/compare';
import type { GateReport } from '../gate/gate';
import type { Verdict } from '../gate/verdict';
import { pyBool, pyFixed, pyPercent } from '../text/python-format';

/** EVALSIG `_fmt_ci`: signed, 4 decimals, ±inf spelled out. */
export function formatCi(ci: readonly [number, number]): string {
  const f = (x: number): string => (x === Infinity ? '+inf' : x === -Infinity ? '-inf' : pyFixed(x, 4, true));
  return `[${f(ci[0])}, ${f(ci[1])}]`;
}

const COLOUR: Record<Verdict, string> = { ALLOW: '92', REJECT: '91', INCONCLUSIVE: '93' };
const EMOJI: Record<Verdict, string> = { ALLOW: ':white_check_mark:', REJECT: ':no_entry:', INCONCLUSIVE: ':warning:' };

export function gateToText(g: GateReport, colour = false): string {
  const c = g.comparison;
  const verdict = colour ? `\u001b[${COLOUR[g.verdict]}m${g.verdict}\u001b[0m` : g.verdict;
  const lines = [
    'EVALSIG release gate',
    '====================',
    `delta:         ${pyFixed(c.delta, 4, true)}  (${c.method})`,
    `CI (${pyPercent(c.ciLevel, 0)}):      ${formatCi(c.ci)}`,
    `p-value:       ${pyFixed(c.pValue, 4)}`,
    `required MDE:  ${pyFixed(g.minDelta, 4)}`,
    `detectable:    ${pyFixed(c.mde, 4)} at ${pyPercent(g.power, 0)} power`,
    '',
    `VERDICT: ${verdict}`,
  ];
  if (g.suggestion) lines.push(`Suggestion: ${g.suggestion}`);
  return lines.join('\n');
}

export function comparisonToText(c: ComparisonResult): string {
  return [
    'EVALSIG comparison',
    '==================',
    `delta:       ${pyFixed(c.delta, 4, true)}`,
    `CI (${pyPercent(c.ciLevel, 0)}):    ${formatCi(c.ci)}`,
    `p-value:     ${pyFixed(c.pValue, 4)}`,
    `method:      ${c.method}`,
    `n_pairs:     ${c.nPairs}`,
    `MDE:         ${pyFixed(c.mde, 4)}`,
    `significant: ${pyBool(c.significant)}`,
  ].join('\n');
}

export function gateToMarkdown(g: GateReport): string {
  const c = g.comparison;
  const lines = [
    `## EVALSIG release gate ${EMOJI[g.verdict]} ${g.verdict}`,
    '',
    '| Field | Value |',
    '|---|---|',
    `| verdict | **${g.verdict}** |`,
    `| min_delta policy | \`${pyFixed(g.minDelta, 4)}\` |`,
    `| observed delta | \`${pyFixed(c.delta, 4, true)}\` |`,
    `| CI (${pyPercent(c.ciLevel, 0)}) | \`${formatCi(c.ci)}\` |`,
    `| p-value | \`${pyFixed(c.pValue, 4)}\` |`,
    `| detectable @ ${pyPercent(g.power, 0)} power | \`${pyFixed(c.mde, 4)}\` |`,
    `| method | \`${c.method}\` |`,
    `| n_pairs | ${c.nPairs} |`,
  ];
  if (g.suggestion) lines.push('', `**Suggestion:** ${g.suggestion}`);
  return [...lines, ...notesBlock(c.notes)].join('\n');
}

export function comparisonToMarkdown(c: ComparisonResult): string {
  const lines = [
    '## EVALSIG comparison',
    '',
    '| Field | Value |',
    '|---|---|',
    `| delta | \`${pyFixed(c.delta, 4, true)}\` |`,
    `| CI (${pyPercent(c.ciLevel, 0)}) | \`${formatCi(c.ci)}\` |`,
    `| p-value | \`${pyFixed(c.pValue, 4)}\` |`,
    `| method | \`${c.method}\` |`,
    `| n_pairs | ${c.nPairs} |`,
  ];
  if (c.nClusters) lines.push(`| n_clusters | ${c.nClusters} |`);
  lines.push(`| MDE | \`${pyFixed(c.mde, 4)}\` |`, `| significant | **${pyBool(c.significant)}** |`);
  return [...lines, ...notesBlock(c.notes)].join('\n');
}

function notesBlock(notes: readonly string[]): string[] {
  return notes.length ? ['', '**Notes:**', ...notes.map((n) => `- ${n}`)] : [];
}
