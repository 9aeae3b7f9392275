import type { Cursor } from '../../../yaml/cursor';
import type { ManifestDoc } from '../../manifest-doc';
import type { RuleContext } from '../rule';
import { argoRule, canaryOf, goString, present, REFERENCES_GO, trafficRoutingOf } from './common';

/** Istio's `name.namespace` shorthand (a trailing `.cluster.local` is ignored). */
function splitName(ref: string): { name: string; namespace?: string } {
  const parts = ref.replace(/\.cluster\.local$/, '').split('.');
  return parts.length >= 2 ? { name: parts.slice(0, -1).join('.'), namespace: parts[parts.length - 1] } : { name: parts[0] ?? '' };
}

/** Argo's `getHost`: the part of the destination host before the first dot. */
function hostOf(route: Cursor): string {
  const host = route.at('destination', 'host')?.str() ?? '';
  const i = host.indexOf('.');
  return i > 0 ? host.slice(0, i) : i < 0 ? host : '';
}

interface Services {
  readonly stable: string;
  readonly canary: string;
  readonly rule: Cursor | undefined;
  readonly managed: ReadonlySet<string>;
}

/** Argo's ValidateHTTPRoutes for one VirtualService; the error text or undefined. */
function httpRoutesError(http: Cursor[], routeNames: string[], s: Services): string | undefined {
  let indexes: number[] = [];
  if (routeNames.length === 0) {
    const firstUnnamed = http.length === 1 ? 0 : http.findIndex((r) => goString(r, 'name') === '');
    if (firstUnnamed >= 0) indexes = [firstUnnamed];
  } else {
    for (const name of routeNames) {
      const i = http.findIndex((r) => goString(r, 'name') === name);
      if (i < 0) return `HTTP Route '${name}' is not found in the defined Virtual Service.`;
      indexes.push(i);
    }
  }
  for (const i of indexes) {
    const err = destinationsError(http[i].get('route')?.items() ?? [], s);
    if (err) return err;
  }
  const unmanaged = http.filter((r) => !s.managed.has(goString(r, 'name')));
  if (routeNames.length === 0 && unmanaged.length > 1) {
    return 'spec.http[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.routes';
  }
  return undefined;
}

function destinationsError(routes: Cursor[], s: Services): string | undefined {
  if (s.rule) {
    const subsets = new Set(routes.map((r) => r.at('destination', 'subset')?.str() ?? ''));
    const canary = goString(s.rule, 'canarySubsetName');
    const stable = goString(s.rule, 'stableSubsetName');
    if (canary === '' || !subsets.has(canary)) return `Canary DestinationRule subset '${canary}' not found in route`;
    if (stable === '' || !subsets.has(stable)) return `Stable DestinationRule subset '${stable}' not found in route`;
    return undefined;
  }
  const hosts = new Set(routes.map(hostOf));
  if (s.canary === '' || !hosts.has(s.canary)) return `Canary Service '${s.canary}' not found in route`;
  if (s.stable === '' || !hosts.has(s.stable)) return `Stable Service '${s.stable}' not found in route`;
  return undefined;
}

/** Stable and canary service names as Argo picks them (ping-pong only when both are unset; pong is stable in a fresh rollout). */
function services(canary: Cursor, istio: Cursor, tr: Cursor): Services {
  let stable = goString(canary, 'stableService');
  let canarySvc = goString(canary, 'canaryService');
  const pp = present(canary, 'pingPong');
  if (pp && stable === '' && canarySvc === '') {
    stable = goString(pp, 'pongService');
    canarySvc = goString(pp, 'pingService');
  }
  const managed = new Set((tr.get('managedRoutes')?.items() ?? []).map((r) => goString(r, 'name')));
  return { stable, canary: canarySvc, rule: present(istio, 'destinationRule'), managed };
}

function checkOne(ctx: RuleContext, ref: Cursor, vs: ManifestDoc, s: Services): void {
  const nameAt = ref.get('name') ?? ref;
  const vsName = vs.name ?? '';
  const spec = vs.root.get('spec');
  const http = present(spec, 'http');
  if (!http && !present(spec, 'tls') && !present(spec, 'tcp')) {
    ctx.report({ at: nameAt, message: `${nameAt.pathText}: Invalid value: ${JSON.stringify(vsName)}: Unable to get any of the HTTP, TCP or TLS routes for the Istio VirtualService` });
    return;
  }
  if (!http) return;
  const routeNames = (ref.get('routes')?.items() ?? []).flatMap((r) => r.str() ?? []);
  const err = httpRoutesError(http.items(), routeNames, s);
  if (err) ctx.report({ at: nameAt, message: `${nameAt.pathText}: Invalid value: ${JSON.stringify(vsName)}: Istio VirtualService has invalid HTTP routes. Error: ${err}` });
}

/** Argo R8: the Istio VirtualService has the routes and destinations the Rollout will patch. */
export const istioVirtualServiceRule = argoRule({
  id: 'TG-ARGO-R8',
  title: 'Istio VirtualService routes match',
  description: 'Fires when an Istio VirtualService named by the Rollout is in the workspace and has no HTTP/TLS/TCP routes, lacks a named HTTP route, has a patched route without the stable and canary Services (or DestinationRule subsets), or has several unmanaged HTTP routes while the Rollout names none. TLS/TCP route details are not checked.',
  example: 'istio:\n  virtualService: {name: web, routes: [primary]}   # VirtualService web has no http route named primary',
  fix: 'Name the right routes in the Rollout, or add the stable and canary destinations to the VirtualService route.',
  source: `${REFERENCES_GO} (ValidateVirtualService); rollout/trafficrouting/istio/istio.go (ValidateHTTPRoutes)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const tr = canary && trafficRoutingOf(canary);
    const istio = present(tr, 'istio');
    if (!canary || !tr || !istio) return;
    const multi = present(istio, 'virtualServices');
    const refs = multi ? multi.items() : [present(istio, 'virtualService')].flatMap((c) => c ?? []);
    const s = services(canary, istio, tr);
    for (const ref of refs) {
      const { name, namespace } = splitName(goString(ref, 'name'));
      const vs = name ? ctx.workspace.find('VirtualService', name, namespace ?? ctx.doc.namespace) : undefined;
      if (vs) checkOne(ctx, ref, vs, s);
    }
  },
});
