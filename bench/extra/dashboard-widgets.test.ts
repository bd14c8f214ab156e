/**
 * Per-widget times of the template's sales dashboard (logs only):
 *   FG_BENCH_N=100000 npx vitest run --config bench/vitest.bench.config.ts bench/extra/dashboard-widgets.test.ts
 * The first widget pays for the shared stage summary (cold cache); the rest reuse it.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { computeWidget } from '../../src/core/dashboard'
import { createDemoMembers, getTemplate } from '../../src/core/template'
import { dataset, OPP_FORM } from '../lib/data'
import { summarize } from '../lib/measure'

const N = Number(process.env.FG_BENCH_N ?? 100_000)
const RUNS = Number(process.env.FG_RUNS ?? 5)

setFlagsFromString('--expose-gc')
/** A full collection before each run, so a run does not pay for the garbage of the one before. */
const gc = runInNewContext('gc') as () => void

describe('dashboard widgets', () => {
  it(`should log each widget's time over ${N} opportunities`, () => {
    const ds = dataset(N)
    const bundle = getTemplate('sales-funnel')!.bundle
    const dashboard = bundle.dashboards[0]!
    const forms = bundle.forms.map(f => (f.id === OPP_FORM ? ds.form : f))
    const times = new Map<string, number[]>()
    const totals: number[] = []
    const cpu: number[] = []
    for (let run = 0; run <= RUNS; run++) {
      gc()
      const r0 = performance.now()
      const c0 = process.cpuUsage()
      const ctx = { forms, records: { [OPP_FORM]: [...ds.records] }, events: { [OPP_FORM]: { ...ds.columns } }, members: createDemoMembers('zh-CN'), filters: dashboard.filters ?? [], filterValues: {}, now: ds.now, locale: 'zh-CN' as const }
      for (const w of dashboard.widgets) {
        const t0 = performance.now()
        computeWidget(w, ctx)
        if (run > 0) times.set(`${w.id} (${w.type})`, [...times.get(`${w.id} (${w.type})`) ?? [], performance.now() - t0])
      }
      if (run > 0) totals.push(performance.now() - r0)
      const c1 = process.cpuUsage(c0)
      if (run > 0) cpu.push((c1.user + c1.system) / 1000)
      if (process.env.FG_VERBOSE) console.log(`run ${run}: ${[...times].map(([k, v]) => `${k.split(' ')[0]}=${(v[v.length - 1] ?? 0).toFixed(0)}`).join(' ')}`)
    }
    console.log(`all widgets: median ${summarize(totals).median} ms (${totals.map(t => t.toFixed(0)).join(', ')}); min ${Math.min(...totals).toFixed(1)} ms; CPU time median ${summarize(cpu).median} ms, min ${Math.min(...cpu).toFixed(1)} ms (${cpu.map(t => t.toFixed(0)).join(', ')})`)
    for (const [id, xs] of times) console.log(`${id.padEnd(36)} ${summarize(xs).median} ms (min ${Math.min(...xs).toFixed(2)})`)
    expect(times.size).toBe(dashboard.widgets.length)
  }, 3_600_000)
})
