/**
 * The "most promising leads" table (a table widget's `promising` preset): the open deals of a
 * stage field (of the widget's pipeline when the field splits by one) with the highest score, highest first, each with the rules and learned values
 * behind its score ("why"). Records without a score come last.
 */
import type { Filter } from '../schema/filter'
import type { FieldDef, FieldOf, FormDef, Locale, RecordRow } from '../schema/types'
import { perValue, recordColumns } from '../metrics'
import type { DashboardContext } from './context'
import type { TableData, WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import type { Resolver } from './resolve'
import { scoreWhyLines } from '../records/score-values'
import { cellText } from './cell-text'
import { combinedFilter, dashboardConditions, filterPopulation } from './dashboard-filters'
import { pipelineFilter, pipelineStageField } from '../stages/pipelines'

const WHY_LABEL = { 'zh-CN': '评分依据', 'en': 'Why' }
const NONE = { 'zh-CN': '没有规则命中', 'en': 'no rule fired' }

function signed(n: number): string {
  return n > 0 ? `+${n}` : n === 0 ? '±0' : `−${Math.abs(n)}`
}

/**
 * The `limit` records kept by `filter` (and open in `stage`, when given) with the highest score,
 * highest first (a score that is not a number counts as -Infinity; ties in record order), and
 * how many were kept: one pass over the records' columns, holding the best `limit` so far.
 */
function topScored(records: readonly RecordRow[], filter: Filter | undefined, form: FormDef, ctx: DashboardContext, scoreId: string, stage: { stageId: string, open: ReadonlySet<string> } | undefined, limit: number): { top: RecordRow[], total: number } {
  const rc = recordColumns(records)
  const kept = filterPopulation(records, combinedFilter(filter, dashboardConditions(form.id, ctx)), form, ctx, rc)
  const isOpen = stage === undefined ? () => true : perValue(rc, stage.stageId, v => stage.open.has(v as string))
  const numbers = rc.number(scoreId)
  // a string that reads as a number has a code: only a number value scores
  const strings = rc.codes(scoreId).codes
  const best: { i: number, s: number }[] = []
  let total = 0
  for (let i = 0; i < records.length; i++) {
    if (kept[i] !== 1 || !isOpen(i)) continue
    total++
    const n = numbers[i] as number
    const s = (strings[i] as number) < 0 && n === n ? n : -Infinity
    if (best.length === limit && !(s > best[limit - 1]!.s)) continue
    let k = best.length
    while (k > 0 && best[k - 1]!.s < s) k--
    best.splice(k, 0, { i, s })
    if (best.length > limit) best.pop()
  }
  return { top: best.map(b => records[b.i] as RecordRow), total }
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
  const { top, total } = topScored(ctx.records[form.id] ?? [], filter, form, ctx, score.id, stage === undefined || open === undefined ? undefined : { stageId: stage.id, open }, c.limit ?? 10)
  const shown = fields.filter(f => f.id !== score.id)
  const fmt = { locale, members: ctx.members }
  const rows = top.map((rec) => {
    const why = scoreWhyLines(form, score, rec.values, rec.updatedAt, fmt).lines
    const whyText = why.length ? why.map(l => `${l.text} ${signed(l.points)}`).join(locale === 'zh-CN' ? '；' : '; ') : NONE[locale]
    return { id: rec.id, cells: [...shown.map(f => cellText(rec, f, locale, ctx.members)), cellText(rec, score, locale, ctx.members), whyText] }
  })
  const columns: TableData['columns'] = [...shown.map(f => ({ field: f.id, label: f.label })), { field: score.id, label: score.label }, { field: '_scoreWhy', label: WHY_LABEL }]
  return { status: 'ok', data: { type: 'table', columns, rows, total } }
}
