#!/usr/bin/env node
// `npm run bench [-- --sizes 10000,100000] [--ops metrics,bundle] [--runs 7] [--runs-1m 3] [--no-build]`
// Builds the bench page and the app (with a manifest), then runs bench/suite.test.ts in vitest
// (Node 20 cannot run TypeScript directly). Plain JS on purpose: nothing to compile.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  if (i >= 0) return args[i + 1]
  const eq = args.find(a => a.startsWith(`--${name}=`))
  return eq ? eq.slice(name.length + 3) : fallback
}
if (args.includes('--help')) {
  console.log('npm run bench -- [--sizes 10000,100000] [--ops cold-open,bulk-import,edit,metrics,waterfall,sort-filter,dashboard,history-import,sync,memory,bundle] [--runs 5] [--runs-1m 3] [--no-build] | --extra\n1M: --sizes 1000000 (every browser op, about 30 min; see bench/README.md)\n1M history events: --sizes 252000 --ops history-import (about 10 min)')
  process.exit(0)
}
if (args.includes('--extra')) {
  // The older opt-in measurements (query engine at 1M, storage chunk sizes): logs only.
  const res = spawnSync('npx', ['vitest', 'run', '--config', 'bench/vitest.bench.config.ts', '--project', 'bench-extra'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim() },
  })
  process.exit(res.status ?? 1)
}
const sizes = opt('sizes', '10000,100000')
const big = sizes.split(',').some(s => Number(s) >= 1_000_000)
// At 1M the team-sync and history-import ops take hours (a million documents replicated, a 4.3M-row log
// imported 12 times): they run only when --ops names them.
const slowAt1m = ['history-import', 'sync']
const allOps = 'cold-open,bulk-import,edit,metrics,waterfall,sort-filter,dashboard,history-import,sync,memory,bundle'
const ops = opt('ops', big ? allOps.split(',').filter(o => !slowAt1m.includes(o)).join(',') : allOps)
if (big && !opt('ops')) console.log(`[bench] 1M: ${slowAt1m.join(', ')} left out (hours at 1M); name them in --ops to run them`)
const env = { ...process.env, FG_BENCH_SIZES: sizes, FG_BENCH_OPS: ops, FG_BENCH_RUNS: opt('runs', '5'), FG_BENCH_RUNS_1M: opt('runs-1m', '3') }
// A history import of ~1M events (--sizes 252000 --ops history-import) holds the 1M-row log, its
// row objects and the rebuilt records at once: more than the default 4 GB heap.
const heavy = sizes.split(',').some(s => Number(s) >= 200_000)
env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --max-old-space-size=${heavy ? 12288 : 4096}`.trim()

function run(cmd, cmdArgs, extraEnv = {}, fatal = true) {
  const res = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } })
  if (res.status !== 0 && fatal) process.exit(res.status ?? 1)
  return res.status === 0
}

const browserOps = ['cold-open', 'bulk-import', 'edit', 'sort-filter', 'memory']
if (!args.includes('--no-build')) {
  if (browserOps.some(o => ops.split(',').includes(o))) run('npx', ['vite', 'build', '--config', 'bench/browser/vite.config.ts'])
  if (ops.split(',').includes('bundle')) {
    rmSync(new URL('../dist-bench', import.meta.url), { recursive: true, force: true })
    // A broken app build must not hide the other ops: the suite reports the bundle op as failed.
    if (!run('npx', ['vite', 'build', '--manifest', '--logLevel', 'warn'], { FG_DIST: 'dist-bench' }, false)) env.FG_BENCH_BUNDLE_ERROR = 'the app build (vite build --manifest) failed; see the output above'
  }
}
run('npx', ['vitest', 'run', '--config', 'bench/vitest.bench.config.ts', '--project', 'bench'])
