/**
 * Excel-style number patterns for TEXT and FIXED: `0`, `0.00`, `#,##0.00`, `0%`, `0.0%`,
 * literal prefixes/suffixes (`¥#,##0.00`, `0.00"元"`, `0.0 万`), and `pos;neg;zero` sections.
 */
import { roundTo } from './numbers'

interface Section {
  prefix: string
  core: string
  suffix: string
  percent: number
}

/** Splits a pattern on `;` outside quotes. */
export function splitSections(pattern: string): string[] {
  const out: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '"') quoted = !quoted
    if (c === '\\' && !quoted && i + 1 < pattern.length) { current += c + pattern[i + 1]; i++; continue }
    if (c === ';' && !quoted) { out.push(current); current = ''; continue }
    current += c
  }
  out.push(current)
  return out
}

/** Unquoted literal pieces and single pattern characters, in order. */
export function patternTokens(section: string): { literal: boolean, text: string }[] {
  const out: { literal: boolean, text: string }[] = []
  for (let i = 0; i < section.length; i++) {
    const c = section[i] as string
    if (c === '"') {
      const close = section.indexOf('"', i + 1)
      const end = close === -1 ? section.length : close
      out.push({ literal: true, text: section.slice(i + 1, end) })
      i = end
    }
    else if (c === '\\' && i + 1 < section.length) { out.push({ literal: true, text: section[i + 1] as string }); i++ }
    else if (c === '[') {
      // Colour and condition brackets ([Red], [红色]) have no effect on text output.
      const close = section.indexOf(']', i + 1)
      i = close === -1 ? section.length : close
    }
    else if (c === '_' || c === '*') i++
    else out.push({ literal: false, text: c })
  }
  return out
}

function parseSection(section: string): Section {
  const s: Section = { prefix: '', core: '', suffix: '', percent: 0 }
  let state: 'prefix' | 'core' | 'suffix' = 'prefix'
  for (const t of patternTokens(section)) {
    if (!t.literal && t.text === '%') s.percent++
    const placeholder = !t.literal && /^[0#?,.]$/.test(t.text)
    if (state === 'prefix' && placeholder && t.text !== ',') state = 'core'
    else if (state === 'core' && !placeholder) state = 'suffix'
    if (state === 'core') s.core += t.text === '?' ? '0' : t.text
    else if (state === 'prefix') s.prefix += t.text
    else s.suffix += t.text
  }
  return s
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function formatCore(magnitude: number, core: string): string {
  const dot = core.indexOf('.')
  const intPat = dot === -1 ? core : core.slice(0, dot)
  const fracPat = dot === -1 ? '' : core.slice(dot + 1).replace(/[.,]/g, '')
  const decimals = (fracPat.match(/[0#]/g) ?? []).length
  const minDecimals = (fracPat.match(/0/g) ?? []).length
  const minInt = (intPat.match(/0/g) ?? []).length
  const rounded = roundTo(magnitude, decimals, 'half')
  const fixed = rounded.toFixed(Math.min(decimals, 100))
  let [intDigits = '', frac = ''] = fixed.split('.')
  if (minInt === 0 && intDigits === '0') intDigits = ''
  intDigits = intDigits.padStart(minInt, '0')
  if (intPat.includes(',')) intDigits = groupThousands(intDigits)
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1)
  return frac ? `${intDigits}.${frac}` : intDigits
}

/** Formats a number with an Excel-style pattern (see module doc). */
export function formatNumberPattern(n: number, pattern: string): string {
  const sections = splitSections(pattern)
  let chosen = sections[0] as string
  let signed = true
  if (n < 0 && sections.length > 1) { chosen = sections[1] as string; signed = false }
  else if (n === 0 && sections.length > 2) chosen = sections[2] as string
  const s = parseSection(chosen)
  if (!s.core) return s.prefix + s.suffix
  const scaled = Math.abs(n) * 100 ** s.percent
  const body = formatCore(scaled, s.core)
  const negative = signed && n < 0 && /[1-9]/.test(body)
  return `${negative ? '-' : ''}${s.prefix}${body}${s.suffix}`
}

/** True when a pattern has digit placeholders (0 or #) outside quotes. */
export function isNumberPattern(pattern: string): boolean {
  return patternTokens(pattern).some(t => !t.literal && (t.text === '0' || t.text === '#'))
}
