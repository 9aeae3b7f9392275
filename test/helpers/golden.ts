/** The EVALSIG golden vectors (test/fixtures/evalsig-vectors), loaded for data-driven tests. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const VECTORS = join(__dirname, '..', 'fixtures', 'evalsig-vectors');

export interface GoldenParams {
  api: 'gate' | 'compare';
  min_delta?: number;
  alpha: number;
  power: number;
  method: string;
  cluster: string | null;
  one_sided: boolean;
  n_resamples: number;
  seed: number;
  cli_args: string[];
  description: string;
}

export interface GoldenExpected {
  api: string;
  exit_code: number;
  report?: Record<string, unknown>;
  rng_dependent: boolean;
  evalsig_to_json?: string;
  stdout_tty?: string;
  stdout_markdown?: string;
  error?: { python_type: string; message: string };
  stderr?: string;
}

export interface GoldenCase {
  name: string;
  dir: string;
  params: GoldenParams;
  expected: GoldenExpected;
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(VECTORS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(VECTORS, d.name);
      const read = (f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));
      return { name: d.name, dir, params: read('params.json') as GoldenParams, expected: read('expected.json') as GoldenExpected };
    });
}

/**
 * Deep comparison where numbers agree to `rel` (0 = bit-identical). Paths name
 * the field that differs, so a failure says which part of the report drifted.
 */
export function assertReportClose(actual: unknown, expected: unknown, rel: number, path = 'report'): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${path}: type`);
    const a = actual as number;
    if (rel === 0 || expected === 0) assert.equal(a, expected, `${path}: ${a} !== ${expected}`);
    else assert.ok(Math.abs(a - expected) <= rel * Math.abs(expected), `${path}: ${a} vs ${expected} (rel ${Math.abs(a - expected) / Math.abs(expected)})`);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: not an array`);
    assert.equal((actual as unknown[]).length, expected.length, `${path}: length`);
    expected.forEach((e, i) => assertReportClose((actual as unknown[])[i], e, rel, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path}: not an object`);
    assert.deepEqual(Object.keys(actual), Object.keys(expected), `${path}: keys and their order`);
    for (const [k, v] of Object.entries(expected)) assertReportClose((actual as Record<string, unknown>)[k], v, rel, `${path}.${k}`);
    return;
  }
  assert.equal(actual, expected, path);
}
