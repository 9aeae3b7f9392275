import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { workloadTicket } from './ticket-annotation';

/** Compiled patterns by source; null for an invalid one (the policy checker reports it, rules skip). */
const PATTERNS = new Map<string, RegExp | null>();

function compile(source: string): RegExp | null {
  let re = PATTERNS.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source);
    } catch {
      re = null;
    }
    PATTERNS.set(source, re);
  }
  return re;
}

/** TG-TKT-002: a ticket id that no ticket system would recognise is no evidence. */
export const ticketPatternRule: ManifestRule = {
  id: 'TG-TKT-002',
  title: 'Change ticket does not match the pattern',
  description: "Fires when a workload's change-ticket annotation is present but its value does not match the policy's pattern (default `^CHG-[0-9]+$`). An invalid pattern in the policy is reported on the policy file, not here.",
  example: 'metadata:\n  annotations:\n    change.ticket/id: "JIRA 12"',
  fix: "Write the ticket id as the policy's pattern requires, e.g. `CHG-1234`.",
  kinds: WORKLOAD_KINDS,
  levels: ['error', 'error', 'error'],
  nonProdLevels: ['warning', 'warning', 'error'],
  check(ctx) {
    const { annotation: key, pattern } = ctx.settings.changeTicket;
    const entry = workloadTicket(ctx.doc, key);
    if (!entry) return;
    const re = compile(pattern);
    if (re === null) return;
    const value = entry.text() ?? '';
    if (re.test(value)) return;
    ctx.report({
      at: entry,
      onKey: entry.isNull,
      message: value === '' ? `change-ticket annotation '${key}' is empty; expected a value matching ${pattern}` : `change ticket '${value}' (metadata.annotations.${key}) does not match the policy's pattern ${pattern}`,
    });
  },
};
