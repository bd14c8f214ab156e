/** dashboard: every widget of the template's sales dashboard computed with computeWidget (Node; drawing not included). */
import type { DashboardContext } from '../../src/core/dashboard'
import { computeWidget } from '../../src/core/dashboard'
import type { DashboardDef, FormDef } from '../../src/core/schema/types'
import { createDemoMembers, getTemplate } from '../../src/core/template'
import type { Dataset } from '../lib/data'
import { OPP_FORM } from '../lib/data'
import type { Timing } from '../lib/measure'
import { measureAll } from '../lib/measure'

/** The template dashboard and a context over the dataset (other forms empty). */
function setup(ds: Dataset): { dashboard: DashboardDef, ctx: DashboardContext } {
  const bundle = getTemplate('sales-funnel')?.bundle
  const dashboard = bundle?.dashboards[0]
  if (!bundle || !dashboard) throw new Error('sales-funnel template has no dashboard')
  const forms: FormDef[] = bundle.forms.map(f => (f.id === OPP_FORM ? ds.form : f))
  return {
    dashboard,
    ctx: {
      forms, records: { [OPP_FORM]: ds.records }, events: { [OPP_FORM]: ds.columns }, members: createDemoMembers('zh-CN'),
      filters: dashboard.filters ?? [], filterValues: {}, now: ds.now, locale: 'zh-CN',
    },
  }
}

/**
 * Computes all widgets. `ours`: each run gets fresh (shallow-copied, untimed) record and event
 * arrays, so the dashboard's stage-summary cache starts cold, as after opening the page or a
 * write. `filter`: the same data (same arrays and dataVersion, summary cached), the owner
 * filter set to another member and a new "now" each run, as when a user changes a dashboard
 * filter (populations and figures recomputed).
 */
export async function benchDashboard(ds: Dataset, runs: number): Promise<{ ours: Timing, filter: Timing, widgets: number, failed: string[] }> {
  const { dashboard, ctx } = setup(ds)
  const failed = dashboard.widgets
    .filter(w => computeWidget(w, ctx).status !== 'ok')
    .map(w => w.id)
  const t = await measureAll({
    ours: () => {
      const fresh: DashboardContext = { ...ctx, records: { [OPP_FORM]: [...ds.records] }, events: { [OPP_FORM]: { ...ds.columns } } }
      const t0 = performance.now()
      for (const w of dashboard.widgets) computeWidget(w, fresh)
      return performance.now() - t0
    },
  }, { runs })
  const owners = ctx.members.map(m => m.id)
  const warm: DashboardContext = { ...ctx, dataVersion: 1 }
  for (const w of dashboard.widgets) computeWidget(w, warm)
  let round = 0
  const f = await measureAll({
    filter: () => {
      round++
      const changed: DashboardContext = { ...warm, now: ds.now + round, filterValues: { flt_owner: [owners[round % owners.length] ?? ''] } }
      const t0 = performance.now()
      for (const w of dashboard.widgets) computeWidget(w, changed)
      return performance.now() - t0
    },
  }, { runs })
  return { ours: t.ours, filter: f.filter, widgets: dashboard.widgets.length, failed }
}
