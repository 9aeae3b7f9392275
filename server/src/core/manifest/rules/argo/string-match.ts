/**
 * Argo's StringMatch checks (`hasMultipleMatchValues`, `hasALBInvalidValues`):
 * a match value sets exactly one of exact/regex/prefix; with ALB only `exact`.
 */
import type { Cursor } from '../../../yaml/cursor';
import { goString } from './common';

export const MISSED = 'StringMatch value missed, match value must have one of the following: exact, regex, prefix';
export const MULTIPLE = 'StringMatch match value must have exactly one of the following: exact, regex, prefix';
export const ALB_EXACT = "SetHeaderRoute match value invalid. ALB supports 'exact' value only";

/** The message for a StringMatch (undefined = valid); `match` undefined means nil. */
export function stringMatchProblem(match: Cursor | undefined, albOnly: boolean): string | undefined {
  if (!match) return MISSED;
  const [exact, regex, prefix] = ['exact', 'regex', 'prefix'].map((k) => goString(match, k) !== '');
  if (albOnly) return !exact || regex || prefix ? ALB_EXACT : undefined;
  const n = [exact, regex, prefix].filter(Boolean).length;
  return n === 0 ? MISSED : n > 1 ? MULTIPLE : undefined;
}

