/**
 * What the e2e tests hold the extension to: its id, the command ids of the
 * issue-5 contract and the performance budgets of the issue. Shared by the
 * in-editor suite and the browser-driven tests.
 */
export const EXTENSION_ID = 'tollgate.tollgate';

export const COMMAND_IDS = [
  'tollgate.gatePair',
  'tollgate.runEvalGate',
  'tollgate.captureAudit',
  'tollgate.recordRelease',
  'tollgate.showHistory',
  'tollgate.verifyAudit',
  'tollgate.trace',
  'tollgate.showOutput',
  'tollgate.restartServer',
] as const;


/** The RunFrame model id of test/fixtures/e2e-workspace/runs/xss/candidate.json. */
export const XSS_MODEL_ID = `<img src=x onerror="document.title='pwned'">`;
export const XSS_BASELINE_MODEL_ID = 'xss-baseline<b>bold</b>';

/** What the suite writes for the test process (path in TOLLGATE_E2E_RESULTS). */
export interface SuiteReport {
  results: { name: string; ok: boolean; ms: number; error?: string }[];
  figures: Record<string, number>;
}
