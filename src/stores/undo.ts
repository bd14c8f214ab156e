import type { RecordRow } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import type { UndoAction, UndoOp, UndoStep, WriteResult } from '@/core/records'
import { mergeSteps, undoStepOf } from '@/core/records'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useWorkspaceStore } from './workspace'

/** Steps kept per form; older ones are dropped. */
export const UNDO_LIMIT = 100

/** What an undo or redo did: nothing to do, done (with the step), or refused (the step stays). */
export type UndoOutcome
  = | { status: 'empty' }
    | { status: 'done', step: UndoStep }
    | { status: 'refused', step: UndoStep, result: Extract<WriteResult, { ok: false }> }

interface Stacks { done: UndoStep[], undone: UndoStep[] }

/** Operations on another form replayed in the same write (a step's `also`). */
export interface AlsoOps { formId: string, ops: UndoOp[] }

/** Writes undo operations as one validated write (the records store's `replay`); passed in so this store imports no other store that imports it. */
export type Replayer = (formId: string, ops: UndoOp[], also?: AlsoOps[]) => Promise<WriteResult>

/**
 * Undo/redo per form. The records store records a step for every write it makes (edits,
 * pastes, fills, batch edits, adds, deletes, restores, imports); undo replays the inverse
 * through the same validated write path, so an undone stage change appends a stage event.
 * The records store uses this store, never the reverse: callers go through the records
 * store's `undo` / `redo`, which hand this store its `replay`.
 */
export const useUndoStore = defineStore('undo', () => {
  const workspace = useWorkspaceStore()
  const stacks = new Map<string, Stacks>()
  /** Bumped when any stack changes, for canUndo/canRedo in templates. */
  const version = shallowRef(0)
  const busy = ref(false)

  function stacksOf(formId: string): Stacks {
    let s = stacks.get(formId)
    if (!s) stacks.set(formId, s = { done: [], undone: [] })
    return s
  }

  /** The steps that undo `tx`, from the records as they were before it (call before applying it). */
  function stepsOf(tx: Transaction, before: (formId: string, id: string) => RecordRow | undefined, action?: UndoAction): UndoStep[] {
    const steps: UndoStep[] = []
    for (const [formId, changes] of Object.entries(tx.records ?? {})) {
      const form = workspace.formById.get(formId)
      if (!form) continue
      const ids = [...(changes.put ?? []).map(r => r.id), ...(changes.delete ?? [])]
      const map = new Map(ids.map(id => [id, before(formId, id)]).filter((e): e is [string, RecordRow] => !!e[1]))
      const step = undoStepOf(form, changes, map, action)
      if (step) steps.push(step)
    }
    return steps
  }

  /** Adds steps as the newest (merged into the newest one of the same `group`); clears the redo list of their forms. */
  function push(steps: UndoStep[], group?: string): void {
    for (const step of steps) {
      const s = stacksOf(step.formId)
      const top = s.done[s.done.length - 1]
      if (group && top?.group === group) s.done[s.done.length - 1] = mergeSteps(top, step)
      else s.done.push(group ? { ...step, group } : step)
      if (s.done.length > UNDO_LIMIT) s.done.splice(0, s.done.length - UNDO_LIMIT)
      s.undone = []
    }
    if (steps.length) version.value++
  }

  const canUndo = (formId: string) => (void version.value, (stacks.get(formId)?.done.length ?? 0) > 0)
  const canRedo = (formId: string) => (void version.value, (stacks.get(formId)?.undone.length ?? 0) > 0)

  async function move(formId: string, from: 'done' | 'undone', replay: Replayer): Promise<UndoOutcome> {
    const s = stacksOf(formId)
    const step = s[from].pop()
    if (!step) return { status: 'empty' }
    const undoing = from === 'done'
    const also = step.also?.map(a => ({ formId: a.formId, ops: undoing ? a.undo : a.redo }))
    const result = await replay(formId, undoing ? step.undo : step.redo, also)
    if (!result.ok) {
      s[from].push(step)
      return { status: 'refused', step, result }
    }
    s[from === 'done' ? 'undone' : 'done'].push(step)
    return { status: 'done', step }
  }

  // Undo/redo run one after another: a quick Ctrl+Z, Ctrl+Z waits for the first to be written.
  let queue: Promise<unknown> = Promise.resolve()
  function enqueue(formId: string, from: 'done' | 'undone', replay: Replayer): Promise<UndoOutcome> {
    const next = queue.then(async () => {
      busy.value = true
      try {
        return await move(formId, from, replay)
      }
      finally {
        busy.value = false
        version.value++
      }
    })
    queue = next.catch(() => undefined)
    return next
  }

  /** Undoes the newest step of a form through `replay` (the records store's), queued behind a running undo/redo. */
  const undo = (formId: string, replay: Replayer) => enqueue(formId, 'done', replay)
  /** Redoes the newest undone step of a form. */
  const redo = (formId: string, replay: Replayer) => enqueue(formId, 'undone', replay)

  function clear(formId?: string): void {
    if (formId) stacks.delete(formId)
    else stacks.clear()
    version.value++
  }

  return { version, busy, stepsOf, push, canUndo, canRedo, undo, redo, clear }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUndoStore, import.meta.hot))
