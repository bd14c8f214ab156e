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
