import type { LocalizedMessage, ParseContext } from '../fields/behaviour'
import type { FieldDef, Locale, RecordRow } from '../schema/types'
import type { CellCoercer } from './coerce-cell'
import type { ImportInput, ImportPlan, RejectedCell } from './import-types'
import type { KeyIndex } from './key-index'
import { behaviourOf } from '../fields/registry'
import { isEmptyValue } from '../fields/shared/empty'
import { labelText } from '../utils/label'
import { cellCoercer } from './coerce-cell'
import { dateOrderOf } from './date-format'
import { indexBy, keyOf } from './key-index'
import { relationResolver } from './relation-resolver'

interface Column { col: number, header: string, field: FieldDef, coerce: CellCoercer }

interface Context {
  input: ImportInput
  locale: Locale
  columns: Column[]
  byId: Map<string, RecordRow>
  fields: Map<string, FieldDef>
  upsert?: { fieldId: string, index: KeyIndex, seen: Map<string, number> }
  unique: { field: FieldDef, index: KeyIndex, seen: Map<string, number> }[]
}

/**
 * Plans an import without writing anything: coerces each mapped cell with its field type,
 * links relations by title, matches rows to existing records by `upsertKey`, checks unique
 * fields against the form and the file, and validates each whole record. A row with any
 * problem is rejected whole, listing every problem with its line, column and reason.
 */
export function planImport(input: ImportInput): ImportPlan {
  const ctx = contextOf(input)
  const plan: ImportPlan = { formId: input.form.id, inserts: [], insertLines: [], updates: [], rejected: [], rejectedRows: 0, totalRows: input.rows.length }
  const rows = input.rows
  for (let i = 0; i < rows.length; i++) planRow(rows[i] ?? [], i + 2, ctx, plan)
  return plan
}

function contextOf(input: ImportInput): Context {
  const fields = new Map(input.form.fields.map(f => [f.id, f]))
  const parse: ParseContext = { dateFormat: input.dateFormat ? dateOrderOf(input.dateFormat) : undefined, members: input.members }
  const relation = input.relationTitles ? relationResolver(input.relationTitles) : undefined
  const columns: Column[] = []
  input.mapping.forEach((fieldId, col) => {
    const field = fieldId === null ? undefined : fields.get(fieldId)
    if (field && !behaviourOf(field).computed) {
      const coerce = cellCoercer(field, parse, relation, input.formulaEscaped ?? true)
      columns.push({ col, header: input.headers[col] ?? '', field, coerce })
    }
  })
  const mapped = new Set(columns.map(c => c.field.id))
  if (input.upsertKey !== undefined && !mapped.has(input.upsertKey))
    throw new Error(`planImport: the upsert key field ${input.upsertKey} is not mapped to a column`)
  return {
    input,
    locale: input.locale ?? 'zh-CN',
    columns,
    byId: new Map(input.existing.map(r => [r.id, r])),
    fields,
    upsert: input.upsertKey === undefined ? undefined : { fieldId: input.upsertKey, index: indexBy(input.existing, input.upsertKey), seen: new Map() },
    unique: columns.filter(c => c.field.unique && c.field.id !== input.upsertKey)
      .map(c => ({ field: c.field, index: indexBy(input.existing, c.field.id), seen: new Map<string, number>() })),
  }
}

/** Plans one row into `plan`: an insert, an update, or every problem of the refused row. */
function planRow(row: readonly string[], line: number, ctx: Context, plan: ImportPlan): void {
  const issues: RejectedCell[] = []
  const reject: Reject = (field, reason) => {
    const c = ctx.columns.find(x => x.field.id === field.id)
    issues.push({ row: line, column: c?.header ?? '', fieldId: field.id, field: labelText(field.label, ctx.locale), value: c ? row[c.col] ?? '' : '', reason })
  }
  // Without an upsert key every row is new, and new records leave empty values out: they are
  // skipped here instead of copied out afterwards (key checks read an absent and an empty value alike).
  const keepEmpty = ctx.upsert !== undefined
  const values: Record<string, unknown> = {}
  for (const c of ctx.columns) {
    const res = c.coerce(row[c.col] ?? '')
    if (!res.ok) reject(c.field, res.error)
    else if (keepEmpty || !isEmptyValue(res.value)) values[c.field.id] = res.value
  }
  if (issues.length) return rejectRow(issues, plan)

  const target = ctx.upsert ? matchExisting(values, ctx, reject) : undefined
  if (ctx.unique.length) checkUnique(values, target?.id, ctx, reject)
  const full = target ? { ...target.values, ...values } : keepEmpty ? compact(values) : values
  for (const issue of ctx.input.validate(full, target?.values)) {
    const field = ctx.fields.get(issue.fieldId) ?? { id: issue.fieldId, type: 'text', label: issue.label ?? issue.fieldId }
    reject(field, issue.message)
  }
  if (issues.length) return rejectRow(issues, plan)

  if (ctx.upsert || ctx.unique.length) remember(values, line, ctx)
  if (target) plan.updates.push({ recordId: target.id, values })
  else {
    plan.inserts.push(full)
    plan.insertLines.push(line)
  }
}

function rejectRow(issues: readonly RejectedCell[], plan: ImportPlan): void {
  for (const issue of issues) plan.rejected.push(issue)
  plan.rejectedRows++
}

type Reject = (field: FieldDef, reason: LocalizedMessage) => void

function matchExisting(values: Record<string, unknown>, ctx: Context, reject: Reject): RecordRow | undefined {
  if (!ctx.upsert) return undefined
  const key = keyOf(values[ctx.upsert.fieldId])
  if (key === undefined) return undefined
  const field = ctx.columns.find(c => c.field.id === ctx.upsert?.fieldId)?.field
  const earlier = ctx.upsert.seen.get(key)
  const ids = ctx.upsert.index.get(key) ?? []
  if (field && earlier !== undefined)
    reject(field, { 'zh-CN': `与第 ${earlier} 行重复：同一条记录在文件中出现两次`, 'en': `same key as line ${earlier}: the record appears twice in the file` })
  else if (field && ids.length > 1)
    reject(field, { 'zh-CN': `已有 ${ids.length} 条记录具有此值，无法确定更新哪一条`, 'en': `${ids.length} existing records have this value; cannot tell which to update` })
  const id = ids.length === 1 ? ids[0] : undefined
  return id === undefined ? undefined : ctx.byId.get(id)
}

function checkUnique(values: Record<string, unknown>, targetId: string | undefined, ctx: Context, reject: Reject): void {
  for (const u of ctx.unique) {
    const key = keyOf(values[u.field.id])
    if (key === undefined) continue
    const earlier = u.seen.get(key)
    if (earlier !== undefined)
      reject(u.field, { 'zh-CN': `值不能重复：第 ${earlier} 行已有此值`, 'en': `must be unique: line ${earlier} has the same value` })
    else if ((u.index.get(key) ?? []).some(id => id !== targetId))
      reject(u.field, { 'zh-CN': '值不能重复：已有记录使用此值', 'en': 'must be unique: an existing record has this value' })
  }
}

function remember(values: Record<string, unknown>, line: number, ctx: Context): void {
  const upKey = ctx.upsert ? keyOf(values[ctx.upsert.fieldId]) : undefined
  if (ctx.upsert && upKey !== undefined) ctx.upsert.seen.set(upKey, line)
  for (const u of ctx.unique) {
    const key = keyOf(values[u.field.id])
    if (key !== undefined) u.seen.set(key, line)
  }
}

/** New records leave empty values out (false and 0 are values). */
function compact(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in values) {
    const v = values[key]
    if (!isEmptyValue(v)) out[key] = v
  }
  return out
}
