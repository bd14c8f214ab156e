import type { FieldBehaviour } from './behaviour'
import { formatNumber } from './shared/number-format'
import { numeric } from './shared/numeric'

/** A plain number with optional precision, bounds, thousands grouping and unit. "25%" pastes as 0.25. */
export const numberField: FieldBehaviour<'number'> = {
  ...numeric('number', 'divide', (n, field) => {
    const o = field.options ?? {}
    const s = formatNumber(n, { precision: o.precision, thousands: o.thousands })
    return o.unit ? `${s} ${o.unit}` : s
  }),
  measure: 'amount',
}
