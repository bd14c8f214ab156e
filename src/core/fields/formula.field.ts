import type { FieldBehaviour } from './behaviour'
import { compareCodeUnits, compareNumbers, compareText, emptyLast } from './shared/compare'
import { computedBehaviour } from './shared/computed'
import { formatAny } from './shared/format-any'

/** A computed value from an expression (evaluated by core/formula); read-only. */
export const formulaField: FieldBehaviour<'formula'> = computedBehaviour('formula', {
  valueSchema: (field) => {
    switch (field.options.resultType) {
      case 'number': return { type: 'number' }
      case 'boolean': return { type: 'boolean' }
      case 'text': case 'date': return { type: 'string' }
      default: return true
    }
  },
  format: (value, field, ctx) => formatAny(value, ctx.locale, field.options.precision),
  compare: (a, b, field) => {
    const t = field.options.resultType
    return emptyLast(t === 'number' || t === 'boolean' ? compareNumbers : t === 'date' ? compareCodeUnits : compareText)(
      typeof a === 'boolean' ? Number(a) : a,
      typeof b === 'boolean' ? Number(b) : b,
    )
  },
})
