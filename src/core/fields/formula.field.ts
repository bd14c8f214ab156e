import type { FieldBehaviour, InputKind } from './behaviour'
import type { QueryKind } from '../query/types'
import type { FieldOf } from '../schema/types'
import { compareCodeUnits, compareNumbers, compareText, emptyLast } from './shared/compare'
import { computedBehaviour } from './shared/computed'
import { formatAny } from './shared/format-any'
import { formatMoney } from './shared/number-format'

/** A computed value from an expression (evaluated by core/formula); read-only. A number result with `currency` is an amount (shown ¥1,234.50, exported as a number). */
export const formulaField: FieldBehaviour<'formula'> = computedBehaviour('formula', {
  valueSchema: (field) => {
    switch (field.options.resultType) {
      case 'number': return { type: 'number' }
      case 'boolean': return { type: 'boolean' }
      case 'text': case 'date': return { type: 'string' }
      default: return true
    }
  },
  format: (value, field, ctx) => (field.options.currency && typeof value === 'number' && Number.isFinite(value)
    ? formatMoney(value, field.options.currency, field.options.precision ?? 2)
    : formatAny(value, ctx.locale, field.options.precision)),
  compare: (a, b, field) => {
    const t = field.options.resultType
    return emptyLast(t === 'number' || t === 'boolean' ? compareNumbers : t === 'date' ? compareCodeUnits : compareText)(
      typeof a === 'boolean' ? Number(a) : a,
      typeof b === 'boolean' ? Number(b) : b,
    )
  },
  queryKind: field => RESULT_KIND[field.options.resultType ?? 'any'].query,
  exprType: field => field.options.resultType ?? 'any',
  palette: 'advanced',
  inputKind: (field, forFilter) => (forFilter ? RESULT_KIND[field.options.resultType ?? 'any'].input : 'readonly'),
  measure: 'number',
  newOptions: () => ({ expression: '' }),
})

/** How queries and filter controls treat each result type (untyped formulas compare as text). */
const RESULT_KIND: Readonly<Record<FormulaResultType | 'any', { query: QueryKind, input: InputKind }>> = {
  number: { query: 'number', input: 'number' },
  text: { query: 'text', input: 'text' },
  date: { query: 'datetime', input: 'date' },
  boolean: { query: 'bool', input: 'bool' },
  any: { query: 'generic', input: 'text' },
}

type FormulaResultType = NonNullable<NonNullable<FieldOf<'formula'>['options']>['resultType']>
