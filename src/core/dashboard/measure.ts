/** Measures of record widgets: resolution, computation (core/query aggregate) and number format. */
import type { Measure } from '../query'
import type { FieldDef, FieldType, FormDef } from '../schema/types'
import type { MeasureConfig } from './config-types'
import type { Resolver } from './resolve'
import type { ValueFormat } from './result-types'
import { NUMERIC_TYPES, typesWhere } from '../fields'
import { amountCurrency } from './amount-currency'

/** Types a measure may aggregate (their behaviour's `measure`): number types, then date types. */
const MEASURE_TYPES: readonly FieldType[] = [
  ...NUMERIC_TYPES,
  ...typesWhere(b => b.measure === 'date'),
]

/** The query Measure for a config (count by default), or undefined with a problem. */
export function resolveMeasure(r: Resolver, form: FormDef | undefined, m: MeasureConfig | undefined, key = 'measure.field'): Measure | undefined {
  if (m === undefined || m.fn === 'count') return { fn: 'count' }
  const f = r.field(form, m.field, key, MEASURE_TYPES)
  return f ? { fn: m.fn, field: f.id } : undefined
}

/** How a measure's numbers read: money for money fields (not count), else plain numbers. */
export function measureFormat(measure: Measure, fields: readonly FieldDef[]): ValueFormat {
  if (measure.fn === 'count' || measure.fn === 'distinct') return 'number'
  const f = fields.find(x => x.id === measure.field)
  return f?.type === 'money' ? 'money' : 'number'
}

/**
 * A measure's format and, for money, the currency of the field it adds up (axes, tooltips and
 * labels of the widget write its symbol: ¥1.2万, ¥80,501): spread into the widget's data.
 */
export function measureStyle(measure: Measure, fields: readonly FieldDef[]): { format: ValueFormat, currency?: string } {
  const format = measureFormat(measure, fields)
  const currency = format === 'money' && measure.fn !== 'count' ? amountCurrency(fields.find(x => x.id === measure.field)) : undefined
  return currency === undefined ? { format } : { format, currency }
}
