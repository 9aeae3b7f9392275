/**
 * Shared by the TG-RES rules: the containers whose resources count (app and
 * init containers; ephemeral containers may not set resources) and the
 * quick fix that fills in missing entries.
 */
import type { Fix } from '../../../findings';
import type { Cursor } from '../../../yaml/cursor';
import { insertAtPath } from '../../../yaml/edits';
import type { ContainerRef, ManifestDoc } from '../../manifest-doc';

export const RESOURCE_NAMES = ['cpu', 'memory'] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

/** Containers that take resources. */
export function resourceContainers(doc: ManifestDoc): ContainerRef[] {
  return doc.containers().filter((c) => c.role !== 'ephemeralContainer');
}

/** `container 'web'` / `init container 'migrate'` for messages. */
export function containerLabel(c: ContainerRef): string {
  return `${c.role === 'initContainer' ? 'init container' : 'container'} '${c.name ?? '?'}'`;
}

/** Where to point for a missing entry: the deepest existing key of `resources.<section>`, else the container's name. */
export function missingAnchor(c: ContainerRef, section: 'limits' | 'requests'): { at: Cursor; onKey: boolean } {
  const resources = c.cursor.get('resources');
  const sec = resources?.get(section);
  if (sec) return { at: sec, onKey: true };
  if (resources) return { at: resources, onKey: true };
  const name = c.cursor.get('name');
  return name ? { at: name, onKey: false } : { at: c.cursor, onKey: false };
}

/** A scalar quantity at `resources.<section>.<name>` as text. */
export function quantityText(c: ContainerRef, section: 'limits' | 'requests', name: string): string | undefined {
  return c.cursor.at('resources', section, name)?.text();
}

/** One fix inserting `values` under `resources.<section>` (creating the maps), or undefined when the shape does not allow it. */
export function insertResourcesFix(doc: ManifestDoc, c: ContainerRef, section: 'limits' | 'requests', values: Partial<Record<ResourceName, string>>, title: string): Fix | undefined {
  const entries = Object.entries(values);
  if (entries.length === 0) return undefined;
  const sectionCursor = c.cursor.at('resources', section);
  const edits = sectionCursor?.isMap
    ? entries.map(([k, v]) => insertAtPath(doc.text, sectionCursor, [k], v))
    : [insertAtPath(doc.text, c.cursor, ['resources', section], Object.fromEntries(entries))];
  if (edits.some((e) => e === undefined)) return undefined;
  return { title, edits: edits.filter((e) => e !== undefined), preferred: true };
}
