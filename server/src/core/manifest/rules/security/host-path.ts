import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';

/**
 * Host paths that hand over the node: kube-linter's sensitive-host-mounts
 * list plus the container runtime sockets. A path equal to one of these, or
 * below it (except `/`, which would match everything), is sensitive.
 */
const SENSITIVE = ['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd', '/run/containerd', '/var/run/crio', '/var/lib/kubelet', '/root'];

/** The sensitive prefix `path` falls under, if any. */
export function sensitiveHostPath(path: string): string | undefined {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return SENSITIVE.find((s) => p === s || (s !== '/' && p.startsWith(`${s}/`)));
}

/** TG-SEC-002: hostPath volumes break pod isolation; sensitive ones hand over the node. */
export const hostPathRule: ManifestRule = {
  id: 'TG-SEC-002',
  title: 'hostPath volume',
  description: 'Fires for every `hostPath` volume of a pod spec; the message says when the path is sensitive (`/`, `/etc`, `/proc`, `/sys`, `/dev`, `/var/run/docker.sock`, runtime sockets, …).',
  example: 'volumes:\n  - name: sock\n    hostPath:\n      path: /var/run/docker.sock',
  fix: 'Use a ConfigMap, Secret, emptyDir or PersistentVolumeClaim instead of a hostPath volume.',
  kinds: WORKLOAD_KINDS,
  levels: ['warning', 'error', 'error'],
  check(ctx) {
    for (const volume of ctx.doc.podSpec()?.get('volumes')?.items() ?? []) {
      const hostPath = volume.get('hostPath');
      if (!hostPath) continue;
      const name = volume.get('name')?.text() ?? '?';
      const pathCursor = hostPath.get('path');
      const path = pathCursor?.text();
      const sensitive = path === undefined ? undefined : sensitiveHostPath(path);
      const message = sensitive
        ? `volume '${name}' mounts the sensitive host path '${path ?? ''}'${sensitive === path ? '' : ` (under ${sensitive})`}: a container using it can take over the node`
        : `volume '${name}' is a hostPath volume${path === undefined ? '' : ` ('${path}')`}: it ties the pod to the node and bypasses pod isolation`;
      ctx.report({ at: pathCursor ?? hostPath, onKey: pathCursor === undefined, message });
    }
  },
};
