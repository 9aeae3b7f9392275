/**
 * Which checker applies to an open document. The core classifies by path and
 * content; the adapter's part is to turn a URI into a path the core
 * understands, and to give untitled or extension-less buffers the extension
 * their language id implies (an untitled YAML buffer is checked as YAML).
 */
import { fileURLToPath } from 'node:url';
import { classify, type FileKind } from '../core/check/classify';

const LANGUAGE_EXTENSION: Readonly<Record<string, string>> = { yaml: '.yaml', json: '.json', jsonl: '.jsonl', jsonc: '.json' };

/** A file-system path for file: URIs; for other schemes, the URI's path part. */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // Malformed file URI (e.g. a UNC host on POSIX): fall through to the generic form.
    }
  }
  const colon = uri.indexOf(':');
  const rest = colon >= 0 ? uri.slice(colon + 1) : uri;
  try {
    return decodeURIComponent(rest.replace(/^\/\/[^/]*/, ''));
  } catch {
    return rest;
  }
}

/** The path handed to the core: the URI's path, plus an extension when the language id implies one. */
export function documentPath(uri: string, languageId?: string): string {
  const path = uriToPath(uri);
  if (/\.(ya?ml|jsonl?)$/i.test(path)) return path;
  const ext = languageId === undefined ? undefined : LANGUAGE_EXTENSION[languageId];
  return ext ? `${path}${ext}` : path;
}

export function classifyDocument(uri: string, text: string, languageId?: string): FileKind {
  return classify(documentPath(uri, languageId), text);
}
