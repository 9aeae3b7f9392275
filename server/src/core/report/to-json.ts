/**
 * The report objects as EVALSIG's `to_dict()` lays them out (key order
 * included), and their JSON text.
 */
import type { ComparisonResult } from '../gate/compare';
import type { GateReport } from '../gate/gate';
import { type JsonFlavour, PyInt, type PyJson, pyJsonDumps } from './python-json';

export function comparisonToDict(c: ComparisonResult): { readonly [key: string]: PyJson } {
  return {
    delta: c.delta,
    ci: [c.ci[0], c.ci[1]],
    ci_level: c.ciLevel,
    p_value: c.pValue,
    significant: c.significant,
    n_pairs: new PyInt(c.nPairs),
    n_clusters: c.nClusters === null ? null : new PyInt(c.nClusters),
    method: c.method,
    mde: c.mde,
    notes: [...c.notes],
  };
}

export function gateReportToDict(g: GateReport): { readonly [key: string]: PyJson } {
  return {
    verdict: g.verdict,
    exit_code: new PyInt(g.exitCode),
    comparison: comparisonToDict(g.comparison),
    min_delta: g.minDelta,
    alpha: g.alpha,
    power: g.power,
    suggestion: g.suggestion,
  };
}

function isGate(r: GateReport | ComparisonResult): r is GateReport {
  return 'verdict' in r;
}

/** EVALSIG `to_json` (indent 2), strict JSON by default. */
export function toJson(r: GateReport | ComparisonResult, flavour: JsonFlavour = 'strict'): string {
  return pyJsonDumps(isGate(r) ? gateReportToDict(r) : comparisonToDict(r), flavour);
}

/** Plain JSON-compatible object (infinite bounds as strings) for APIs and the store. */
export function toPlainObject(r: GateReport | ComparisonResult): unknown {
  return JSON.parse(toJson(r));
}
