// Types of workspace.mjs for the TypeScript tests and benches that import it.
export const REPO: string;
export const CLI: string;
export const EXAMPLES: string;
export const E2E_FIXTURES: string;
export interface WorkspaceCopy {
  root: string;
  workspace: string;
  cleanup(): void;
}
export function copyExampleWorkspace(o?: { fixtures?: boolean }): WorkspaceCopy;
export interface EvalGateFile {
  file: string;
  name: string;
  baseline: string;
  candidate: string;
  minDelta: number;
  cluster?: string;
  method?: string;
}
export function evalGates(workspace: string): EvalGateFile[];
export function seedHistory(workspace: string, o?: { evidenceRoot?: string; project?: string; approvedBy?: string }): { name: string; verdict: string; project: string }[];
