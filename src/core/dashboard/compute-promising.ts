/**
 * The "most promising leads" table (a table widget's `promising` preset): the open deals of a
 * stage field (of the widget's pipeline when the field splits by one) with the highest score, highest first, each with the rules and learned values
 * behind its score ("why"). Records without a score come last.
 */
import type { FieldDef, FieldOf, FormDef, Locale } from '../schema/types'
import type { DashboardContext } from './context'
import type { TableData, WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import type { Resolver } from './resolve'
import { scoreWhyLines } from '../records/score-values'
import { cellText } from './cell-text'
import { filteredRecords } from './dashboard-filters'
import { pipelineFilter, pipelineStageField } from '../stages/pipelines'

const WHY_LABEL = { 'zh-CN': '评分依据', 'en': 'Why' }
const NONE = { 'zh-CN': '没有规则命中', 'en': 'no rule fired' }

function signed(n: number): string {
  return n > 0 ? `+${n}` : n === 0 ? '±0' : `−${Math.abs(n)}`
}

/** The promising-leads table of `form`; `fields` are the configured columns. */
export function computePromising(w: WidgetOf<'table'>, ctx: DashboardContext, form: FormDef, fields: readonly FieldDef[], r: Resolver): WidgetResult {
  const c = w.config
  const score = r.field(form, c.scoreField ?? form.fields.find(f => f.type === 'score')?.id, 'scoreField', ['score']) as FieldOf<'score'> | undefined
  const stageId = c.stageField ?? form.fields.find(f => f.type === 'stage')?.id
  const stage = stageId === undefined ? undefined : r.stage(form, stageId, 'stageField', c.pipeline)
  if (!r.ok || !score) return { status: 'needsConfig', problems: r.problems }
  const locale: Locale = ctx.locale ?? 'zh-CN'
  // one pipeline's open deals only (the widget's pipeline, else the first), like every stage widget
  const open = stage ? new Set(pipelineStageField(stage, c.pipeline).options.stages.filter(s => s.kind === 'open').map(s => s.id)) : undefined
  const inPipeline = stage ? pipelineFilter(stage, c.pipeline) : undefined
  const filter = inPipeline && c.filter ? { and: [c.filter, inPipeline] } : inPipeline ?? c.filter
  const records = filteredRecords(form, filter, ctx).filter(rec => !open || open.has(rec.values[stage!.id] as string))
  const value = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : -Infinity)
  const sorted = records.map((rec, i) => ({ rec, i, s: value(rec.values[score.id]) })).sort((a, b) => b.s - a.s || a.i - b.i)
  const shown = fields.filter(f => f.id !== score.id)
  const fmt = { locale, members: ctx.members }
  const rows = sorted.slice(0, c.limit ?? 10).map(({ rec }) => {
    const why = scoreWhyLines(form, score, rec.values, rec.updatedAt, fmt).lines
    const whyText = why.length ? why.map(l => `${l.text} ${signed(l.points)}`).join(locale === 'zh-CN' ? '；' : '; ') : NONE[locale]
    return { id: rec.id, cells: [...shown.map(f => cellText(rec, f, locale, ctx.members)), cellText(rec, score, locale, ctx.members), whyText] }
  })
  const columns: TableData['columns'] = [...shown.map(f => ({ field: f.id, label: f.label })), { field: score.id, label: score.label }, { field: '_scoreWhy', label: WHY_LABEL }]
  return { status: 'ok', data: { type: 'table', columns, rows, total: records.length } }
}
