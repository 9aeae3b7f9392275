// Small seeded generators shared by the tests, the benchmark data and the
// example generator (plain CommonJS so .mjs scripts and TypeScript tests can
// both load it). Not numpy's generator: that one is server/src/core/stats.
'use strict';

/** mulberry32: a tiny 32-bit generator, uniform in [0, 1); plenty for synthetic data. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller) from a uniform generator. */
function gaussian(uniform) {
  return Math.sqrt(-2 * Math.log(Math.max(uniform(), 1e-300))) * Math.cos(2 * Math.PI * uniform());
}

module.exports = { mulberry32, gaussian };
