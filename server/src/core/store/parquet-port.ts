/**
 * The Parquet codec port: EVALSIG's Parquet schema (spec §5.2) in both
 * directions. Decoding Parquet needs a WebAssembly codec, so the core only
 * describes the rows; server/src/node/parquet-codec.ts does the bytes and is
 * loaded on demand (the language server does not pay for it at start-up).
 */
import type { ItemTable } from '../runs/run-frame';

/** EVALSIG's column names, in file order. */
export const PARQUET_COLUMNS = [
  'project_id',
  'run_id',
  'model_id',
  'task_id',
  'metric_name',
  'item_id',
  'cluster_id',
  'epoch',
  'score',
  'config_hash',
  'ts',
  'metadata_json',
] as const;
export type ParquetColumn = (typeof PARQUET_COLUMNS)[number];

/** One run to write: run-level values repeat on every row, items are the RunFrame's columns. */
export interface ParquetRunRows {
  readonly projectId: string;
  readonly runId: string;
  readonly modelId: string;
  readonly taskId: string;
  readonly metricName: string;
  readonly configHash: string;
  /** Microseconds since the Unix epoch, UTC (column `ts`, timestamp[us, tz=UTC]). */
  readonly tsMicros: bigint;
  readonly items: ItemTable;
  /** `metadata_json` by row, for rows whose metadata is not `{}`. */
  readonly metadataJson: ReadonlyMap<number, string>;
}

/** A decoded column: its Arrow type (for messages) and its values, null where the file has a null. */
export type DecodedColumn =
  | { readonly kind: 'string'; readonly type: string; readonly values: readonly (string | null)[] }
  | { readonly kind: 'number'; readonly type: string; readonly values: readonly (number | null)[] }
  /** Timestamps of any unit, converted to microseconds since the epoch (UTC). */
  | { readonly kind: 'timestamp'; readonly type: string; readonly values: readonly (number | null)[] }
  | { readonly kind: 'other'; readonly type: string };

/** A whole Parquet file, column by column (any engine may have written it). */
export interface DecodedRows {
  readonly length: number;
  readonly columns: ReadonlyMap<string, DecodedColumn>;
}

export interface ParquetCodec {
  /** EVALSIG's schema, Snappy-compressed: the bytes of a whole Parquet file. */
  encode(rows: ParquetRunRows): Promise<Uint8Array>;
  /** Reads every column; a file that is not Parquet becomes a DataError naming `file`. */
  decode(bytes: Uint8Array, file: string): Promise<DecodedRows>;
}
