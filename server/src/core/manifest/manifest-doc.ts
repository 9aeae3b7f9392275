/**
 * One Kubernetes object of a manifest file, recognised by apiVersion and
 * kind, with typed shortcuts to the parts rules keep asking for (metadata,
 * pod template, containers). Argo's `Rollout` is told apart from OpenKruise's
 * by API group: same kind, different product.
 */
import type { Span } from '../findings';
import type { Cursor } from '../yaml/cursor';
import type { YamlDoc } from '../yaml/yaml-file';

export const ARGO_GROUP = 'argoproj.io';

/** Kinds whose pod templates carry images and security settings. */
export const WORKLOAD_KINDS = ['Rollout', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicaSet'] as const;
/** Every kind the manifest checker looks at. */
export const MANIFEST_KINDS = [...WORKLOAD_KINDS, 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'Service', 'Ingress', 'VirtualService'] as const;
export type ManifestKind = (typeof MANIFEST_KINDS)[number];

export interface ContainerRef {
  /** The container map. */
  readonly cursor: Cursor;
  readonly name: string | undefined;
  readonly role: 'container' | 'initContainer' | 'ephemeralContainer';
}

export class ManifestDoc {
  readonly kind: string;
  readonly apiVersion: string;
  readonly group: string;

  constructor(
    readonly yaml: YamlDoc,
    /** URI or path of the file, as the adapter names it. */
    readonly uri: string,
    /** The whole file's text (quick fixes compute edits against it). */
    readonly text: string,
  ) {
    this.kind = yaml.root.get('kind')?.str() ?? '';
    this.apiVersion = yaml.root.get('apiVersion')?.str() ?? '';
    this.group = this.apiVersion.includes('/') ? this.apiVersion.slice(0, this.apiVersion.indexOf('/')) : '';
  }

  get root(): Cursor {
    return this.yaml.root;
  }

  get span(): Span {
    return this.yaml.span;
  }

  /** Where to report a problem about the object as a whole: its `kind` value (or the document start). */
  get headSpan(): Span {
    return this.root.get('kind')?.span ?? { start: this.span.start, end: this.span.start };
  }

  // Metadata is read by many rules and by every workspace lookup: computed once.
  private meta?: { name: string | undefined; namespace: string | undefined; labels: Record<string, string>; annotations: Record<string, string> };

  private metadata() {
    if (!this.meta) {
      const m = this.root.get('metadata');
      this.meta = { name: m?.get('name')?.text(), namespace: m?.get('namespace')?.text(), labels: stringMap(m?.get('labels')), annotations: stringMap(m?.get('annotations')) };
    }
    return this.meta;
  }

  get name(): string | undefined {
    return this.metadata().name;
  }

  get namespace(): string | undefined {
    return this.metadata().namespace;
  }

  /** Labels of the object itself (not of its pod template). */
  get labels(): Readonly<Record<string, string>> {
    return this.metadata().labels;
  }

  get annotations(): Readonly<Record<string, string>> {
    return this.metadata().annotations;
  }

  /** An Argo Rollouts object (Rollout, AnalysisTemplate, …) — not OpenKruise's Rollout. */
  get isArgo(): boolean {
    return this.group === ARGO_GROUP;
  }

  /** True for kinds whose pods we check (an Argo Rollout, a Deployment, …). */
  get isWorkload(): boolean {
    if (this.kind === 'Rollout') return this.isArgo;
    return (WORKLOAD_KINDS as readonly string[]).includes(this.kind);
  }

  /** The pod template (`{metadata, spec}`), wherever this kind keeps it. */
  podTemplate(): Cursor | undefined {
    switch (this.kind) {
      case 'Pod':
        return this.root;
      case 'CronJob':
        return this.root.at('spec', 'jobTemplate', 'spec', 'template');
      default:
        return this.root.at('spec', 'template');
    }
  }

  /** The pod spec; for a Pod its own `spec`. */
  podSpec(): Cursor | undefined {
    return this.podTemplate()?.get('spec');
  }

  private containerCache?: ContainerRef[];

  /** Every container, init container and ephemeral container of the pod spec (computed once: many rules ask). */
  containers(): ContainerRef[] {
    this.containerCache ??= containersOf(this.podSpec());
    return this.containerCache;
  }
}

/** Containers of a pod spec cursor (also used for Job templates inside AnalysisTemplates). */
export function containersOf(spec: Cursor | undefined): ContainerRef[] {
  if (!spec) return [];
  const roles = [['containers', 'container'], ['initContainers', 'initContainer'], ['ephemeralContainers', 'ephemeralContainer']] as const;
  return roles.flatMap(([key, role]) =>
    (spec.get(key)?.items() ?? []).filter((c) => c.isMap).map((cursor) => ({ cursor, name: cursor.get('name')?.text(), role })),
  );
}

function stringMap(c: Cursor | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of c?.entries() ?? []) {
    const t = v.text();
    if (t !== undefined) out[k] = t;
  }
  return out;
}
