/**
 * Renderings of a gate family (several metrics/tasks, Holm-corrected). The
 * JSON nests each member's EVALSIG-shaped report unchanged.
 */
import type { FamilyGateReport } from '../gate/gate-family';
import { pyFixed, pyPercent } from '../text/python-format';
import { PyInt, type PyJson, pyJsonDumps } from './python-json';
import { gateReportToDict } from './to-json';
import { formatCi } from './to-text';

export function familyToDict(f: FamilyGateReport): { readonly [key: string]: PyJson } {
  return {
    verdict: f.verdict,
    exit_code: new PyInt(f.exitCode),
    correction: f.correction,
    alpha: f.alpha,
    family_size: new PyInt(f.familySize),
    gates: f.gates.map((g) => ({
      label: g.label,
      task_id: g.taskId,
      metric_name: g.metricName,
      p_adjusted: g.pAdjusted,
      report: gateReportToDict(g.report),
    })),
  };
}

export function familyToJson(f: FamilyGateReport): string {
  return pyJsonDumps(familyToDict(f));
}

function rows(f: FamilyGateReport): string[][] {
  return f.gates.map((g) => {
    const c = g.report.comparison;
    return [g.label, pyFixed(c.delta, 4, true), formatCi(c.ci), pyFixed(c.pValue, 4), pyFixed(g.pAdjusted, 4), pyFixed(c.mde, 4), g.report.verdict];
  });
}

function header(f: FamilyGateReport): string[] {
  const level = f.gates[0]?.report.comparison.ciLevel ?? 1 - f.alpha;
  return ['gate', 'delta', `CI (${pyPercent(level, 1)})`, 'p', 'p (Holm)', 'MDE', 'verdict'];
}

export function familyToText(f: FamilyGateReport, colour = false): string {
  const table = [header(f), ...rows(f)];
  const widths = table[0].map((_, j) => Math.max(...table.map((r) => (r[j]).length)));
  const line = (r: string[]): string => r.map((cell, j) => cell.padEnd(widths[j])).join('  ').trimEnd();
  const title = `Tollgate release gate: ${f.familySize} comparisons, Holm-corrected at alpha=${pyFixed(f.alpha, 4)}`;
  const verdict = colour ? `\u001b[${{ ALLOW: 92, REJECT: 91, INCONCLUSIVE: 93 }[f.verdict]}m${f.verdict}\u001b[0m` : f.verdict;
  const suggestions = f.gates.filter((g) => g.report.suggestion).map((g) => `  ${g.label}: ${g.report.suggestion}`);
  return [title, '='.repeat(title.length), line(table[0]), ...table.slice(1).map(line), '', `VERDICT: ${verdict}`, ...(suggestions.length ? ['Suggestions:', ...suggestions] : [])].join('\n');
}

export function familyToMarkdown(f: FamilyGateReport): string {
  const emoji = { ALLOW: ':white_check_mark:', REJECT: ':no_entry:', INCONCLUSIVE: ':warning:' }[f.verdict];
  const h = header(f);
  const lines = [
    `## Tollgate release gate ${emoji} ${f.verdict}`,
    '',
    `${f.familySize} comparisons, Holm-corrected at alpha \`${pyFixed(f.alpha, 4)}\`; CIs are simultaneous (Bonferroni).`,
    '',
    `| ${h.join(' | ')} |`,
    `|${h.map(() => '---').join('|')}|`,
    ...rows(f).map((r) => `| ${r.map((c, j) => (j === 0 ? c : j === 6 ? `**${c}**` : `\`${c}\``)).join(' | ')} |`),
  ];
  const notes = f.gates.flatMap((g) => [
    ...(g.report.suggestion ? [`- ${g.label}: ${g.report.suggestion}`] : []),
    ...g.report.comparison.notes.map((n) => `- ${g.label}: ${n}`),
  ]);
  return [...lines, ...(notes.length ? ['', '**Notes:**', ...notes] : [])].join('\n');
}
