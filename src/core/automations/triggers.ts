/** Whether a record change fires a write trigger (created, field changed, stage entered / left / outcome). */
import type { FormDef, RecordRow } from '../schema/types'
import type { AutomationTrigger } from './types'

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object')
    return (a ?? null) === (b ?? null) || (a === '' && b == null) || (b === '' && a == null)
  return JSON.stringify(a) === JSON.stringify(b)
}

function stageOf(row: RecordRow | undefined, fieldId: string): string | null {
  const v = row?.values[fieldId]
  return typeof v === 'string' && v !== '' ? v : null
}

/**
 * True when going from `before` (undefined: the record is new) to `after` fires `trigger`.
 * Daily triggers (date reached, stalled) never fire on a write.
 */
export function firesOnWrite(trigger: AutomationTrigger, form: FormDef, before: RecordRow | undefined, after: RecordRow): boolean {
  switch (trigger.kind) {
    case 'created': return before === undefined
    case 'fieldChanged': return !same(before?.values[trigger.fieldId], after.values[trigger.fieldId])
    case 'stageEntered': return stageOf(after, trigger.fieldId) === trigger.stageId && stageOf(before, trigger.fieldId) !== trigger.stageId
    case 'stageLeft': return before !== undefined && stageOf(before, trigger.fieldId) === trigger.stageId && stageOf(after, trigger.fieldId) !== trigger.stageId
    case 'stageOutcome': {
      const field = form.fields.find(f => f.id === trigger.fieldId)
      if (field?.type !== 'stage') return false
      const kindOf = (id: string | null) => (id === null ? undefined : field.options.stages.find(s => s.id === id)?.kind)
      const to = stageOf(after, trigger.fieldId)
      return to !== stageOf(before, trigger.fieldId) && kindOf(to) === trigger.outcome && kindOf(stageOf(before, trigger.fieldId)) !== trigger.outcome
    }
    case 'dateReached':
    case 'stalled':
      return false
  }
}
