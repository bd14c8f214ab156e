/** Options of plain number formatting. */
export interface NumberFormatOptions {
  /** Fixed decimals; without it the shortest exact form. */
  precision?: number
  /** Group thousands with commas. */
  thousands?: boolean
}

/** Formats a number deterministically (no locale-dependent Intl output). */
export function formatNumber(n: number, opts: NumberFormatOptions = {}): string {
  const fixed = opts.precision === undefined ? String(n) : n.toFixed(opts.precision)
  if (!opts.thousands || /e/i.test(fixed)) return fixed
  const [int = '', frac] = fixed.split('.')
  const sign = int.startsWith('-') ? '-' : ''
  const digits = sign ? int.slice(1) : int
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`
}

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' }

/** The symbol shown before amounts of an ISO 4217 currency; unknown codes show the code. */
export function currencySymbol(code: string | undefined): string {
  const c = code ?? 'CNY'
  return SYMBOLS[c] ?? `${c} `
}

/** An amount as people read it: the currency symbol, thousands grouped, `precision` decimals (default 2). */
export function formatMoney(n: number, currency: string | undefined, precision = 2): string {
  const s = formatNumber(Math.abs(n), { precision, thousands: true })
  return `${n < 0 ? '-' : ''}${currencySymbol(currency)}${s}`
}

/** The Excel number format of amounts in a currency: `"¥"#,##0.00` (Excel sums the cells, shows the symbol). */
export function moneyNumFmt(currency: string | undefined, precision = 2): string {
  const symbol = currencySymbol(currency).replace(/"/g, '')
  return `"${symbol}"#,##0${precision > 0 ? `.${'0'.repeat(precision)}` : ''}`
}
