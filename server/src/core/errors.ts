/**
 * Errors with stable meanings. Adapters map them to exit codes (CLI) or
 * diagnostics (language server); the core never decides how they are shown.
 */

/** Where in a file a problem is: 1-based line and column (UTF-16 units, like LSP). */
export interface SourcePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/**
 * Bad input data (a run file that does not parse or validate, runs that cannot
 * be paired, …). The CLI exits 65 on it, like EVALSIG's `data error`.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(
    message: string,
    /** The file the problem is in, when there is one. */
    readonly file?: string,
    /** Where in that file, when known. */
    readonly position?: SourcePosition,
  ) {
    super(message);
  }

  /** `file:line:col: message`, or as much of it as is known. */
  describe(): string {
    if (this.file === undefined) return this.message;
    const where = this.position ? `${this.file}:${this.position.line}:${this.position.column}` : this.file;
    return `${where}: ${this.message}`;
  }

  /** The same error, now attributed to `file` (readers are pure and learn the name late). */
  inFile(file: string): DataError {
    return new DataError(this.message, file, this.position);
  }
}

/** The command line or the parameters are wrong (CLI exit 64, never colliding with verdict codes). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Computes a 1-based line/column for a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}
