/**
 * A stand-in ParquetCodec for the crash trials: the run as JSON bytes. The
 * crash guarantees are the file system's and the store's (the codec only
 * turns rows into bytes in memory), and a JSON file cut short does not parse,
 * so a half-written file cannot pass for a whole one. It spares each of the
 * 50+ killed processes the WebAssembly start-up.
 */
import type { DecodedColumn, DecodedRows, ParquetCodec, ParquetRunRows } from '../../server/src/core/store';

export const jsonCodec: ParquetCodec = {
  encode: (rows: ParquetRunRows) => new Promise((resolve) => {
    const n = rows.items.length;
    const col = <T>(f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
    const same = (v: string): string[] => col(() => v);
    const data = {
      project_id: same(rows.projectId),
      run_id: same(rows.runId),
      model_id: same(rows.modelId),
      task_id: same(rows.taskId),
      metric_name: same(rows.metricName),
      item_id: col((i) => rows.items.itemIds[i]),
      cluster_id: col((i) => rows.items.clusterIds[i] ?? null),
      epoch: col((i) => rows.items.epochs[i]),
      score: col((i) => rows.items.scores[i]),
      config_hash: same(rows.configHash),
      metadata_json: col((i) => rows.metadataJson.get(i) ?? '{}'),
    };
    resolve(new TextEncoder().encode(JSON.stringify({ n, data })));
  }),
  decode: (bytes: Uint8Array, file: string) => new Promise<DecodedRows>((resolve) => {
    let parsed: { n: number; data: Record<string, (string | number | null)[]> };
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes)) as typeof parsed;
    } catch {
      throw new Error(`${file}: truncated or corrupt (${bytes.length} bytes)`);
    }
    const columns = new Map<string, DecodedColumn>();
    for (const [name, values] of Object.entries(parsed.data)) {
      const numeric = name === 'epoch' || name === 'score';
      columns.set(name, numeric ? { kind: 'number', type: 'json', values: values as number[] } : { kind: 'string', type: 'json', values: values as string[] });
    }
    resolve({ length: parsed.n, columns });
  }),
};
