import type { FormDef, RecordRow } from '../schema/types'
import type { ValuesValidator, WriteContext, WriteResult } from './mutations'
import { newId } from '../utils/id'
import { computedIds, withoutComputed } from './computed-values'
import { formulaContextOf, withDerived } from './derived-values'

/**
 * Brings records back from the recycle bin as one transaction. Each record is validated again
 * against the current form (its fields may have changed since it was deleted); the record is
 * its own "before", since restoring does not enter a stage and gates do not apply again. Its
 * lookups, rollups and formulas are recomputed from the records as they are now. Any invalid
 * record refuses the whole restore.
 */
export function restoreRecords(form: FormDef, rows: readonly RecordRow[], validate: ValuesValidator, ctx: WriteContext): WriteResult {
  const failures: { recordId: string, issues: ReturnType<ValuesValidator> }[] = []
  const computed = computedIds(form)
  const derived = { formula: { ...ctx.formula, now: ctx.now }, related: ctx.related }
  const formula = formulaContextOf(derived)
  const records: RecordRow[] = []
  for (const row of rows) {
    const input = withoutComputed(row.values, computed)
    const issues = validate(input, input)
    if (issues.length) {
      failures.push({ recordId: row.id, issues })
      continue
    }
    const kept = Object.fromEntries(Object.entries(row.values).filter(([k]) => computed.has(k)))
    const values = withDerived(form, { ...structuredClone(kept), ...structuredClone(input) }, derived, formula)
    records.push({ ...structuredClone(row), values, updatedAt: ctx.now, updatedBy: ctx.memberId, rev: row.rev + 1 })
  }
  if (failures.length) return { ok: false, issues: failures }
  return {
    ok: true,
    records,
    tx: {
      records: { [form.id]: { restore: records.map(r => r.id), put: records } },
      changes: records.map(r => ({ id: newId(), formId: form.id, recordId: r.id, at: ctx.now, memberId: ctx.memberId, kind: 'restore' as const })),
    },
  }
}
