/**
 * Cancellation for long Node-side work. The shape is the LSP's
 * CancellationToken's (the language server passes its own straight in), kept
 * here so the Node ports do not depend on the LSP packages.
 */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** The work was cancelled by its requester; nothing after the point of cancellation happened. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('cancelled');
  }
}

export function throwIfCancelled(token: Cancellation | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}
