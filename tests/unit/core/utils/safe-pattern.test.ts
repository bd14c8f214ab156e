/**
 * The static check of user patterns (hardening issue, finding 2): the catastrophic families are
 * refused with a reason, everyday validation patterns pass, and every pattern the check lets
 * through runs in under 50 ms on a 1 kB text.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PHONE_PATTERN } from '../../../../src/core/fields/shared/text-like'
import { checkPattern, isSafePattern, MAX_PATTERN_LENGTH, patternRefusalText } from '../../../../src/core/utils/safe-pattern'
import { BUDGET_MS, fastestMs as timed } from '../../../fixtures/time-budget'

describe('safe patterns', () => {
  it.each([
    ['^(a+)+$', 'nestedQuantifier'],
    ['(a*)*', 'nestedQuantifier'],
    ['^(\\w+\\s?)*$', 'nestedQuantifier'],
    ['([a-z]+)*x', 'nestedQuantifier'],
    ['(a|a)*', 'ambiguousAlternation'],
    ['^(a|ab)*$', 'ambiguousAlternation'],
    ['(x|)+', 'ambiguousAlternation'],
    ['(\\d|\\d\\d)+$', 'ambiguousAlternation'],
    ['^(a)\\1$', 'backreference'],
    ['^(?<x>a)\\k<x>$', 'backreference'],
    ['^\\d+\\d+$', 'competingQuantifiers'],
    ['^\\w+\\s?\\w+$', 'competingQuantifiers'],
    [`^${'a?'.repeat(30)}${'a'.repeat(30)}$`, 'competingQuantifiers'],
    ['.*a.*a.*b', 'competingQuantifiers'],
    ['[', 'invalid'],
    ['a'.repeat(MAX_PATTERN_LENGTH + 1), 'tooLong'],
  ])('should refuse %j (%s)', (pattern, reason) => {
    const v = checkPattern(pattern)
    expect(v.ok ? 'ok' : v.reason).toBe(reason)
  })

  it.each([
    '^[A-Z]{2}\\d{4}$', '^\\d{6}$', '^1[3-9]\\d{9}$', '^[\\w.-]+@[\\w-]+\\.\\w+$', '^.+$', '^[^\\s]+$',
    '^(\\d{3}-)?\\d{8}$', '^[A-Z]+(-[A-Z]+)*$', '^([a-z0-9-]+\\.)+[a-z]{2,}$', '^(?:HT|PO)-\\d+$', '^(a|b)*$',
    '^\\p{Script=Han}+$', '^[\\u4e00-\\u9fa5]{2,8}$', '^\\d+(\\.\\d{1,2})?$', 'foo', PHONE_PATTERN,
  ])('should accept %j', (pattern) => {
    expect(checkPattern(pattern)).toEqual({ ok: true })
  })

  it('should say why in both locales', () => {
    const m = patternRefusalText('^(a+)+$', 'nestedQuantifier')
    expect(m['zh-CN']).toContain('^(a+)+$')
    expect(m.en).toContain('(a+)+')
  })

  const fragment = fc.constantFrom('a', 'b', 'ab', '\\d', '\\w', '\\s', '.', '[ab]', '[^a]', '-', '!', '中', '^', '$', '(', ')', '(?:', '|')
  const quantifier = fc.constantFrom('', '', '', '*', '+', '?', '{1,3}', '{2}', '{2,}', '*?')
  const pattern = fc.array(fc.tuple(fragment, quantifier), { minLength: 1, maxLength: 12 }).map(ps => ps.map(([f, q]) => f + q).join(''))
  const unit = fc.constantFrom('a', 'ab', 'a!', 'a b', '1', 'a-', '中a', 'aab')
  const text1k = fc.tuple(unit, fc.constantFrom('', '!', 'b', '\n', '-')).map(([u, tail]) => `${u.repeat(1024).slice(0, 1024 - tail.length)}${tail}`)

  it('should let through only patterns that run in under 50 ms on a 1 kB text', () => {
    let accepted = 0
    let worst = 0
    fc.assert(fc.property(pattern, text1k, (p, t) => {
      if (!isSafePattern(p)) return
      accepted++
      const re = new RegExp(p, 'u')
      const ms = timed(() => re.test(t))
      worst = Math.max(worst, ms)
      expect(ms, `${p} on ${JSON.stringify(t.slice(0, 8))}…`).toBeLessThan(BUDGET_MS)
    }), { numRuns: 10_000 })
    expect(accepted).toBeGreaterThan(1000)
    expect(worst).toBeLessThan(BUDGET_MS)
  }, 300_000)

  it('should check any pattern up to the length limit quickly', () => {
    fc.assert(fc.property(fc.string({ maxLength: MAX_PATTERN_LENGTH }), (p) => {
      expect(timed(() => checkPattern(p))).toBeLessThan(BUDGET_MS)
    }), { numRuns: 10_000 })
    expect(timed(() => checkPattern(`${'(?:'.repeat(200)}a${')'.repeat(200)}`))).toBeLessThan(BUDGET_MS)
  }, 300_000)
})
