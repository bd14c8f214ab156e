import type { FieldBehaviour } from './behaviour'
import { currencySymbol, formatNumber } from './shared/number-format'
import { numeric } from './shared/numeric'

/** An amount in one currency (default CNY, 2 decimals), shown as ¥1,234.50. */
export const moneyField: FieldBehaviour<'money'> = {
  ...numeric('money', 'refuse', (n, field) => {
    const o = field.options ?? {}
    const s = formatNumber(Math.abs(n), { precision: o.precision ?? 2, thousands: true })
    return `${n < 0 ? '-' : ''}${currencySymbol(o.currency)}${s}`
  }),
  measure: 'amount',
  newOptions: () => ({ currency: 'CNY', precision: 2 }),
}
