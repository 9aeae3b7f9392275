import type { ContainerRef } from '../../manifest-doc';

/** `container 'web'`, `init container 'setup'`, `ephemeral container 'debug'` for messages. */
export function containerLabel(c: ContainerRef): string {
  const role = c.role === 'initContainer' ? 'init container' : c.role === 'ephemeralContainer' ? 'ephemeral container' : 'container';
  return `${role} '${c.name ?? '?'}'`;
}
