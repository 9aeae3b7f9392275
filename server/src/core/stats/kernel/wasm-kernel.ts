/**
 * Loads the embedded resampling kernel (resample-kernel.wat) synchronously.
 *
 * The core is type-checked without DOM or Node types, so WebAssembly is reached
 * through `globalThis` and described by the few members used here, and the
 * base64 is decoded by hand (no `atob`, no `Buffer`).
 */
import { RESAMPLE_KERNEL_WASM_BASE64 } from './resample-kernel.wasm';

/** The exports of resample-kernel.wat (pointers are byte offsets into memory). */
export interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(deltaPages: number): number };
  setState(stateHi: bigint, stateLo: bigint, incHi: bigint, incLo: bigint): void;
  integers(rng: number, count: number, out: number): void;
  signFlipMeans(d: number, n: number, rows: number, out: number): void;
  bootstrapMeans(d: number, n: number, rows: number, out: number): void;
  clusterMeans(values: number, offsets: number, g: number, rows: number, out: number, chosen: number): void;
}

/** First byte the caller may use: below it lie the raw-draw buffer and the leaf scratch. */
export const KERNEL_DATA_START = 17408;

const PAGE = 65536;

interface WasmNamespace {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with `=` padding) to bytes. */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`invalid base64 character ${JSON.stringify(ch)}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

// undefined = not tried yet; null = WebAssembly unavailable or refused the module.
let cachedModule: object | null | undefined;

function kernelModule(): object | null {
  if (cachedModule !== undefined) return cachedModule;
  const wasm = (globalThis as { WebAssembly?: WasmNamespace }).WebAssembly;
  try {
    cachedModule = wasm ? new wasm.Module(decodeBase64(RESAMPLE_KERNEL_WASM_BASE64)) : null;
  } catch {
    // A host that forbids compiling code (e.g. a strict CSP) gets the slow path.
    cachedModule = null;
  }
  return cachedModule;
}

/** Whether this host can run the kernel (WebAssembly present and willing). */
export function kernelSupported(): boolean {
  return kernelModule() !== null;
}

/** A fresh kernel instance (own memory and generator state), or null without WebAssembly. */
export function instantiateKernel(): KernelExports | null {
  const module = kernelModule();
  if (module === null) return null;
  const wasm = (globalThis as { WebAssembly?: WasmNamespace }).WebAssembly!;
  return new wasm.Instance(module, {}).exports as KernelExports;
}

/** Grows the kernel's memory so that bytes [0, end) exist. */
export function ensureMemory(kernel: KernelExports, end: number): void {
  const have = kernel.memory.buffer.byteLength;
  if (end <= have) return;
  // Memory.grow throws a RangeError itself when the host refuses.
  kernel.memory.grow(Math.ceil((end - have) / PAGE));
}
