/** The subtitle of a funnel or conversion widget: which records its figures count (cohort, period or now). */
import type { FormDef, Locale } from '../schema/types'
import { labelText } from '../utils/label'
import type { FunnelBasis, FunnelMode } from './config-types'
import type { DashboardContext } from './context'
import { activeDateSpan, filterValueOf } from './dashboard-filters'

/** The label of the field the dashboard's active date filter reads on `form`, if any. */
function dateFieldLabel(form: FormDef, ctx: DashboardContext, locale: Locale): string | undefined {
  for (const f of ctx.filters) {
    if (f.kind !== 'dateRange' || filterValueOf(f, ctx) === undefined) continue
    const target = f.targets.find(t => t.formId === form.id)
    const field = form.fields.find(x => x.id === target?.field)
    if (field) return labelText(field.label, locale) || field.id
  }
  return undefined
}

/**
 * In words, per locale: a snapshot shows deals now; a cohort counts the records whose date lies
 * in the dashboard's period, followed to now; a period counts the stage entries made in it.
 */
export function basisNote(form: FormDef, mode: FunnelMode, basis: FunnelBasis, ctx: DashboardContext): Record<Locale, string> {
  const name = (l: Locale) => labelText(form.name, l) || form.id
  if (mode === 'snapshot') return { 'zh-CN': `快照 · ${name('zh-CN')}现在所在的阶段`, 'en': `Snapshot · where ${name('en')} are now` }
  const span = activeDateSpan(form.id, ctx)
  if (basis === 'period') {
    return span
      ? { 'zh-CN': `期间 · ${span.from} 至 ${span.to} 发生的阶段进入（不论记录何时创建）`, 'en': `Period · stage entries made ${span.from} – ${span.to}, whoever made them` }
      : { 'zh-CN': '期间 · 全部时间的阶段进入', 'en': 'Period · stage entries of all time' }
  }
  if (!span) return { 'zh-CN': `队列 · 全部${name('zh-CN')}，跟踪到现在`, 'en': `Cohort · all ${name('en')}, followed to now` }
  const zh = dateFieldLabel(form, ctx, 'zh-CN') ?? ''
  const en = dateFieldLabel(form, ctx, 'en') ?? ''
  return {
    'zh-CN': `队列 · ${zh}在 ${span.from} 至 ${span.to} 的${name('zh-CN')}，跟踪到现在`,
    'en': `Cohort · ${name('en')} with ${en} ${span.from} – ${span.to}, followed to now`,
  }
}
