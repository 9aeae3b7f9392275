import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { replaceSpan } from '../../../yaml/edits';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;
const WHAT: Readonly<Record<(typeof FIELDS)[number], string>> = {
  hostNetwork: "the node's network stack",
  hostPID: "the node's process table",
  hostIPC: "the node's IPC namespace",
};

/** TG-SEC-003: sharing a host namespace lets the pod see (and reach) the node's. */
export const hostNamespacesRule: ManifestRule = {
  id: 'TG-SEC-003',
  title: 'Host namespace shared',
  description: 'Fires when a pod spec sets `hostNetwork`, `hostPID` or `hostIPC` to true.',
  example: 'spec:\n  template:\n    spec:\n      hostNetwork: true',
  fix: 'Remove the field (or set it to false).',
  kinds: WORKLOAD_KINDS,
  levels: ['warning', 'error', 'error'],
  check(ctx) {
    const spec = ctx.doc.podSpec();
    for (const field of FIELDS) {
      const flag = spec?.get(field);
      if (flag?.bool() !== true) continue;
      ctx.report({
        at: flag,
        message: `${flag.pathText}: true shares ${WHAT[field]} with the pod`,
        fixes: [{ title: `Set ${field}: false`, edits: [replaceSpan(flag.span, 'false')], preferred: true }],
      });
    }
  },
};
