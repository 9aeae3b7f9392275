/**
 * Verdicts and exit codes: the single source for the CLI, the language server
 * and the evidence store.
 */

export const VERDICTS = ['ALLOW', 'REJECT', 'INCONCLUSIVE'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** EVALSIG's verdict → exit code map (ALLOW 0, REJECT 1, INCONCLUSIVE 2). */
export const VERDICT_EXIT: Readonly<Record<Verdict, 0 | 1 | 2>> = { ALLOW: 0, REJECT: 1, INCONCLUSIVE: 2 };

/**
 * Non-verdict exit codes (BSD sysexits). EVALSIG documented 64 but argparse
 * exited 2 on usage errors, colliding with INCONCLUSIVE; Tollgate uses 64.
 */
export const EXIT = { usage: 64, data: 65, internal: 70 } as const;

/** The worst of several verdicts: any REJECT rejects, else any INCONCLUSIVE, else ALLOW. */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('REJECT')) return 'REJECT';
  if (verdicts.includes('INCONCLUSIVE')) return 'INCONCLUSIVE';
  return 'ALLOW';
}
