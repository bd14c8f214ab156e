/**
 * Serial numbers (流水号) such as `HT-{yyyyMMdd}-{0000}`: date tokens print the creation day,
 * a run of zeros prints the counter padded to that width. Counters only grow, so a number is
 * never handed out twice, even after records are deleted.
 */
import type { FieldDef, FormDef, RecordRow } from '../schema/types'

/** The pattern used when a serial field has none. */
export const DEFAULT_SERIAL_PATTERN = '{0000}'

const TOKEN = /\{([^{}]*)\}/g
const DATE_TOKEN = /^(?:yyyy|yy|MM|dd|HH|mm|ss)+$/
const COUNTER_TOKEN = /^0+$/

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function formatDateToken(token: string, d: Date): string {
  return token.replace(/yyyy|yy|MM|dd|HH|mm|ss/g, (part) => {
    switch (part) {
      case 'yyyy': return String(d.getFullYear())
      case 'yy': return pad(d.getFullYear() % 100, 2)
      case 'MM': return pad(d.getMonth() + 1, 2)
      case 'dd': return pad(d.getDate(), 2)
      case 'HH': return pad(d.getHours(), 2)
      case 'mm': return pad(d.getMinutes(), 2)
      default: return pad(d.getSeconds(), 2)
    }
  })
}

/** True when the pattern prints the counter; without one, `-{0000}` is appended when formatting. */
export function hasCounterToken(pattern: string): boolean {
  return [...pattern.matchAll(TOKEN)].some(m => COUNTER_TOKEN.test(m[1] ?? ''))
}

/** The serial text for counter `n` created at `now` (local calendar time). */
export function formatSerial(pattern: string, n: number, now: number): string {
  const p = (pattern.trim() || DEFAULT_SERIAL_PATTERN)
  const full = hasCounterToken(p) ? p : `${p}-{0000}`
  const d = new Date(now)
  return full.replace(TOKEN, (whole, token: string) => {
    if (COUNTER_TOKEN.test(token)) return pad(n, token.length)
    if (DATE_TOKEN.test(token)) return formatDateToken(token, d)
    return whole
  })
}

/** The counter printed in a serial value made from `pattern`, or undefined when it does not match. */
export function serialCounterOf(pattern: string, value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const p = (pattern.trim() || DEFAULT_SERIAL_PATTERN)
  const full = hasCounterToken(p) ? p : `${p}-{0000}`
  let source = '^'
  let last = 0
  for (const m of full.matchAll(TOKEN)) {
    source += escape(full.slice(last, m.index))
    const token = m[1] ?? ''
    if (COUNTER_TOKEN.test(token)) source += '(\\d+)'
    else if (DATE_TOKEN.test(token)) source += '\\d+'
    else source += escape(m[0])
    last = (m.index ?? 0) + m[0].length
  }
  source += `${escape(full.slice(last))}$`
  const match = new RegExp(source).exec(value)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

type SerialField = Extract<FieldDef, { type: 'serial' }>

/** The serial fields of a form. */
export function serialFields(form: FormDef): SerialField[] {
  return form.fields.filter((f): f is SerialField => f.type === 'serial')
}

/**
 * The last counter used by a serial field: the stored counter, raised to the highest counter
 * found in existing records (forms filled by import or a template carry numbers but no counter).
 */
export function lastSerial(form: FormDef, field: SerialField, existing: Iterable<RecordRow>): number {
  let last = form.serialCounters?.[field.id] ?? 0
  for (const r of existing) {
    const n = serialCounterOf(field.options.pattern, r.values[field.id])
    if (n !== undefined && n > last) last = n
  }
  return last
}
