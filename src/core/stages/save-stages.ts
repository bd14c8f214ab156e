/**
 * Saving a customised stage field: the new form definition, plus the records of removed
 * stages moved to the stages the user picked and the records whose stage's forecast default
 * changed (those not set by hand), as one transaction (with stage events and change-log
 * entries, like any other stage change).
 */
import type { FieldOf, FormDef, RecordRow } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import type { RecordPatch, WriteContext, WriteIssue } from '../records/mutations'
import { updateRecords } from '../records/mutations'
import { prunePipelineStages } from './pipeline-ops'
import { forecastRefreshPatches } from '../records/forecast-follow'

/** Records in stage `from` (removed) go to stage `to`. */
export interface StageMove {
  from: string
  to: string
}

/** The saved form and its transaction, or the records the form's other rules refused to move. */
export type SaveStagesResult
  = | { ok: true, form: FormDef, tx: Transaction }
    | { ok: false, issues: { recordId: string, issues: WriteIssue[] }[] }

/** Number of records per stage id of `fieldId` (records without a stage are not counted). */
export function countByStage(records: readonly RecordRow[], fieldId: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const r of records) {
    const v = r.values[fieldId]
    if (typeof v === 'string' && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1)
  }
  return counts
}

/** Stage ids that records still hold but `next` no longer has, and no move covers. */
export function unmovedStages(next: FieldOf<'stage'>, records: readonly RecordRow[], moves: readonly StageMove[]): string[] {
  const live = new Set(next.options.stages.map(s => s.id))
  const moved = new Set(moves.filter(m => live.has(m.to)).map(m => m.from))
  return [...countByStage(records, next.id).keys()].filter(id => !live.has(id) && !moved.has(id))
}

/**
 * The transaction saving `next` into `form` and moving records as `moves` say. Gates are not
 * checked for these moves: the user picked the target while removing a stage, and refusing
 * would leave records in a stage that no longer exists (the form's submit rules and unique
 * checks still apply, see updateRecords). Throws when a record would be left in
 * a removed stage, or a move targets a stage that does not exist.
 */
export function saveStagesTransaction(form: FormDef, edited: FieldOf<'stage'>, records: readonly RecordRow[], moves: readonly StageMove[], ctx: WriteContext): SaveStagesResult {
  // a stage removed in the editor leaves every pipeline's set with it
  const next = prunePipelineStages(edited)
  const live = new Set(next.options.stages.map(s => s.id))
  const bad = moves.find(m => !live.has(m.to))
  if (bad) throw new Error(`cannot move records to stage ${bad.to}: it is not a stage of ${next.id}`)
  const left = unmovedStages(next, records, moves)
  if (left.length > 0) throw new Error(`records are still in removed stage(s) ${left.join(', ')}`)
  const nextForm: FormDef = { ...form, fields: form.fields.map(f => (f.id === next.id ? next : f)), updatedAt: ctx.now }
  const target = new Map(moves.map(m => [m.from, m.to]))
  const patches: RecordPatch[] = []
  for (const r of records) {
    const to = target.get(r.values[next.id] as string)
    if (to !== undefined) patches.push({ recordId: r.id, values: { [next.id]: to } })
  }
  patches.push(...forecastRefreshPatches(form, nextForm, records, new Set(patches.map(p => p.recordId))))
  const defs: Transaction['defs'] = { put: [{ kind: 'form', doc: nextForm }] }
  if (patches.length === 0) return { ok: true, form: nextForm, tx: { defs } }
  const byId = new Map(records.map(r => [r.id, r]))
  const result = updateRecords(nextForm, byId, patches, () => [], ctx)
  if (!result.ok) return result
  return { ok: true, form: nextForm, tx: { ...result.tx, defs } }
}
