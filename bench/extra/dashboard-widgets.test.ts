/**
 * Per-widget times of the template's sales dashboard (logs only):
 *   FG_BENCH_N=100000 npx vitest run --config bench/vitest.bench.config.ts bench/extra/dashboard-widgets.test.ts
 * The first widget pays for the shared stage summary (cold cache); the rest reuse it.
 */
import { describe, expect, it } from 'vitest'
import { computeWidget } from '../../src/core/dashboard'
import { createDemoMembers, getTemplate } from '../../src/core/template'
import { dataset, OPP_FORM } from '../lib/data'
import { summarize } from '../lib/measure'

const N = Number(process.env.FG_BENCH_N ?? 100_000)

describe('dashboard widgets', () => {
  it(`should log each widget's time over ${N} opportunities`, () => {
    const ds = dataset(N)
    const bundle = getTemplate('sales-funnel')!.bundle
    const dashboard = bundle.dashboards[0]!
    const forms = bundle.forms.map(f => (f.id === OPP_FORM ? ds.form : f))
    const times = new Map<string, number[]>()
    for (let run = 0; run < 6; run++) {
      const ctx = { forms, records: { [OPP_FORM]: [...ds.records] }, events: { [OPP_FORM]: [...ds.events] }, members: createDemoMembers('zh-CN'), filters: dashboard.filters ?? [], filterValues: {}, now: ds.now, locale: 'zh-CN' as const }
      for (const w of dashboard.widgets) {
        const t0 = performance.now()
        computeWidget(w, ctx)
        if (run > 0) times.set(`${w.id} (${w.type})`, [...times.get(`${w.id} (${w.type})`) ?? [], performance.now() - t0])
      }
    }
    for (const [id, xs] of times) console.log(`${id.padEnd(36)} ${summarize(xs).median} ms`)
    expect(times.size).toBe(dashboard.widgets.length)
  }, 3_600_000)
})
