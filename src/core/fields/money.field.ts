import type { FieldBehaviour } from './behaviour'
import { formatMoney } from './shared/number-format'
import { numeric } from './shared/numeric'

/** An amount in one currency (default CNY, 2 decimals), shown as ¥1,234.50. */
export const moneyField: FieldBehaviour<'money'> = {
  ...numeric('money', 'refuse', (n, field) => formatMoney(n, field.options?.currency, field.options?.precision ?? 2)),
  measure: 'amount',
  newOptions: () => ({ currency: 'CNY', precision: 2 }),
}
