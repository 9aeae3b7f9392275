/**
 * The Parquet codec, loaded on first use. The codec (apache-arrow plus a 5 MB
 * WebAssembly module) is a separate bundle, server/out/parquet-codec.js, so
 * the CLI's other commands and the language server start without it. The
 * import path is kept external by .ci/build.mjs and resolves next to the
 * calling bundle; unbundled (tests), it resolves to parquet-codec.ts.
 */
import type { ParquetCodec } from '../core/store/parquet-port';

let loading: Promise<ParquetCodec> | undefined;

/** Resolves to the codec, loading it the first time. */
export function loadParquetCodec(): Promise<ParquetCodec> {
  loading ??= import('./parquet-codec.js').then((m) => m.parquetCodec);
  return loading;
}

/** A codec that loads the real one when it is first asked to encode or decode. */
export const lazyParquetCodec: ParquetCodec = {
  encode: async (rows) => (await loadParquetCodec()).encode(rows),
  decode: async (bytes, file) => (await loadParquetCodec()).decode(bytes, file),
};
