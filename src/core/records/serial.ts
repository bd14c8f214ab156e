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

/** A piece of a serial pattern when reading a value back: literal text, or a run of one or more digits. */
type Piece = { text: string } | { digits: true, counter: boolean }

function pieces(full: string): Piece[] {
  const out: Piece[] = []
  let last = 0
  for (const m of full.matchAll(TOKEN)) {
    out.push({ text: full.slice(last, m.index) })
    const token = m[1] ?? ''
    if (COUNTER_TOKEN.test(token)) out.push({ digits: true, counter: true })
    else if (DATE_TOKEN.test(token)) out.push({ digits: true, counter: false })
    else out.push({ text: m[0] })
    last = (m.index ?? 0) + m[0].length
  }
  out.push({ text: full.slice(last) })
  return out.filter(p => !('text' in p) || p.text !== '')
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  return c >= 48 && c <= 57
}

/**
 * The counter printed in a serial value made from `pattern`, or undefined when it does not match.
 * The value comes from storage or an import, the pattern from a form: instead of a RegExp
 * (`{0}1{0}1{0}…` would backtrack for ages on a long digit run) a table of which pieces can
 * finish the value from each position, then one greedy pass, as the RegExp would capture.
 */
export function serialCounterOf(pattern: string, value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const p = (pattern.trim() || DEFAULT_SERIAL_PATTERN)
  const parts = pieces(hasCounterToken(p) ? p : `${p}-{0000}`)
  const n = value.length
  // ends[k][i]: pieces k.. match value[i..] exactly.
  const ends = Array.from({ length: parts.length + 1 }, () => new Uint8Array(n + 1))
  ;(ends[parts.length] as Uint8Array)[n] = 1
  for (let k = parts.length - 1; k >= 0; k--) {
    const part = parts[k] as Piece
    const here = ends[k] as Uint8Array
    const next = ends[k + 1] as Uint8Array
    if ('text' in part) {
      for (let i = 0; i + part.text.length <= n; i++) here[i] = next[i + part.text.length] === 1 && value.startsWith(part.text, i) ? 1 : 0
    }
    else {
      for (let i = n - 1; i >= 0; i--) here[i] = isDigit(value, i) && (next[i + 1] === 1 || here[i + 1] === 1) ? 1 : 0
    }
  }
  if ((ends[0] as Uint8Array)[0] !== 1) return undefined
  let at = 0
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as Piece
    if ('text' in part) {
      at += part.text.length
      continue
    }
    let run = at
    while (run < n && isDigit(value, run)) run++
    let stop = run
    while ((ends[k + 1] as Uint8Array)[stop] !== 1) stop--
    if (part.counter) return Number(value.slice(at, stop))
    at = stop
  }
  return undefined
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
