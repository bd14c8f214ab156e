/**
 * The benchmark suite (bench/README.md). Started by `npm run bench`, which builds the bench page
 * and the app first; writes bench/results.json and prints the table. Not part of `npm test`.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import type { BrowserBench } from './ops/browser'
import { benchColdOpen, benchEdit, benchImport, benchMemory, benchSortFilter, NAIVE_CAP, startBrowserBench } from './ops/browser'
import { bundleSizes } from './ops/bundle'
import { benchDashboard } from './ops/dashboard'
import { benchHistoryImport } from './ops/history-import'
import { benchMetrics } from './ops/metrics'
import { benchSync } from './ops/sync'
import { benchWaterfall } from './ops/waterfall'
import { dataset } from './lib/data'
import type { ResultRow } from './lib/results'
import { atSize, machine, table, writeResults } from './lib/results'

const ALL_OPS = ['cold-open', 'bulk-import', 'edit', 'metrics', 'waterfall', 'sort-filter', 'dashboard', 'history-import', 'sync', 'memory', 'bundle'] as const
const sizes = (process.env.FG_BENCH_SIZES ?? '10000,100000').split(',').map(Number).filter(n => n > 0)
const ops = new Set((process.env.FG_BENCH_OPS ?? ALL_OPS.join(',')).split(','))
const runs = Math.max(5, Number(process.env.FG_BENCH_RUNS ?? 5))
/**
 * Timed runs of the browser ops at 1M and above (one round of cold-open, bulk-import or
 * sort-filter takes minutes there): 3 unless FG_BENCH_RUNS_1M says more (run.mjs --runs-1m).
 */
const runs1m = Math.max(3, Number(process.env.FG_BENCH_RUNS_1M ?? 3))
const runsAt = (size: number): number => (size >= 1_000_000 ? runs1m : runs)
const dist = process.env.FG_BENCH_DIST ?? fileURLToPath(new URL('../dist-bench', import.meta.url))
const out = fileURLToPath(new URL('./results.json', import.meta.url))
const BROWSER_OPS = ['cold-open', 'bulk-import', 'edit', 'sort-filter', 'memory']

const rows: ResultRow[] = []
const log = (msg: string): void => console.log(`[bench] ${msg}`)
const startedAt = new Date().toISOString()
/**
 * Logs a row and writes results.json with every row so far (`complete: false`): a run stopped
 * midway (the 1M run's slow bulk-import hitting the timeout) keeps the figures it measured.
 */
const push = (row: ResultRow): void => {
  rows.push(row)
  const durable = row.extra?.durable_median_ms
  log(`${row.op} ${row.size}: ${row.value} ${row.unit}${durable === undefined ? '' : ` (durable ${String(durable)} ms)`}${row.ratio === null ? '' : `, ${row.ratio}x ${row.baseline}`} -> ${row.met ? 'met' : 'MISSED'}`)
  writeResults(out, rows, { generatedAt: startedAt, sizes, runs, complete: false })
}
const ratio = (a: number, b: number): number => Math.round((a / b) * 1000) / 1000

/**
 * Runs one op; if it throws (at 1M: a page out of memory, a crashed tab), the table gets a
 * missed row saying why and the other ops still run.
 */
async function attempt(op: string, size: number, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  }
  catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0]! : String(err)
    push({ op, size, median_ms: null, p95_ms: null, value: Number.NaN, unit: 'ms', baseline: null, baseline_median_ms: null, ratio: null, budget: 'see bench/README.md', met: false, note: `failed: ${why}` })
  }
}

async function browserOps(b: BrowserBench, size: number): Promise<void> {
  if (ops.has('cold-open') || ops.has('edit') || ops.has('memory')) await attempt('cold-open', size, async () => {
    const t = await benchColdOpen(b, size, runsAt(size))
    // Issue 17: fully interactive within 1.3x the grid from memory up to 100k, within 5 s at 1M.
    const big = size >= 1_000_000
    const r = ratio(t.ours.median, t.baseline.median)
    if (ops.has('cold-open')) {
      const firstAbs = atSize(size, 500, 300)
      push({ op: 'cold-open-first-rows', size, median_ms: t.first.median, p95_ms: t.first.p95, value: t.first.median, unit: 'ms', baseline: 'same DataGrid, rows from memory', baseline_median_ms: t.baseline.median, ratio: ratio(t.first.median, t.baseline.median), budget: `<= ${firstAbs} ms`, met: t.first.median <= firstAbs, note: 'first data row shown by a streamed open (the rest still being read)' })
    }
    if (ops.has('cold-open')) push({ op: 'cold-open', size, median_ms: t.ours.median, p95_ms: t.ours.p95, value: t.ours.median, unit: 'ms', baseline: 'same DataGrid, rows from memory', baseline_median_ms: t.baseline.median, ratio: r, budget: big ? '<= 5000 ms' : '<= 1.3x', met: big ? t.ours.median <= 5000 : r <= 1.3, extra: { read_alone_median_ms: t.read.median, read_plus_grid_ms: Math.round((t.read.median + t.baseline.median) * 10) / 10, ratio_read_plus_grid: ratio(t.read.median + t.baseline.median, t.baseline.median) }, note: 'read_alone: the adapter\'s streamed read with no stores or grid; read + grid from memory is what a serial open costs' })
  })
  if (ops.has('memory')) await attempt('memory', size, async () => {
    // Issue 17: the heap held after open + one search + the template dashboard, per the JSON of
    // the records alone (the events' JSON, and the heap right after the open, in extra).
    const m = await benchMemory(b, size)
    const per = (x: number): number => Math.round((x / size) * 100_000 / 2 ** 20 * 10) / 10
    const r = ratio(m.heapBytes, m.recordBytes)
    push({
      op: 'memory', size, median_ms: null, p95_ms: null, value: per(m.heapBytes), unit: 'MB per 100k records', baseline: 'JSON of the records alone', baseline_median_ms: per(m.recordBytes), ratio: r, budget: '<= 1.2x the records\' JSON', met: r <= 1.2,
      extra: { after_open_mb_per_100k: per(m.openHeapBytes), ratio_after_open: ratio(m.openHeapBytes, m.recordBytes), events_json_mb_per_100k: per(m.eventBytes), ratio_vs_records_and_events_json: ratio(m.heapBytes, m.recordBytes + m.eventBytes), pages: m.pages },
      note: `heap growth of a fresh page after cold-open + one quick search + the template dashboard (adapter cache, stores, grid, search cache, stage events, widget results), after GC; median of ${m.pages} page(s)`,
    })
  })
  if (ops.has('edit')) await attempt('edit', size, async () => {
    const t = await benchEdit(b, size, Math.max(runs, 10))
    push({ op: 'edit', size, median_ms: t.visible.median, p95_ms: t.visible.p95, value: t.visible.median, unit: 'ms', baseline: 'synchronous applyTransaction', baseline_median_ms: t.baseline.median, ratio: ratio(t.visible.median, t.baseline.median), budget: '<= 16 ms visible; <= 250 ms durable', met: t.visible.median <= 16 && t.durable.median <= 250, extra: { durable_median_ms: t.durable.median, durable_p95_ms: t.durable.p95 } })
  })
  if (ops.has('sort-filter')) await attempt('sort-filter', size, async () => {
    const t = await benchSortFilter(b, size, runsAt(size))
    if (t.matched.ours === 0 || t.matched.grid === 0) throw new Error(`sort-filter matched nothing (${JSON.stringify(t.matched)}): the view must select rows`)
    const r = ratio(t.ours.median, t.baseline.median)
    push({ op: 'sort-filter', size, median_ms: t.ours.median, p95_ms: t.ours.p95, value: t.ours.median, unit: 'ms', baseline: 'ag-grid sort + quick filter', baseline_median_ms: t.baseline.median, ratio: r, budget: '<= 300 ms; >= 20x faster (ratio <= 0.05)', met: t.ours.median <= 300 && r <= 0.05, extra: { matched: t.matched }, note: 'repeat query over the same records array (search texts and sort keys cached: next keystroke, another sort); first query in sort-filter-cold' })
    const rc = ratio(t.cold.median, t.baseline.median)
    push({ op: 'sort-filter-cold', size, median_ms: t.cold.median, p95_ms: t.cold.p95, value: t.cold.median, unit: 'ms', baseline: 'ag-grid sort + quick filter', baseline_median_ms: t.baseline.median, ratio: rc, budget: '<= 300 ms; >= 20x faster (ratio <= 0.05)', met: t.cold.median <= 300 && rc <= 0.05, note: 'first query over a records array: builds the cached search texts and sort keys (first search on a freshly loaded form)' })
  })
  if (ops.has('bulk-import')) await attempt('bulk-import', size, async () => {
    const t = await benchImport(b, size, runsAt(size))
    const abs = atSize(size, 20_000, 500) // issue 17: <= 20 s at 1M
    // The floor is the faster of the two raw single-transaction writes of the same records: one
    // value per record, or 1000 records per value (the grouping the product itself writes; always
    // the faster, and the only one timed at 1M).
    const floor = Math.min(t.floor?.median ?? Infinity, t.floorChunked.median)
    const r = ratio(t.ours.median, floor)
    const naive = t.naive && Math.round(t.naive.median * t.naiveScale * 100) / 100
    const speedup = naive === undefined ? undefined : ratio(naive, t.ours.median)
    const references = t.onPage && t.floor && naive !== undefined
      ? { page_path_median_ms: t.onPage.median, page_path_ratio: ratio(t.onPage.median, floor), naive_median_ms: naive, naive_measured_records: Math.min(size, NAIVE_CAP), speedup_vs_naive: speedup, floor_per_record_median_ms: t.floor.median, ratio_vs_per_record_floor: ratio(t.ours.median, t.floor.median) }
      : {}
    push({
      op: 'bulk-import', size, median_ms: t.ours.median, p95_ms: t.ours.p95, value: t.ours.median, unit: 'ms', baseline: 'one raw IndexedDB transaction of the same records (floor: faster of 1 and 1000 records per value)', baseline_median_ms: floor, ratio: r,
      budget: `<= ${abs} ms; ${speedup === undefined ? '' : '>= 50x faster than naive; '}<= 3x floor`, met: t.ours.median <= abs && (speedup === undefined || speedup >= 50) && r <= 3,
      extra: { ...references, floor_1000_per_value_median_ms: t.floorChunked.median },
      note: speedup === undefined
        ? 'at 1M only the app\'s path and the chunked floor are timed (the page-only path, naive, the per-record floor and the automation variants run below 1M)'
        : t.naiveScale > 1 ? `naive (localforage setItem per record) measured on ${NAIVE_CAP} records and scaled x${t.naiveScale}` : undefined,
    })
    // The same import with the template's stage-entered automations (issue 13: automations and
    // scoring cost at most 20 % on this row): checked on every record with none firing (the
    // cost of having them), and firing as the template ships them (需求分析 → a task, 成交与签约
    // → a contract and a payment: about half as many records again are created and stored).
    if (!t.checked || !t.automated) return
    const checked = ratio(t.checked.median, t.ours.median)
    push({
      op: 'bulk-import-automations', size, median_ms: t.checked.median, p95_ms: t.checked.p95, value: t.checked.median, unit: 'ms', baseline: 'the same bulk-import without automations', baseline_median_ms: t.ours.median, ratio: checked,
      budget: '<= 1.2x bulk-import', met: checked <= 1.2, note: 'the template\'s two stage-entered automations checked on every record, none firing',
    })
    push({
      op: 'bulk-import-automations-firing', size, median_ms: t.automated.median, p95_ms: t.automated.p95, value: t.automated.median, unit: 'ms', baseline: 'the same bulk-import without automations', baseline_median_ms: t.ours.median, ratio: ratio(t.automated.median, t.ours.median),
      budget: 'reported (the automations create and store about 0.46 records per imported deal)', met: true,
    })
  })
}

it('should measure every op and write bench/results.json', async () => {
  log(`sizes ${sizes.join(', ')}; ops ${[...ops].join(', ')}; ${runs} runs after warm-up; ${machine()}`)
  const b = BROWSER_OPS.some(o => ops.has(o)) ? await startBrowserBench() : undefined
  try {
    for (const size of sizes) {
      if (ops.has('metrics') || ops.has('waterfall') || ops.has('dashboard') || ops.has('history-import') || ops.has('sync')) {
        const ds = dataset(size)
        log(`generated ${ds.records.length} records, ${ds.events.length} events`)
        if (ops.has('metrics')) {
          const t = await benchMetrics(ds, runs)
          // Issue 17: <= 30 ms at 100k, <= 250 ms at 1M and within 2x of the cached path.
          const abs = atSize(size, 250, 30)
          // The issue's metric: funnel + conversion + time in stage from the opportunities and
          // their stage events, i.e. with the stage summary built: as the dashboard's cache
          // builds it for a new data version (the first computation after a write; it writes
          // into the replaced summary's columns); extra: into new arrays (a dashboard's first
          // open). metrics-cached: the same figures over the summary the dashboard keeps per
          // data version (what a dashboard filter change recomputes).
          const r = ratio(t.cold.median, t.duckdb.median)
          push({ op: 'metrics', size, median_ms: t.cold.median, p95_ms: t.cold.p95, value: t.cold.median, unit: 'ms', baseline: 'DuckDB, same SQL-equivalent numbers', baseline_median_ms: t.duckdb.median, ratio: r, budget: `<= ${abs} ms; <= 2x DuckDB; <= 2x cached`, met: t.cold.median <= abs && r <= 2 && t.cold.median <= 2 * t.ours.median, extra: { fresh_summary_median_ms: t.fresh.median, fresh_summary_ratio_vs_duckdb: ratio(t.fresh.median, t.duckdb.median), naive_js_median_ms: t.naive.median, ratio_vs_naive_js: ratio(t.cold.median, t.naive.median), ratio_vs_cached: ratio(t.cold.median, t.ours.median) }, note: 'stage summary built from the event columns and the record columns each run, by the dashboard cache for a new data version (summarizeStageHistory into the replaced summary\'s columns: join, grouping, visits; amount column kept with it), then the metrics; extra.fresh_summary: the same with the summary built into new arrays (a first open)' })
          const rw = ratio(t.ours.median, t.duckdb.median)
          push({ op: 'metrics-cached', size, median_ms: t.ours.median, p95_ms: t.ours.p95, value: t.ours.median, unit: 'ms', baseline: 'DuckDB, same SQL-equivalent numbers', baseline_median_ms: t.duckdb.median, ratio: rw, budget: `reported (the metrics budget would be <= ${abs} ms)`, met: true, note: 'the same metrics over the stage summary the dashboard caches per data version (a dashboard filter change)' })
        }
        if (ops.has('waterfall')) {
          // Issue 14: the pipeline as it stood 90 days before "now" and the waterfall of those 90
          // days, rebuilt from the stage events; the stage summary built each run, as the metrics
          // row (the cached-summary figure in extra), against DuckDB on the same tables.
          const t = await benchWaterfall(ds, runs)
          const note = 'stage summary built from the events each run, then the figure; extra: over the dashboard\'s cached summary'
          const ra = ratio(t.asOfCold.median, t.asOfDuck.median)
          push({ op: 'as-of', size, median_ms: t.asOfCold.median, p95_ms: t.asOfCold.p95, value: t.asOfCold.median, unit: 'ms', baseline: 'DuckDB, same numbers (ops/waterfall-sql.ts)', baseline_median_ms: t.asOfDuck.median, ratio: ra, budget: '<= 2x DuckDB', met: ra <= 2, extra: { cached_summary_median_ms: t.asOf.median, ratio_cached_vs_duckdb: ratio(t.asOf.median, t.asOfDuck.median) }, note: `open pipeline per stage 90 days before now; ${note}` })
          const rw = ratio(t.waterfallCold.median, t.waterfallDuck.median)
          push({ op: 'waterfall', size, median_ms: t.waterfallCold.median, p95_ms: t.waterfallCold.p95, value: t.waterfallCold.median, unit: 'ms', baseline: 'DuckDB, same numbers (ops/waterfall-sql.ts)', baseline_median_ms: t.waterfallDuck.median, ratio: rw, budget: '<= 2x DuckDB', met: rw <= 2, extra: { cached_summary_median_ms: t.waterfall.median, ratio_cached_vs_duckdb: ratio(t.waterfall.median, t.waterfallDuck.median), bars: t.bars }, note: `every bar by count and amount over the last 90 days; ${note}` })
        }
        if (ops.has('dashboard')) {
          const t = await benchDashboard(ds, runs)
          push({ op: 'dashboard', size, median_ms: t.ours.median, p95_ms: t.ours.p95, value: t.ours.median, unit: 'ms', baseline: null, baseline_median_ms: null, ratio: null, budget: `<= ${atSize(size, 1000, 150)} ms`, met: t.ours.median <= atSize(size, 1000, 150), extra: { widgets: t.widgets, not_ok: t.failed }, note: 'computeWidget for every widget of the template sales dashboard, stage-summary cache cold; chart drawing not included' })
          push({ op: 'dashboard-filter', size, median_ms: t.filter.median, p95_ms: t.filter.p95, value: t.filter.median, unit: 'ms', baseline: null, baseline_median_ms: null, ratio: null, budget: 'reported', met: true, extra: { widgets: t.widgets }, note: 'all widgets recomputed after a dashboard filter change (owner filter, new now): stage summary cached for the data version, populations and figures recomputed' })
        }
        if (ops.has('history-import')) {
          // The issue's row: a stage-history log (one row per change, ~4.3 per deal) taken in as
          // the history import does it, against the record import of the same rows.
          // From 200k deals (~800k log rows; 252k deals make the issue's 1M events) one round of
          // both imports takes minutes: 3 timed runs (--runs-1m), as the browser ops at 1M.
          const t = await benchHistoryImport(ds, size >= 200_000 ? runs1m : runs)
          push({ op: 'history-import', size, median_ms: t.ours.median, p95_ms: t.ours.p95, value: t.ours.median, unit: 'ms', baseline: 'record import of the same log rows (every row a record)', baseline_median_ms: t.records.median, ratio: ratio(t.ours.median, t.records.median), budget: 'reported', met: true, extra: { log_rows: t.rows, deals: t.deals }, note: `${t.rows} log rows -> ${t.deals} records with their stage events; Node, memory adapter, both sides parse, check, build transactions and commit in batches of 1000` })
        }
        if (ops.has('sync')) {
          // Issue 12: first publish / first join of the workspace against pouchdb-server, and the
          // steady-state latency of one edit between two live devices. A whole workspace moves
          // per run (records + stage events), so fewer runs at 100k and up.
          const syncRuns = size >= 100_000 ? 1 : 3
          const t = await benchSync(ds, syncRuns)
          const docs = `${t.documents} documents (${size} records + their stage events + definitions)`
          push({ op: 'sync-publish', size, median_ms: t.publish.median, p95_ms: t.publish.p95, value: t.publish.median, unit: 'ms', baseline: 'PouchDB replicating the same documents from a database on the device', baseline_median_ms: t.publishBaseline.median, ratio: ratio(t.publish.median, t.publishBaseline.median), budget: 'reported', met: true, extra: { documents: t.documents, peak_heap_mb: t.publishHeapMb, runs: syncRuns }, note: `${docs}; Node, PouchDB mirror on LevelDB, pouchdb-server in memory on loopback; peak heap growth of the client ${t.publishHeapMb} MB` })
          push({ op: 'sync-join', size, median_ms: t.join.median, p95_ms: t.join.p95, value: t.join.median, unit: 'ms', baseline: 'PouchDB replicating the database into a fresh database on the device', baseline_median_ms: t.joinBaseline.median, ratio: ratio(t.join.median, t.joinBaseline.median), budget: 'reported', met: true, extra: { documents: t.documents, peak_heap_mb: t.joinHeapMb, runs: syncRuns, live_catch_up_ms: t.catchUpMs }, note: `${docs}: pulled, every document checked, restored locally in one write; peak heap growth ${t.joinHeapMb} MB; afterwards the live sync's first pass takes ${t.catchUpMs} ms to be caught up (two devices)` })
          push({ op: 'sync-latency', size, median_ms: t.latency.median, p95_ms: t.latency.p95, value: t.latency.median, unit: 'ms', baseline: 'one document between two live-syncing PouchDB databases', baseline_median_ms: t.latencyBaseline.median, ratio: ratio(t.latency.median, t.latencyBaseline.median), budget: 'reported (the browser test asks <= 5 s)', met: true, extra: { runs: t.latency.runs.length }, note: 'one edit committed on device A until device B\'s local store applied it, both engines live on the published workspace' })
        }
      }
      if (b) await browserOps(b, size)
    }
  }
  finally {
    await b?.close()
  }
  if (ops.has('bundle')) {
    const failed = process.env.FG_BENCH_BUNDLE_ERROR ?? (existsSync(dist) ? undefined : `no build at ${dist}: run through npm run bench (it builds with --manifest)`)
    if (failed) push({ op: 'bundle', size: 'home', median_ms: null, p95_ms: null, value: Number.NaN, unit: 'KB gzip', baseline: null, baseline_median_ms: null, ratio: null, budget: '<= 300 KB', met: false, note: failed })
    else for (const [route, s] of Object.entries(bundleSizes(dist))) {
      push({ op: 'bundle', size: route, median_ms: null, p95_ms: null, value: s.kb, unit: 'KB gzip', baseline: null, baseline_median_ms: null, ratio: null, budget: route === 'home' ? '<= 300 KB' : 'reported', met: route !== 'home' || s.kb <= 300, extra: { js_files: s.files } })
    }
  }
  writeResults(out, rows, { generatedAt: startedAt, finishedAt: new Date().toISOString(), sizes, runs, complete: true })
  console.log(`\n${table(rows)}\n\n${machine()}\nwritten: ${out}`)
  expect(rows.length).toBeGreaterThan(0)
})
