import type { FormDef } from '../schema/types'
import type { ValuesValidator, WriteIssue } from './mutations'
import { compileRecordValidator } from '../validation'

const cache = new WeakMap<FormDef, ValuesValidator>()

/** The compiled record validator of a form definition (compiled once per definition object). */
export function validatorFor(form: FormDef): ValuesValidator {
  let v = cache.get(form)
  if (!v) {
    const compiled = compileRecordValidator(form)
    v = (values: Record<string, unknown>, _before?: Record<string, unknown>): WriteIssue[] => compiled(values).map(i => ({ fieldId: i.fieldId, label: i.label, code: i.code, message: i.message }))
    cache.set(form, v)
  }
  return v
}
