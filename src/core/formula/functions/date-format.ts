/**
 * Date patterns for TEXT: yyyy yy M MM d dd ddd dddd H HH h hh m mm s ss AM/PM, and
 * aaa/aaaa (Chinese weekday: 一 / 星期一). Lower-case `m` is minutes after an hour or before
 * seconds, as in Excel; upper-case `M` is always month (Java style `yyyy-MM-dd`).
 */
import { dayOfWeek } from '../calendar'
import { timeParts, ymdOf } from '../dates'
import type { DateValue } from '../values'
import { patternTokens } from './number-format'

const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const ZH_DAYS = ['日', '一', '二', '三', '四', '五', '六']
const DATE_LETTERS = /[yMdHhmsa]/

interface Run { letter: string, count: number, literal: boolean, text: string }

function runs(pattern: string): Run[] {
  const out: Run[] = []
  for (const t of patternTokens(pattern)) {
    const prev = out[out.length - 1]
    const letter = t.literal ? '' : t.text
    if (!t.literal && prev && !prev.literal && prev.letter === letter && DATE_LETTERS.test(letter)) {
      prev.count++
      prev.text += t.text
      continue
    }
    out.push({ letter, count: 1, literal: t.literal || !DATE_LETTERS.test(letter), text: t.text })
  }
  return out
}

/** True when a pattern reads as a date pattern (has date letters, no digit placeholders). */
export function isDatePattern(pattern: string): boolean {
  return runs(pattern).some(r => !r.literal)
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function minuteAt(list: Run[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const r = list[i] as Run
    if (r.literal) continue
    if (r.letter === 'h' || r.letter === 'H') return true
    break
  }
  for (let i = index + 1; i < list.length; i++) {
    const r = list[i] as Run
    if (r.literal) continue
    return r.letter === 's'
  }
  return false
}

/** Formats a date value with a date pattern (wall-clock time). */
export function formatDatePattern(v: DateValue, pattern: string): string {
  const { y, m, d } = ymdOf(v)
  const { h, mi, s } = timeParts(v)
  const twelveHour = /AM\/PM|am\/pm|A\/P/.test(pattern)
  const source = pattern.replace(/AM\/PM|am\/pm|A\/P/g, '\u0000')
  const list = runs(source)
  const dow = dayOfWeek(v.day)
  let out = ''
  list.forEach((r, i) => {
    if (r.literal) { out += r.text === '\u0000' ? (h < 12 ? 'AM' : 'PM') : r.text; return }
    switch (r.letter) {
      case 'y': out += r.count <= 2 ? pad(y % 100, 2) : pad(y, 4); break
      case 'M': out += r.count === 1 ? String(m) : pad(m, 2); break
      case 'd': out += r.count >= 4 ? EN_DAYS[dow] : r.count === 3 ? (EN_DAYS[dow] as string).slice(0, 3) : r.count === 1 ? String(d) : pad(d, 2); break
      case 'H': case 'h': {
        const hour = twelveHour ? ((h + 11) % 12) + 1 : h
        out += r.count === 1 ? String(hour) : pad(hour, 2)
        break
      }
      case 'm': {
        const value = minuteAt(list, i) ? mi : m
        out += r.count === 1 ? String(value) : pad(value, 2)
        break
      }
      case 's': out += r.count === 1 ? String(s) : pad(s, 2); break
      case 'a': out += r.count >= 4 ? `星期${ZH_DAYS[dow]}` : r.count === 3 ? ZH_DAYS[dow] : r.text; break
      default: out += r.text
    }
  })
  return out
}
