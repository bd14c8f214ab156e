import { behaviourOf } from '../fields'
import { stalledRecords } from '../metrics'
import { runQuery } from '../query'
import type { FieldDef, FormDef, Label, Locale } from '../schema/types'
import { labelText } from '../utils/label'
import type { DashboardContext } from './context'
import type { TableData, WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import { cellText } from './cell-text'
import { filteredRecords } from './dashboard-filters'
import { Resolver } from './resolve'
import { stageInput } from './stage-input'
import { computePromising } from './compute-promising'

/** Kinds of fields a default table leaves out: layout items and nested values (files, subform rows). */
const SKIPPED_KINDS: ReadonlySet<string> = new Set(['none', 'presence'])

/** Columns of a table: the configured fields, or the form's first five data fields. */
function tableColumns(form: FormDef, ids: readonly string[] | undefined, r: Resolver): FieldDef[] {
  if (!ids || ids.length === 0) return form.fields.filter(f => !SKIPPED_KINDS.has(behaviourOf(f).queryKind(f))).slice(0, 5)
  return ids.map((id, i) => r.field(form, id, `columns.${i}`)).filter((f): f is FieldDef => f !== undefined)
}

/** Default columns of the promising-leads table: the first three data fields that are not scores or links (a table cell shows a linked record's id). */
function promisingColumns(form: FormDef): FieldDef[] {
  return form.fields.filter(f => !SKIPPED_KINDS.has(behaviourOf(f).queryKind(f)) && f.type !== 'score' && f.type !== 'relation' && f.type !== 'lookup').slice(0, 3)
}

/**
 * Table widget: filtered, sorted records cut to `limit` rows; or the "stalled deals" preset:
 * open records past their stage's stalled threshold, longest first, with days and limit; or the
 * "most promising leads" preset (compute-promising.ts).
 */
export function computeTable(w: WidgetOf<'table'>, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const stage = c.preset === 'stalled' ? r.stage(form, c.stageField, 'stageField', c.pipeline) : undefined
  const fields = form ? tableColumns(form, c.columns, r) : []
  if (form && c.preset === 'promising') return computePromising(w, ctx, form, c.columns?.length ? fields : promisingColumns(form), r)
  if (!r.ok || !form) return { status: 'needsConfig', problems: r.problems }
  const locale: Locale = ctx.locale ?? 'zh-CN'
  const limit = c.limit ?? 20
  const columns: TableData['columns'] = fields.map(f => ({ field: f.id, label: f.label }))
  const text = (rec: Parameters<typeof cellText>[0], f: FieldDef): string => cellText(rec, f, locale, ctx.members)
  if (stage) {
    const shown = fields.filter(f => f.id !== stage.id)
    const input = stageInput(form, stage, c, ctx)
    const stalled = stalledRecords(input)
    const stageName = (id: string): string => labelText(stage.options.stages.find(s => s.id === id)?.label, locale)
    const extra: { field: string, label: Label }[] = [
      { field: stage.id, label: stage.label },
      { field: '_stalledDays', label: { 'zh-CN': '停留天数', 'en': 'Days in stage' } },
      { field: '_stalledLimit', label: { 'zh-CN': '上限（天）', 'en': 'Limit (days)' } },
    ]
    const rows = stalled.slice(0, limit).map((s) => {
      const rec = input.records[s.recordIndex]!
      return { id: s.recordId, cells: [...shown.map(f => text(rec, f)), stageName(s.stageId), s.days.toFixed(1), String(s.thresholdDays)] }
    })
    const cols = [...shown.map(f => ({ field: f.id, label: f.label })), ...extra]
    return { status: 'ok', data: { type: 'table', columns: cols, rows, total: stalled.length } }
  }
  const records = filteredRecords(form, c.filter, ctx)
  const sorted = c.sort && c.sort.length > 0 ? runQuery(records, { sort: c.sort }, form.fields, { now: ctx.now }, new Map(ctx.members.map(m => [m.id, m.name]))).records : records
  const rows = sorted.slice(0, limit).map(rec => ({ id: rec.id, cells: fields.map(f => text(rec, f)) }))
  return { status: 'ok', data: { type: 'table', columns, rows, total: records.length } }
}
