/**
 * Logs-only: the cold metrics op's phases and the cold template dashboard's widgets, timed
 * alone (no DuckDB or naive JS run between the rounds, no profiler), min and median of
 * FG_ROUNDS rounds after 3 untimed ones. For comparing two builds side by side (run it in
 * each worktree, alternating):
 *   FG_BENCH_N=100000 npx vitest run --config bench/vitest.bench.config.ts --project bench-extra bench/extra/metrics-phases.test.ts
 * FG_PHASES_OPS=metrics or dashboard (default both), FG_ROUNDS (default 15), FG_PHASES_SUMMARY
 * (the metrics' summary: after-write, the default, as the bench op, or fresh; ops/metrics.ts
 * SummarySource). Time one op per
 * process when comparing: after the metrics rounds, the dashboard's in the same process ran 2-4x
 * slower (7 Dec, load 7; GC state left by the discarded summaries, not profiled).
 */
import { expect, it } from 'vitest'
import type { DashboardContext } from '../../src/core/dashboard'
import { computeWidget } from '../../src/core/dashboard'
import { conversionFromFunnel, cumulativeFunnel, timeInStage } from '../../src/core/metrics'
import type { FormDef } from '../../src/core/schema/types'
import { createDemoMembers, getTemplate } from '../../src/core/template'
import { AMOUNT_FIELD, dataset, OPP_FORM } from '../lib/data'
import type { SummarySource } from '../ops/metrics'
import { metricSummary } from '../ops/metrics'

const N = Number(process.env.FG_BENCH_N ?? 100_000)
const ROUNDS = Number(process.env.FG_ROUNDS ?? 15)
const OPS = new Set((process.env.FG_PHASES_OPS ?? 'metrics,dashboard').split(','))
const SUMMARY = (process.env.FG_PHASES_SUMMARY ?? 'after-write') as SummarySource
const WARMUP = 3

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b)
  return `min ${s[0]!.toFixed(1)} median ${s[s.length >> 1]!.toFixed(1)} ms`
}

/** Runs `round` WARMUP + ROUNDS times; each returns its phases' ms; logs min and median per phase. */
function timed(name: string, round: () => Record<string, number>): void {
  const phases = new Map<string, number[]>()
  for (let r = 0; r < WARMUP + ROUNDS; r++) {
    const t = round()
    if (r < WARMUP) continue
    for (const [k, ms] of Object.entries(t)) phases.set(k, [...(phases.get(k) ?? []), ms])
  }
  console.log(`${name} ${N}, ${ROUNDS} rounds:\n${[...phases].map(([k, xs]) => `  ${k}: ${stats(xs)}`).join('\n')}`)
}

it('times the cold metrics phases and the cold dashboard widgets', () => {
  const ds = dataset(N)
  if (OPS.has('metrics')) {
    timed(`metrics (cold, summary ${SUMMARY})`, () => {
      const t0 = performance.now()
      const { summary, field } = metricSummary(ds, SUMMARY)
      const t1 = performance.now()
      const input = { records: ds.records, events: ds.columns, field, summary, options: { amountField: AMOUNT_FIELD, now: ds.now } }
      conversionFromFunnel(cumulativeFunnel(input))
      const t2 = performance.now()
      timeInStage(input)
      const t3 = performance.now()
      return { 'summary': t1 - t0, 'funnel + conversion': t2 - t1, 'time in stage': t3 - t2, 'all': t3 - t0 }
    })
  }
  if (OPS.has('dashboard')) {
    const bundle = getTemplate('sales-funnel')!.bundle
    const dashboard = bundle.dashboards[0]!
    const forms: FormDef[] = bundle.forms.map(f => (f.id === OPP_FORM ? ds.form : f))
    const ctx: DashboardContext = { forms, records: { [OPP_FORM]: ds.records }, events: { [OPP_FORM]: ds.columns }, members: createDemoMembers('zh-CN'), filters: dashboard.filters ?? [], filterValues: {}, now: ds.now, locale: 'zh-CN' }
    timed('dashboard (cold, as the bench op: fresh shallow copies of the arrays)', () => {
      const fresh: DashboardContext = { ...ctx, records: { [OPP_FORM]: [...ds.records] }, events: { [OPP_FORM]: { ...ds.columns } } }
      const t: Record<string, number> = {}
      let all = 0
      dashboard.widgets.forEach((w, k) => {
        const t0 = performance.now()
        computeWidget(w, fresh)
        const ms = performance.now() - t0
        t[`${k + 1} ${w.type}`] = ms
        all += ms
      })
      t.all = all
      return t
    })
  }
  expect(OPS.size).toBeGreaterThan(0)
}, 3_600_000)
