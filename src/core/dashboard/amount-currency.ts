import type { FieldDef } from '../schema/types'

/**
 * The currency an amount field's figures are written in: a money field's (CNY when unset), a
 * formula's when it names one; none for plain numbers (their figures get no symbol).
 */
export function amountCurrency(field: FieldDef | undefined): string | undefined {
  if (field?.type === 'money') return field.options?.currency ?? 'CNY'
  return field?.type === 'formula' ? field.options.currency : undefined
}
