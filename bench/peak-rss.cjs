// Preloaded into a benchmarked process (node --require bench/peak-rss.cjs …):
// on exit, writes the process's peak resident set size (getrusage maxrss, KiB)
// to the file named by TOLLGATE_BENCH_RSS_FILE.
'use strict';
const { writeFileSync } = require('node:fs');
const target = process.env.TOLLGATE_BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
