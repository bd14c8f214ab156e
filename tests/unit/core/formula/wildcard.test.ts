/**
 * Wildcard matching (SEARCH, COUNTIF-style criteria) runs in O(text × pattern): the same
 * answers as the RegExp it replaced on small inputs, and every case under 50 ms on a 1 kB
 * text, including the patterns that took the RegExp minutes (hardening issue, finding 1).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { criterionTest } from '../../../../src/core/formula/functions/criteria'
import { compileWildcard, foldedChars, wildcardMatches, wildcardSearch } from '../../../../src/core/formula/functions/wildcard'
import { run } from '../../../fixtures/formula'
import { BUDGET_MS, fastestMs } from '../../../fixtures/time-budget'

/** The RegExp translation used before, as an oracle on inputs small enough for it. */
function oracle(pattern: string, flags: string, whole: boolean): RegExp {
  let source = ''
  const cps = Array.from(pattern)
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] as string
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    if (c === '~' && i + 1 < cps.length) { source += esc(cps[i + 1] as string); i++ }
    else if (c === '*') source += '[\\s\\S]*'
    else if (c === '?') source += '[\\s\\S]'
    else source += esc(c)
  }
  return new RegExp(whole ? `^${source}$` : source, flags)
}

function oracleSearch(pattern: string, text: string, from: number): number {
  const re = oracle(pattern, 'giu', false)
  re.lastIndex = Array.from(text).slice(0, from).join('').length
  const m = re.exec(text)
  return m ? Array.from(text.slice(0, m.index)).length : -1
}

const TEXT_1K = 1024
const patternChar = fc.constantFrom('a', 'A', 'b', '*', '?', '~', '中', '😀', '.')
const textChar = fc.constantFrom('a', 'A', 'b', '!', '中', '😀', '.', '*', '?', '~')
const smallPattern = fc.array(patternChar, { maxLength: 8 }).map(cs => cs.join(''))
const smallText = fc.array(textChar, { maxLength: 12 }).map(cs => cs.join(''))

/** A 1 kB text made of a short repeated unit (the worst case for backtracking) or random characters. */
const text1k = fc.oneof(
  fc.array(textChar, { minLength: 1, maxLength: 4 }).map(u => u.join('').repeat(TEXT_1K).slice(0, TEXT_1K)),
  fc.array(textChar, { minLength: TEXT_1K, maxLength: TEXT_1K }).map(cs => cs.join('')),
)
const hostilePattern = fc.oneof(
  fc.array(patternChar, { maxLength: 64 }).map(cs => cs.join('')),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('a', '?', 'a?', '中')).map(([n, u]) => `${`*${u}`.repeat(n)}*b`),
)

/** Expects `f` to run within the budget; returns its time. */
function within(budget: number, f: () => unknown): number {
  const ms = fastestMs(f, budget)
  expect(ms).toBeLessThan(budget)
  return ms
}

describe('wildcards', () => {
  it('should agree with the RegExp translation on small inputs (SEARCH and whole matches)', () => {
    fc.assert(fc.property(smallPattern, smallText, fc.nat(13), (p, t, from) => {
      const start = Math.min(from, Array.from(t).length)
      expect(wildcardSearch(compileWildcard(p), foldedChars(t), start)).toBe(oracleSearch(p, t, start))
      expect(wildcardMatches(compileWildcard(p), t)).toBe(oracle(p, 'iu', true).test(t))
    }), { numRuns: 10_000 })
  }, 120_000)

  it('should find, as Excel does, the first match ignoring case, by code point', () => {
    const at = (p: string, t: string, from = 0) => wildcardSearch(compileWildcard(p), foldedChars(t), from)
    expect(at('c?e', 'abcde')).toBe(2)
    expect(at('A*D', 'xxabcd')).toBe(2)
    expect(at('~*', 'a*b')).toBe(1)
    expect(at('~?', 'a?b')).toBe(1)
    expect(at('b', 'abcb', 2)).toBe(3)
    expect(at('斗', '😀销售漏斗')).toBe(4)
    expect(at('', 'abc', 2)).toBe(2)
    expect(at('*b', 'aab')).toBe(0)
    expect(at('a*b', 'aaa')).toBe(-1)
    expect(wildcardMatches(compileWildcard('张*'), '张伟')).toBe(true)
    expect(wildcardMatches(compileWildcard('张?'), '张伟伟')).toBe(false)
    expect(wildcardMatches(compileWildcard('a~'), 'a~')).toBe(true)
  })

  it('should take under 50 ms per case for any pattern on a 1 kB text (search, criteria, formula)', () => {
    let worst = 0
    fc.assert(fc.property(hostilePattern, text1k, (p, t) => {
      worst = Math.max(worst, within(BUDGET_MS, () => {
        wildcardSearch(compileWildcard(p), foldedChars(t), 0)
        criterionTest(p)(t)
      }))
    }), { numRuns: 10_000 })
    expect(worst).toBeLessThan(BUDGET_MS)
  }, 120_000)

  it('should run the families that were exponential in well under the budget', () => {
    const text = `${'a'.repeat(TEXT_1K - 1)}!`
    for (const stars of [6, 8, 16, 64]) {
      const p = `${'*a'.repeat(stars)}*b`
      within(BUDGET_MS, () => expect(wildcardSearch(compileWildcard(p), foldedChars(text), 0)).toBe(-1))
      within(BUDGET_MS, () => expect(criterionTest(p)(text)).toBe(false))
      within(BUDGET_MS, () => expect(run(`SEARCH("${p}",{f_name})`, { f_name: text })).toBe('#VALUE!'))
      within(BUDGET_MS, () => expect(run(`COUNTIF({f_name},"${p}")`, { f_name: text })).toBe(0))
    }
  })
})
