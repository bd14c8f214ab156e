import { describe, expect, it } from 'vitest'
import type { UndoStep } from '@/core/records'
import { joinSteps, mergeSteps } from '@/core/records'

const step = (formId: string, id: string): UndoStep => ({ formId, action: 'edit', size: 1, undo: [{ kind: 'trash', ids: [id] }], redo: [{ kind: 'trash', ids: [id] }] })

describe('joinSteps', () => {
  it('keeps one step, on the form the user acted on, holding the other forms\' steps', () => {
    const joined = joinSteps([step('tasks', 't1'), step('deals', 'd1')], 'deals')
    expect(joined).toHaveLength(1)
    expect(joined[0]!.formId).toBe('deals')
    expect(joined[0]!.also?.map(s => s.formId)).toEqual(['tasks'])
  })

  it('leaves steps alone when the user\'s form has none', () => {
    expect(joinSteps([step('tasks', 't1')], 'deals').map(s => s.formId)).toEqual(['tasks'])
  })

  it('merges the other forms\' steps of two import batches per form', () => {
    const a = joinSteps([step('deals', 'd1'), step('tasks', 't1')], 'deals')[0]!
    const b = joinSteps([step('deals', 'd2'), step('tasks', 't2')], 'deals')[0]!
    const merged = mergeSteps(a, b)
    expect(merged.also).toHaveLength(1)
    expect(merged.also![0]!.undo).toEqual([{ kind: 'trash', ids: ['t2'] }, { kind: 'trash', ids: ['t1'] }])
  })
})
