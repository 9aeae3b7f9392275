import type { Fix } from '../../../findings';
import type { ManifestRule, RuleContext } from '../rule';
import { WORKLOAD_KINDS, type ContainerRef } from '../../manifest-doc';
import type { Cursor } from '../../../yaml/cursor';
import { insertAtPath, replaceSpan } from '../../../yaml/edits';
import { containerLabel } from './container-label';

/**
 * TG-SEC-004: two hardening settings every container should have:
 * `allowPrivilegeEscalation: false` (container level only; it defaults to
 * true) and a non-root user (`runAsNonRoot: true`, or `runAsUser` > 0, on the
 * container or inherited from the pod's securityContext).
 */
export const privilegeEscalationRule: ManifestRule = {
  id: 'TG-SEC-004',
  title: 'Privilege escalation allowed or root not ruled out',
  description: 'Fires when a container does not set `securityContext.allowPrivilegeEscalation: false`, and when neither the container nor the pod sets `runAsNonRoot: true` (or a non-zero `runAsUser`).',
  example: 'containers:\n  - name: web\n    image: ghcr.io/acme/web:1.0',
  fix: 'Set `allowPrivilegeEscalation: false` and `runAsNonRoot: true` in the container securityContext.',
  kinds: WORKLOAD_KINDS,
  levels: ['info', 'warning', 'error'],
  check(ctx) {
    const podContext = ctx.doc.podSpec()?.get('securityContext');
    for (const c of ctx.doc.containers()) {
      checkEscalation(ctx, c);
      checkNonRoot(ctx, c, podContext);
    }
  },
};

function anchor(c: ContainerRef, field: string): { at: Cursor; onKey: boolean } {
  const value = c.cursor.at('securityContext', field);
  if (value) return { at: value, onKey: false };
  const sc = c.cursor.get('securityContext');
  if (sc) return { at: sc, onKey: true };
  return { at: c.cursor.get('name') ?? c.cursor, onKey: false };
}

/** Set `securityContext.<field>` of the container to `value`: replace a wrong value or insert it. */
function setFix(ctx: RuleContext, c: ContainerRef, field: string, value: boolean): Fix | undefined {
  const existing = c.cursor.at('securityContext', field);
  const edit = existing && !existing.isNull ? replaceSpan(existing.span, String(value)) : insertAtPath(ctx.doc.text, c.cursor, ['securityContext', field], value);
  return edit ? { title: `Set securityContext.${field}: ${String(value)}`, edits: [edit], preferred: true } : undefined;
}

function checkEscalation(ctx: RuleContext, c: ContainerRef): void {
  const flag = c.cursor.at('securityContext', 'allowPrivilegeEscalation');
  if (flag?.bool() === false) return;
  const fix = setFix(ctx, c, 'allowPrivilegeEscalation', false);
  const why = flag && !flag.isNull ? `sets allowPrivilegeEscalation: ${flag.text() ?? '?'}` : 'does not set securityContext.allowPrivilegeEscalation: false (it defaults to true)';
  ctx.report({ ...anchor(c, 'allowPrivilegeEscalation'), message: `${containerLabel(c)} ${why}`, ...(fix ? { fixes: [fix] } : {}) });
}

function checkNonRoot(ctx: RuleContext, c: ContainerRef, pod: Cursor | undefined): void {
  const own = c.cursor.get('securityContext');
  const nonRoot = own?.get('runAsNonRoot')?.bool() ?? pod?.get('runAsNonRoot')?.bool();
  const user = own?.get('runAsUser')?.num() ?? pod?.get('runAsUser')?.num();
  if (nonRoot === true || (user !== undefined && user > 0)) return;
  const fix = setFix(ctx, c, 'runAsNonRoot', true);
  const why = nonRoot === false ? 'sets runAsNonRoot: false' : user === 0 ? 'runs as root (runAsUser: 0)' : 'may run as root: neither it nor the pod sets runAsNonRoot: true';
  ctx.report({ ...anchor(c, nonRoot === false && own?.get('runAsNonRoot') ? 'runAsNonRoot' : 'runAsUser'), message: `${containerLabel(c)} ${why}`, ...(fix ? { fixes: [fix] } : {}) });
}
