/**
 * Saving a designed form: the one transaction that stores the new definition and rewrites the
 * records it affects (type conversions, removed options, forecast defaults when the forecast
 * starts following the stages), with the schema history appended.
 * Renames and reorders never touch records; deleted fields go to the trash with their values.
 */
import type { FieldDef, FormDef, Label, RecordRow, TrashedField } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import type { OptionRemap } from './options'
import { appendHistory, diffSchema } from './history'
import { remapOptionValues, removedOptionIds } from './options'
import { keepRemovedFields } from './trash'
import { convertRecords } from './type-change'
import { forecastStartValues } from '../records/forecast-follow'

/** Choices made in the designer that the definition alone does not say. */
export interface SaveChoices {
  /** Per field id: where records of each removed option go (absent options become empty). */
  remaps?: Record<string, OptionRemap>
  /** The label of a type-change copy kept in the trash, e.g. `金额（原值）`. */
  copyLabel?: (label: Label) => Label
}

/** What the save did to the records. */
export interface SaveReport {
  /** Per field whose type changed: how many values were rewritten, and the trash copy's id. */
  typeChanges: { fieldId: string, rewritten: number, trashId?: string }[]
  /** Per field: records whose removed options were remapped. */
  remapped: { fieldId: string, records: number }[]
  /** Records given forecast defaults or marked as set by hand because the forecast started following the stages. */
  forecastStarted?: number
  /** Records rewritten in total. */
  records: number
}

/** The definition to store, the transaction storing it with its record changes, and a report. */
export interface SavePlan {
  form: FormDef
  tx: Transaction
  report: SaveReport
}

const defaultCopyLabel = (label: Label): Label => (typeof label === 'string'
  ? `${label}（原值）`
  : { ...(label['zh-CN'] ? { 'zh-CN': `${label['zh-CN']}（原值）` } : {}), ...(label.en ? { en: `${label.en} (original)` } : {}) })

function mergeCounters(a: FormDef['serialCounters'], b: FormDef['serialCounters']): FormDef['serialCounters'] {
  if (!a && !b) return undefined
  const out: Record<string, number> = { ...b }
  for (const [k, v] of Object.entries(a ?? {})) out[k] = Math.max(v, out[k] ?? 0)
  return out
}

/**
 * Plans saving `draft` over `saved` (the stored definition, with `records` its live records).
 * Serial counters never go down, fields dropped without a trash entry are trashed, and the
 * changes are appended to the history. `now` becomes the form's updatedAt.
 */
export function planFormSave(saved: FormDef, draft: FormDef, records: readonly RecordRow[], now: number, choices: SaveChoices = {}): SavePlan {
  let form: FormDef = keepRemovedFields(saved, { ...structuredClone(draft), updatedAt: Math.max(now, saved.updatedAt + 1) }, now)
  const counters = mergeCounters(saved.serialCounters, form.serialCounters)
  if (counters) form.serialCounters = counters
  const before = new Map(saved.fields.map(f => [f.id, f]))
  const values = new Map<string, Record<string, unknown>>()
  const current = (r: RecordRow) => values.get(r.id) ?? r.values
  const byId = new Map(records.map(r => [r.id, r]))
  const report: SaveReport = { typeChanges: [], remapped: [], records: 0 }
  const trash: TrashedField[] = []
  for (const field of form.fields) {
    const old = before.get(field.id)
    if (!old) continue
    if (old.type !== field.type) {
      const rows = records.map(r => ({ ...r, values: current(r) }))
      const result = convertRecords(old, field, rows, now, choices.copyLabel ?? defaultCopyLabel)
      for (const [id, v] of result.values) values.set(id, v)
      if (result.trash) trash.push(result.trash)
      report.typeChanges.push({ fieldId: field.id, rewritten: result.values.size, ...(result.trash ? { trashId: result.trash.field.id } : {}) })
      continue
    }
    const removed = removedOptionIds(old, field)
    if (!removed.length) continue
    const remap: OptionRemap = Object.fromEntries(removed.map(id => [id, choices.remaps?.[field.id]?.[id] ?? null]))
    const changed = remapOptionValues(field as FieldDef, remap, records.map(r => ({ ...r, values: current(r) })))
    for (const [id, v] of changed) values.set(id, { ...current(byId.get(id)!), [field.id]: v })
    if (changed.size) report.remapped.push({ fieldId: field.id, records: changed.size })
  }
  // Forecast newly following the stages: existing deals get the defaults they lack, and values
  // already differing from them are marked as set by hand (kept through the next stage change).
  const started = forecastStartValues(saved, form, records, current)
  for (const [id, v] of started) values.set(id, v)
  if (started.size) report.forecastStarted = started.size
  if (trash.length) form = { ...form, trash: [...(form.trash ?? []), ...trash] }
  form = appendHistory(form, diffSchema(saved, form, now))
  // A schema change rewrites values without a user edit: the revision moves, updatedAt stays.
  const puts: RecordRow[] = records.filter(r => values.has(r.id)).map(r => ({ ...r, values: values.get(r.id)!, rev: r.rev + 1 }))
  report.records = puts.length
  const tx: Transaction = { defs: { put: [{ kind: 'form', doc: form }] } }
  if (puts.length) tx.records = { [form.id]: { put: puts } }
  return { form, tx, report }
}
