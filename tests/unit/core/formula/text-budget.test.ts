/**
 * No formula over a 1 kB text takes more than 50 ms (hardening issue, acceptance): random
 * compositions of the text, search and criteria functions, with wildcard-heavy literals, over a
 * field holding a 1 kB 'aaaa…!' text.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkFormula } from '../../../../src/core/formula/index'
import { run, sampleCtx } from '../../../fixtures/formula'
import { BUDGET_MS, fastestMs } from '../../../fixtures/time-budget'

const LONG = `${'a'.repeat(1023)}!`

const literal = fc.constantFrom('{f_name}', '"*a*a*a*a*a*a*a*b"', '"a?a*"', '"~*"', '"a"', '""', '1', '3', '"中*"')
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>(tie => ({
  e: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    literal,
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `SEARCH(${a},${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `FIND(${a},${b})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([a, b, c]) => `SUBSTITUTE(${a},${b},${c})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `CONCATENATE(${a},${b})`),
    fc.tuple(tie('e'), fc.integer({ min: 0, max: 3 })).map(([a, n]) => `REPT(${a},${n})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `MID(${a},${b},40)`),
    tie('e').map(a => `PROPER(TRIM(UPPER(${a})))`),
    tie('e').map(a => `LEN(${a})`),
    tie('e').map(a => `COUNTIF({f_name},${a})`),
    tie('e').map(a => `SUMIF({f_name},${a},{f_name})`),
  ),
})).e

describe('formula time budget on a 1 kB text', () => {
  it('should check and evaluate any text formula in under 50 ms', () => {
    let compiled = 0
    fc.assert(fc.property(expr, (e) => {
      if (checkFormula(e, sampleCtx()).errors.every(x => x.severity !== 'error')) compiled++
      expect(fastestMs(() => run(e, { f_name: LONG })), e).toBeLessThan(BUDGET_MS)
    }), { numRuns: 10_000 })
    // Most generated formulas are real ones (about 40 % pass the type checker), not all refused.
    expect(compiled).toBeGreaterThan(3_000)
  }, 300_000)
})
