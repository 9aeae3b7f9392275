/**
 * The server never dies of a bad document or a bug in a handler: every
 * handler is wrapped, failures are logged to the client's output channel
 * (never stdout: under --stdio it is the JSON-RPC stream) and requests are
 * answered with an error response instead.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

export interface Logger {
  info(message: string): void;
  error(what: string, e: unknown): void;
}

export function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    error: (what, e) => connection.console.error(`tollgate: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  };
}

/** A request handler whose exceptions become an InternalError response. */
export function guardRequest<P, R, A extends unknown[]>(log: Logger, name: string, handler: (params: P, ...rest: A) => R | Promise<R>) {
  return async (params: P, ...rest: A): Promise<R | ResponseError<void>> => {
    try {
      return await handler(params, ...rest);
    } catch (e) {
      log.error(name, e);
      return new ResponseError(ErrorCodes.InternalError, `tollgate: ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

/** A notification/event handler whose exceptions (sync or async) are logged and swallowed. */
export function guardEvent<P>(log: Logger, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params: P) => {
    try {
      const r = handler(params);
      if (r instanceof Promise) r.catch((e: unknown) => log.error(name, e));
    } catch (e) {
      log.error(name, e);
    }
  };
}
