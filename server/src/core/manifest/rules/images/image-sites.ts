/**
 * Where a document keeps its images: every container kind (init, app,
 * ephemeral) of a workload's pod spec, and the Job pod specs inside
 * AnalysisTemplates (`spec.metrics[].provider.job.spec.template.spec`).
 * Parsed once per document and shared by all image rules (a WeakMap keyed by
 * the document), so seven rules cost one parse.
 */
import type { Span } from '../../../findings';
import type { Cursor } from '../../../yaml/cursor';
import { containersOf, WORKLOAD_KINDS, type ContainerRef, type ManifestDoc } from '../../manifest-doc';
import { isTemplatedImage, parseImageReference, type ParsedImage } from './image-reference';

/** Kinds the image rules run on. */
export const IMAGE_KINDS: readonly string[] = [...WORKLOAD_KINDS, 'AnalysisTemplate', 'ClusterAnalysisTemplate'];

export interface ImageSite {
  readonly container: ContainerRef;
  /** The `image` value. */
  readonly cursor: Cursor;
  /** The image as text (undefined when the value is a map, a list or null). */
  readonly raw: string | undefined;
  readonly templated: boolean;
  /** Parsed reference; undefined for templated or non-text values. */
  readonly parsed: ParsedImage | undefined;
  /** Offset in the file of the raw text's first character, when the scalar maps 1:1 onto it (plain or quoted without escapes). */
  readonly rawStart: number | undefined;
}

const CACHE = new WeakMap<ManifestDoc, readonly ImageSite[]>();

/** Every image of the document, in source order. */
export function imageSites(doc: ManifestDoc): readonly ImageSite[] {
  let sites = CACHE.get(doc);
  if (!sites) {
    sites = podSpecs(doc).flatMap((spec) => containersOf(spec)).flatMap((c) => siteOf(c, doc.text));
    CACHE.set(doc, sites);
  }
  return sites;
}

/** Describes a container for messages: `container 'web' (spec.template.spec.containers[0].image)`. */
export function describe(site: ImageSite): string {
  const role = site.container.role === 'initContainer' ? 'init container' : site.container.role === 'ephemeralContainer' ? 'ephemeral container' : 'container';
  const name = site.container.name === undefined ? '' : ` '${site.container.name}'`;
  return `${role}${name} (${site.cursor.pathText})`;
}

/** The file span of `raw[start, end)` when it maps 1:1 onto the source; else the whole value. */
export function partSpan(site: ImageSite, range: readonly [number, number]): Span {
  if (site.rawStart === undefined) return site.cursor.span;
  return { start: site.rawStart + range[0], end: site.rawStart + range[1] };
}

function podSpecs(doc: ManifestDoc): Cursor[] {
  if (doc.kind === 'AnalysisTemplate' || doc.kind === 'ClusterAnalysisTemplate') {
    const metrics = doc.root.at('spec', 'metrics')?.items() ?? [];
    return metrics.flatMap((m) => {
      const spec = m.at('provider', 'job', 'spec', 'template', 'spec');
      return spec?.isMap ? [spec] : [];
    });
  }
  const spec = doc.podSpec();
  return spec?.isMap ? [spec] : [];
}

function siteOf(container: ContainerRef, text: string): ImageSite[] {
  const cursor = container.cursor.get('image');
  if (!cursor) return [];
  const raw = cursor.isScalar ? cursor.text() : undefined;
  const templated = raw !== undefined && isTemplatedImage(raw);
  const parsed = raw === undefined || templated ? undefined : parseImageReference(raw);
  return [{ container, cursor, raw, templated, parsed, rawStart: raw === undefined ? undefined : sourceStart(cursor.span, raw, text) }];
}

function sourceStart(span: Span, raw: string, text: string): number | undefined {
  const source = text.slice(span.start, span.end);
  if (source === raw) return span.start;
  const quote = source[0];
  if ((quote === '"' || quote === "'") && source === `${quote}${raw}${quote}`) return span.start + 1;
  return undefined;
}
