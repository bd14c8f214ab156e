/**
 * Undo and redo of record changes as inverse operations computed from the records as they
 * were before a write. Steps are replayed through the same validated write path as edits,
 * so an undone stage change appends a stage event like any other change.
 */
import type { FieldDef, FormDef, RecordRow } from '../schema/types'
import type { RecordChanges, Transaction } from '../storage/adapter'
import type { RecordPatch, ValuesValidator, WriteContext, WriteResult } from './mutations'
import { behaviourOf } from '../fields/registry'
import { assertNever } from '../utils/assert-never'
import { newId } from '../utils/id'
import { updateRecords } from './mutations'

/** One operation of an undo or redo, on one form's records. */
export type UndoOp
  /** Set these field values again (validated, logged, stage events appended). */
  = | { kind: 'patch', patches: RecordPatch[] }
  /** Move these records to the recycle bin. */
    | { kind: 'trash', ids: string[] }
  /** Bring these records back from the recycle bin, as they were. */
    | { kind: 'restore', rows: RecordRow[] }

/** What a step did, for the "undone: …" message. */
export type UndoAction = 'edit' | 'paste' | 'fill' | 'clear' | 'add' | 'delete' | 'batch' | 'restore' | 'import'

/** One undoable user action on one form: the operations that revert it and those that do it again. */
export interface UndoStep {
  formId: string
  action: UndoAction
  /** Cells changed (patched fields) plus records added, deleted or restored. */
  size: number
  undo: UndoOp[]
  redo: UndoOp[]
  /** Writes of one user action made in several commits (import batches) share a group and undo as one step. */
  group?: string
  /** Steps of other forms written by the same action (records its automations created or set): undone and redone with it, in one write. */
  also?: UndoStep[]
}

/** The steps of `older` and `newer` per form, merged where a form has both. */
function mergeAlso(older: readonly UndoStep[] = [], newer: readonly UndoStep[] = []): UndoStep[] | undefined {
  const out = [...older]
  for (const n of newer) {
    const i = out.findIndex(o => o.formId === n.formId)
    if (i >= 0) out[i] = mergeSteps(out[i]!, n)
    else out.push(n)
  }
  return out.length ? out : undefined
}

/** One step doing `newer` after `older` (same form): undo reverts newer first, redo replays older first. */
export function mergeSteps(older: UndoStep, newer: UndoStep): UndoStep {
  const merged: UndoStep = { ...older, size: older.size + newer.size, undo: [...newer.undo, ...older.undo], redo: [...older.redo, ...newer.redo] }
  const also = mergeAlso(older.also, newer.also)
  if (also) merged.also = also
  return merged
}

/**
 * The steps of one write as undo keeps them: the step of the form the user acted on holds the
 * other forms' steps (`also`), so one Ctrl+Z there reverts the records its automations wrote too.
 */
export function joinSteps(steps: readonly UndoStep[], formId: string | undefined): UndoStep[] {
  const main = steps.find(s => s.formId === formId)
  if (!main || steps.length < 2) return [...steps]
  const others = steps.filter(s => s !== main)
  return [{ ...main, also: mergeAlso(main.also, others) }]
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** Field values that differ between two value maps, skipping computed fields (they are recomputed). */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>, fields: ReadonlyMap<string, FieldDef>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => {
    const f = fields.get(k)
    return !(f && behaviourOf(f).computed) && !same(before[k], after[k])
  })
}

function pick(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map(k => [k, structuredClone(values[k] ?? null)]))
}

function guessAction(undoPatches: number, cells: number, added: number, deleted: number, restored: number): UndoAction {
  if (deleted && !undoPatches && !added) return 'delete'
  if (restored && !undoPatches && !added) return 'restore'
  if (added && !undoPatches) return 'add'
  return cells === 1 ? 'edit' : 'batch'
}

/**
 * The undo step of one form's record changes. `before` holds the records as they were before
 * the write (live records only). Returns undefined when the changes changed nothing.
 */
export function undoStepOf(form: Pick<FormDef, 'id' | 'fields'>, changes: RecordChanges, before: ReadonlyMap<string, RecordRow>, action?: UndoAction): UndoStep | undefined {
  const fields = new Map(form.fields.map(f => [f.id, f]))
  const undoPatches: RecordPatch[] = []
  const redoPatches: RecordPatch[] = []
  const added: RecordRow[] = []
  let cells = 0
  for (const row of changes.put ?? []) {
    const old = before.get(row.id)
    if (!old) {
      // Records are never edited in place (every change replaces the object): the step can hold the row itself.
      added.push(row)
      continue
    }
    const keys = changedKeys(old.values, row.values, fields)
    if (!keys.length) continue
    cells += keys.length
    undoPatches.push({ recordId: row.id, values: pick(old.values, keys) })
    redoPatches.push({ recordId: row.id, values: pick(row.values, keys) })
  }
  const deleted = (changes.delete ?? []).map(id => before.get(id)).filter((r): r is RecordRow => !!r)
  if (!undoPatches.length && !added.length && !deleted.length) return undefined
  const undo: UndoOp[] = []
  const redo: UndoOp[] = []
  if (deleted.length) {
    undo.push({ kind: 'restore', rows: deleted })
    redo.push({ kind: 'trash', ids: deleted.map(r => r.id) })
  }
  if (undoPatches.length) {
    undo.push({ kind: 'patch', patches: undoPatches })
    redo.push({ kind: 'patch', patches: redoPatches })
  }
  if (added.length) {
    undo.push({ kind: 'trash', ids: added.map(r => r.id) })
    redo.push({ kind: 'restore', rows: added })
  }
  const restored = (changes.restore ?? []).length
  return {
    formId: form.id,
    action: action ?? guessAction(undoPatches.length, cells, added.length, deleted.length, restored),
    size: cells + added.length + deleted.length,
    undo,
    redo,
  }
}

function mergeInto(tx: Transaction, formId: string, part: RecordChanges): void {
  const ch = (tx.records ??= {})[formId] ??= {}
  if (part.put) ch.put = [...(ch.put ?? []), ...part.put]
  if (part.delete) ch.delete = [...(ch.delete ?? []), ...part.delete]
  if (part.restore) ch.restore = [...(ch.restore ?? []), ...part.restore]
  if (part.toTrash) ch.toTrash = true
}

/**
 * Builds one atomic transaction that performs `ops` on a form: patches go through
 * updateRecords (so a value that is no longer valid refuses the whole step), restores
 * bring rows back from the recycle bin, trashes move rows there.
 */
export function replayOps(form: FormDef, byId: ReadonlyMap<string, RecordRow>, ops: readonly UndoOp[], validate: ValuesValidator, ctx: WriteContext): WriteResult {
  const tx: Transaction = { stageEvents: [], changes: [] }
  const records: RecordRow[] = []
  for (const op of ops) {
    switch (op.kind) {
      case 'patch': {
        const result = updateRecords(form, byId, op.patches, validate, ctx)
        if (!result.ok) return result
        records.push(...result.records)
        mergeInto(tx, form.id, result.tx.records?.[form.id] ?? {})
        tx.stageEvents!.push(...(result.tx.stageEvents ?? []))
        tx.changes!.push(...(result.tx.changes ?? []))
        break
      }
      case 'trash':
        mergeInto(tx, form.id, { delete: op.ids, toTrash: true })
        tx.changes!.push(...op.ids.map(recordId => ({ id: newId(), formId: form.id, recordId, at: ctx.now, memberId: ctx.memberId, kind: 'delete' as const })))
        break
      case 'restore': {
        const rows = op.rows.map(r => structuredClone(r))
        records.push(...rows)
        mergeInto(tx, form.id, { put: rows, restore: rows.map(r => r.id) })
        tx.changes!.push(...rows.map(r => ({ id: newId(), formId: form.id, recordId: r.id, at: ctx.now, memberId: ctx.memberId, kind: 'restore' as const })))
        break
      }
      default:
        assertNever(op, 'undo op')
    }
  }
  return { ok: true, records, tx }
}
