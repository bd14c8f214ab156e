import type { DateOrder } from '../fields/behaviour'

/** The date formats an import file may use. Year-first formats may carry a time. */
export type DateFormatId = 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'DD-MM-YY' | 'MM-DD-YY' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY'

interface FormatSpec {
  id: DateFormatId
  order: DateOrder
  re: RegExp
}

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`
const spec = (id: DateFormatId, order: DateOrder, sep: string, year: string): FormatSpec => {
  const parts = order === 'YMD' ? [`(\\d{4})`, `(\\d{1,2})`, `(\\d{1,2})`] : [`(\\d{1,2})`, `(\\d{1,2})`, `(${year})`]
  return { id, order, re: new RegExp(`^${parts.join(`\\${sep}`)}${TIME}$`) }
}

/** Every known format, in the order preferred when several read the samples equally well. */
export const DATE_FORMATS: readonly FormatSpec[] = [
  spec('YYYY-MM-DD', 'YMD', '-', ''),
  spec('YYYY/MM/DD', 'YMD', '/', ''),
  spec('DD-MM-YY', 'DMY', '-', String.raw`\d{2}|\d{4}`),
  spec('MM-DD-YY', 'MDY', '-', String.raw`\d{2}|\d{4}`),
  spec('DD/MM/YYYY', 'DMY', '/', String.raw`\d{4}|\d{2}`),
  spec('MM/DD/YYYY', 'MDY', '/', String.raw`\d{4}|\d{2}`),
  spec('DD.MM.YYYY', 'DMY', '.', String.raw`\d{4}|\d{2}`),
]

/** What `detectDateFormat` found. */
export interface DateFormatDetection {
  /** The best format, or null when no sample looks like a date. */
  format: DateFormatId | null
  /** Day/month order for field parsing (`ParseContext.dateFormat`); null with `format`. */
  order: DateOrder | null
  /** Every format that reads as many samples as the best one: more than one means ambiguous. */
  candidates: DateFormatId[]
  /** True when the samples fit several formats (e.g. only 03/04/2024): the UI should ask. */
  ambiguous: boolean
  /** Non-empty samples the best format reads as valid calendar dates. */
  matched: number
  /** Non-empty samples. */
  total: number
}

/**
 * Detects the date format of sample cells. Unambiguous evidence wins: 25/03/2024 rules out
 * month-first, 03/25/2024 day-first, and a format is only credited with samples that are
 * real calendar dates in it. When several formats read the same number of samples the
 * result is ambiguous; `format` is then the first of them (day-first before month-first).
 */
export function detectDateFormat(samples: readonly string[]): DateFormatDetection {
  const values = samples.map(s => s.trim()).filter(s => s !== '')
  const counts = DATE_FORMATS.map(f => values.reduce((n, v) => n + (reads(f, v) ? 1 : 0), 0))
  const best = Math.max(0, ...counts)
  if (best === 0) return { format: null, order: null, candidates: [], ambiguous: false, matched: 0, total: values.length }
  const candidates = DATE_FORMATS.filter((_, i) => counts[i] === best).map(f => f.id)
  const format = candidates[0] ?? null
  return { format, order: format === null ? null : dateOrderOf(format), candidates, ambiguous: candidates.length > 1, matched: best, total: values.length }
}

/** The day/month order of a format, as the field parser takes it. */
export function dateOrderOf(format: DateFormatId): DateOrder {
  const f = DATE_FORMATS.find(x => x.id === format)
  return f ? f.order : 'YMD'
}

function reads(f: FormatSpec, value: string): boolean {
  const m = f.re.exec(value)
  if (!m) return false
  const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] ?? '']
  if (f.order === 'YMD') return isDate(a, b, Number(c))
  const year = c.length === 2 ? (Number(c) < 70 ? 2000 : 1900) + Number(c) : Number(c)
  return f.order === 'DMY' ? isDate(year, b, a) : isDate(year, a, b)
}

function isDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
}
