/**
 * Reading a serial counter back from a value: the same answers as the RegExp it replaced, in
 * linear time for any pattern (hardening issue, item 2: patterns from strangers never backtrack).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SERIAL_PATTERN, formatSerial, hasCounterToken, serialCounterOf } from '../../../../src/core/records/serial'
import { BUDGET_MS, fastestMs } from '../../../fixtures/time-budget'

/** The RegExp reading used before, as an oracle on small inputs. */
function oracle(pattern: string, value: string): number | undefined {
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const p = pattern.trim() || DEFAULT_SERIAL_PATTERN
  const full = hasCounterToken(p) ? p : `${p}-{0000}`
  let source = '^'
  let last = 0
  for (const m of full.matchAll(/\{([^{}]*)\}/g)) {
    source += esc(full.slice(last, m.index))
    const token = m[1] ?? ''
    if (/^0+$/.test(token)) source += '(\\d+)'
    else if (/^(?:yyyy|yy|MM|dd|HH|mm|ss)+$/.test(token)) source += '\\d+'
    else source += esc(m[0])
    last = (m.index ?? 0) + m[0].length
  }
  const match = new RegExp(`${source}${esc(full.slice(last))}$`).exec(value)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

describe('serialCounterOf', () => {
  const piece = fc.constantFrom('{0000}', '{0}', '{yyyy}', '{MMdd}', '{x}', '-', '1', 'HT', '.', '{', '}')
  const small = fc.array(piece, { maxLength: 5 }).map(ps => ps.join(''))
  const value = fc.array(fc.constantFrom('0', '1', '2', '-', 'H', 'T', '.', '{x}'), { maxLength: 12 }).map(cs => cs.join(''))

  it('should read what the RegExp read', () => {
    fc.assert(fc.property(small, value, (p, v) => {
      expect(serialCounterOf(p, v)).toBe(oracle(p, v))
      expect(serialCounterOf(p, formatSerial(p, 42, Date.UTC(2026, 0, 2)))).toBe(oracle(p, formatSerial(p, 42, Date.UTC(2026, 0, 2))))
    }), { numRuns: 10_000 })
  })

  it('should take under 50 ms on a 1 kB value for any pattern', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map(ps => ps.join('')), fc.constantFrom('1', '12', '1-'), (p, unit) => {
      const v = `${unit.repeat(1024).slice(0, 1023)}x`
      expect(fastestMs(() => serialCounterOf(p, v))).toBeLessThan(BUDGET_MS)
    }), { numRuns: 10_000 })
    expect(fastestMs(() => expect(serialCounterOf('{0}1'.repeat(20), `${'1'.repeat(1023)}x`)).toBeUndefined())).toBeLessThan(BUDGET_MS)
  }, 120_000)
})
