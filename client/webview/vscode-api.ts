/**
 * The page's one handle on VS Code. `acquireVsCodeApi` may be called only once
 * per page, so every module goes through this file.
 */
import type { FromWebview } from './messages';

const api = acquireVsCodeApi<unknown>();

export function post(message: FromWebview): void {
  api.postMessage(message);
}

/** The state saved by `saveState`, or undefined on a first load. Shaped by the caller's validator. */
export function loadState(): unknown {
  return api.getState();
}

/** Kept by VS Code while the panel is hidden and across reloads (serializer), so the view comes back as it was. */
export function saveState<S>(state: S): void {
  api.setState(state);
}
