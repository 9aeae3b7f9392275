/**
 * The Parquet codec: apache-arrow builds the columns, parquet-wasm (Rust's
 * arrow-rs parquet writer compiled to WebAssembly) turns them into Parquet.
 *
 * This module is its own bundle entry (server/out/parquet-codec.js, with the
 * 5 MB .wasm copied next to it) and is only loaded through
 * load-parquet-codec.ts when a store or a .parquet run is actually touched.
 *
 * Strings are laid out as Arrow offsets + UTF-8 bytes directly: building them
 * through Arrow's generic builders is the slow part of a large write, and the
 * run-level columns repeat one value on every row.
 */
import { Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Table, tableFromIPC, tableToIPC, TimestampMicrosecond, Type, Utf8, type Data, type DataType, type Vector } from 'apache-arrow';
import { Compression, readParquet, Table as WasmTable, writeParquet, WriterPropertiesBuilder } from 'parquet-wasm/node';
import { isAscii } from 'node:buffer';
import { DataError } from '../core/errors';
import { PARQUET_COLUMNS, type DecodedColumn, type DecodedRows, type ParquetCodec, type ParquetRunRows } from '../core/store/parquet-port';

const encoder = new TextEncoder();

/** The codec object handed to the store (see core/store/parquet-port.ts). */
export const parquetCodec: ParquetCodec = {
  // Promise executors turn a throw into a rejection, as callers of an async port expect.
  encode: (rows) => new Promise((resolve) => resolve(encodeRun(rows))),
  decode: (bytes, file) => new Promise((resolve) => resolve(decodeFile(bytes, file))),
};

// pyarrow fields are nullable by default, and EVALSIG's schema does not say otherwise.
const SCHEMA_TYPES: Record<(typeof PARQUET_COLUMNS)[number], DataType> = {
  project_id: new Utf8(),
  run_id: new Utf8(),
  model_id: new Utf8(),
  task_id: new Utf8(),
  metric_name: new Utf8(),
  item_id: new Utf8(),
  cluster_id: new Utf8(),
  epoch: new Int32(),
  score: new Float64(),
  config_hash: new Utf8(),
  ts: new TimestampMicrosecond('UTC'),
  metadata_json: new Utf8(),
};

/** EVALSIG's Parquet file for one run, Snappy-compressed as pyarrow's `write_table(compression="snappy")`. */
export function encodeRun(rows: ParquetRunRows): Uint8Array {
  const n = rows.items.length;
  const fields = PARQUET_COLUMNS.map((name) => new Field(name, SCHEMA_TYPES[name], true));
  const same = (value: string): Data => repeatedUtf8(value, n);
  const { items } = rows;
  const children: Data[] = [
    same(rows.projectId),
    same(rows.runId),
    same(rows.modelId),
    same(rows.taskId),
    same(rows.metricName),
    utf8((i) => items.itemIds[i], n),
    items.clusterIds.length === 0 ? nulls(n) : utf8((i) => items.clusterIds[i] ?? null, n),
    makeData({ type: new Int32(), length: n, data: items.epochs }),
    makeData({ type: new Float64(), length: n, data: items.scores }),
    same(rows.configHash),
    makeData({ type: new TimestampMicrosecond('UTC'), length: n, data: new BigInt64Array(n).fill(rows.tsMicros) }),
    rows.metadataJson.size === 0 ? same('{}') : utf8((i) => rows.metadataJson.get(i) ?? '{}', n),
  ];
  const batch = new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: n, children }));
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(new Table([batch]), 'stream'));
  const props = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  return writeParquet(wasmTable, props);
}

/** A Utf8 column of one value repeated `n` times, built without n string conversions. */
function repeatedUtf8(value: string, n: number): Data<Utf8> {
  const bytes = encoder.encode(value);
  const offsets = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) offsets[i] = i * bytes.length;
  const data = new Uint8Array(n * bytes.length);
  if (data.length > 0) {
    data.set(bytes);
    // Doubling copies: log2(n) native copies instead of n small ones.
    for (let filled = bytes.length; filled < data.length; filled *= 2) data.copyWithin(filled, 0, Math.min(filled, data.length - filled));
  }
  return makeData({ type: new Utf8(), length: n, valueOffsets: offsets, data });
}

/** A Utf8 column of `n` nulls (a run without clusters). */
function nulls(n: number): Data<Utf8> {
  return makeData({ type: new Utf8(), length: n, valueOffsets: new Int32Array(n + 1), data: new Uint8Array(0), nullBitmap: new Uint8Array(Math.ceil(n / 8)), nullCount: n });
}

/**
 * A Utf8 column from `value(i)`; null entries set the validity bitmap. The
 * strings are joined and encoded in one native call; when they are all ASCII
 * (ids almost always are) the byte offsets are the character offsets.
 */
function utf8(value: (i: number) => string | null, n: number): Data<Utf8> {
  const strings = new Array<string>(n);
  let nullBitmap: Uint8Array | undefined;
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const s = value(i);
    if (s === null) {
      nullBitmap ??= new Uint8Array(Math.ceil(n / 8)).fill(0xff);
      nullBitmap[i >> 3] &= ~(1 << (i & 7));
      nullCount++;
    }
    strings[i] = s ?? '';
  }
  const joined = strings.join('');
  const data = Buffer.from(joined, 'utf8');
  const ascii = data.length === joined.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0, at = 0; i < n; i++) {
    at += ascii ? strings[i].length : Buffer.byteLength(strings[i], 'utf8');
    offsets[i + 1] = at;
  }
  return makeData({ type: new Utf8(), length: n, valueOffsets: offsets, data: new Uint8Array(data.buffer, data.byteOffset, data.length), nullBitmap, nullCount });
}

/** Every column of a Parquet file, whatever engine wrote it. */
export function decodeFile(bytes: Uint8Array, file: string): DecodedRows {
  let table: Table;
  try {
    table = tableFromIPC(readParquet(bytes).intoIPCStream());
  } catch (e) {
    throw new DataError(`not a readable Parquet file (${e instanceof Error ? e.message : String(e)})`, file);
  }
  const columns = new Map<string, DecodedColumn>();
  table.schema.fields.forEach((field, i) => {
    const vector = table.getChildAt(i);
    if (vector) columns.set(field.name, decodeColumn(vector));
  });
  return { length: table.numRows, columns };
}

function decodeColumn(vector: Vector): DecodedColumn {
  const dataType = vector.type as DataType;
  const type = (dataType as unknown as { toString(): string }).toString(); // Arrow types print themselves (Timestamp<MICROSECOND, UTC>)
  switch (dataType.typeId) {
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Dictionary:
      if (dataType.typeId === Type.Utf8) return { kind: 'string', type, values: strings(vector) };
      return isStringLike(vector) ? { kind: 'string', type, values: values<string>(vector) } : { kind: 'other', type };
    case Type.Int:
    case Type.Float:
      return { kind: 'number', type, values: numbers(vector) };
    case Type.Timestamp:
      return { kind: 'timestamp', type, values: timestampMicros(vector) };
    default:
      return { kind: 'other', type };
  }
}

function isStringLike(vector: Vector): boolean {
  const t = vector.type as DataType & { dictionary?: DataType };
  return t.typeId !== Type.Dictionary || t.dictionary?.typeId === Type.Utf8 || t.dictionary?.typeId === Type.LargeUtf8;
}

function values<T>(vector: Vector): (T | null)[] {
  const out = new Array<T | null>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector.get(i) as T | null;
  return out;
}

/** Numbers, read chunk by chunk from the typed arrays (get() per row costs a chunk lookup each). */
function numbers(vector: Vector): (number | null)[] {
  const out = new Array<number | null>(vector.length);
  let k = 0;
  for (const chunk of vector.data) {
    const raw = chunk.values as ArrayLike<number | bigint>;
    for (let i = 0; i < chunk.length; i++, k++) out[k] = chunk.nullCount > 0 && !chunk.getValid(i) ? null : Number(raw[chunk.offset + i]);
  }
  return out;
}

/**
 * Utf8 strings straight from offsets and bytes. An ASCII chunk is decoded
 * once and sliced, which is several times faster than one decode per row.
 */
function strings(vector: Vector): (string | null)[] {
  const out = new Array<string | null>(vector.length);
  let k = 0;
  for (const chunk of vector.data) {
    const offsets = chunk.valueOffsets as Int32Array;
    const bytes = chunk.values as Uint8Array;
    const base = offsets[chunk.offset];
    const end = offsets[chunk.offset + chunk.length];
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset + base, end - base);
    const text = isAscii(buf) ? buf.toString('latin1') : undefined;
    for (let i = 0; i < chunk.length; i++, k++) {
      if (chunk.nullCount > 0 && !chunk.getValid(i)) {
        out[k] = null;
        continue;
      }
      const a = offsets[chunk.offset + i] - base;
      const b = offsets[chunk.offset + i + 1] - base;
      out[k] = text !== undefined ? text.slice(a, b) : buf.toString('utf8', a, b);
    }
  }
  return out;
}

/** Timestamps of any unit as microseconds, read from the raw 64-bit values (get() would round to milliseconds). */
function timestampMicros(vector: Vector): (number | null)[] {
  const unit = (vector.type as { unit: number }).unit; // 0 s, 1 ms, 2 µs, 3 ns
  const out: (number | null)[] = [];
  for (const chunk of vector.data) {
    const raw = chunk.values as BigInt64Array;
    for (let i = 0; i < chunk.length; i++) {
      if (!chunk.getValid(i)) {
        out.push(null);
        continue;
      }
      const v = raw[chunk.offset + i];
      out.push(unit === 0 ? Number(v) * 1e6 : unit === 1 ? Number(v) * 1e3 : unit === 2 ? Number(v) : Number(v / 1000n));
    }
  }
  return out;
}
