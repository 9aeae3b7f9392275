/**
 * Shared reading of the change-ticket annotation: where it is on the
 * workload, where a misplaced one sits on the pod template, and the fix that
 * writes it onto the workload's own metadata.
 */
import type { Fix } from '../../../findings';
import type { Cursor } from '../../../yaml/cursor';
import { insertAtPath, removeEntry } from '../../../yaml/edits';
import type { ManifestDoc } from '../../manifest-doc';

/** The placeholder the "add ticket" fix writes; it matches the default pattern so the fix re-checks clean. */
export const TICKET_PLACEHOLDER = 'CHG-0000';

/** The annotation entry `key` on the workload's own metadata. */
export function workloadTicket(doc: ManifestDoc, key: string): Cursor | undefined {
  return doc.root.at('metadata', 'annotations', key);
}

/** The annotation entry `key` on the pod template (never for a Pod: its template is itself). */
export function templateTicket(doc: ManifestDoc, key: string): Cursor | undefined {
  if (doc.kind === 'Pod') return undefined;
  return doc.podTemplate()?.at('metadata', 'annotations', key);
}

/** Where to point when the workload lacks the annotation: `annotations`, else `metadata`, else `kind`. */
export function missingTicketAnchor(doc: ManifestDoc): { at: Cursor; onKey: true } | undefined {
  const metadata = doc.root.get('metadata');
  const annotations = metadata?.get('annotations');
  const at = annotations ?? metadata;
  return at ? { at, onKey: true } : undefined;
}

/** A fix inserting `key: value` into `metadata.annotations`, creating the maps when missing. */
export function addTicketFix(doc: ManifestDoc, key: string, value: string, title: string, extra: Fix['edits'] = []): Fix | undefined {
  const edit = insertAtPath(doc.text, doc.root, ['metadata', 'annotations', key], value);
  return edit ? { title, edits: [edit, ...extra], preferred: true } : undefined;
}

/** A fix moving the template's annotation to the workload (only from block maps, where deleting its line is exact). */
export function moveTicketFix(doc: ManifestDoc, key: string, misplaced: Cursor): Fix | undefined {
  const value = misplaced.text();
  const annotations = doc.podTemplate()?.at('metadata', 'annotations');
  if (value === undefined || !annotations || doc.text[annotations.span.start] === '{') return undefined;
  return addTicketFix(doc, key, value, `Move '${key}' to the ${doc.kind}'s metadata.annotations`, [removeEntry(doc.text, misplaced)]);
}
