/** An error the CLI reports with a specific exit code (e.g. 73, cannot create an output file). */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
