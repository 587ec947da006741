// Loaded with --require by bench/support.mjs where /usr/bin/time is missing: writes the process's peak RSS (KB) at exit.
process.on('exit', () => process.getBuiltinModule('node:fs').writeFileSync(process.env.HATRACK_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
