/**
 * One step of a multi-step input ("Capture audit evidence 2/5"): an input box
 * with the step counter, kept open when focus moves (users look up ticket
 * numbers elsewhere). Resolves undefined on Escape, which ends the whole flow.
 */
import * as vscode from 'vscode';

export interface Step {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly validate?: (value: string) => string | undefined;
}

export function askStep(s: Step): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    Object.assign(box, { title: s.title, step: s.step, totalSteps: s.totalSteps, prompt: s.prompt, value: s.value ?? '', placeholder: s.placeholder ?? '', ignoreFocusOut: true });
    let done = false;
    const finish = (v: string | undefined): void => {
      if (done) return;
      done = true;
      resolve(v);
      box.dispose();
    };
    box.onDidChangeValue((v) => (box.validationMessage = s.validate?.(v)));
    box.onDidAccept(() => {
      const problem = s.validate?.(box.value);
      if (problem) box.validationMessage = problem;
      else finish(box.value.trim());
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
