import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FormulaNode } from '../../../../src/core/formula/index'
import { checkFormula, evaluateFormula, parseFormula, printFormula } from '../../../../src/core/formula/index'
import { sampleCtx, stripSpans } from '../../../fixtures/formula'

const TOKENS = [
  '1', '0', '2.5', '.5', '1e3', '"a"', '"中文"', '""', '"\\""', '{f_amount}', '{f_name}', '{f_items.c_qty}', '{金额}', '{', '}', '{}',
  '(', ')', ',', '，', '+', '-', '*', '/', '^', '&', '=', '<>', '<', '<=', '>', '>=', '%', 'TRUE', 'FALSE', 'SUM', 'IF', 'ROUND',
  'TEXT', 'MAPX', 'DATE', 'TODAY', 'abc', '金额', '"', '\\', '#', '@', ' ', '\n', '（', '）', '.', 'e', '=',
]

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map(ts => ts.join(''))

/** Parses and measures; the parser must never throw. */
function timedParse(input: string): number {
  const t0 = performance.now()
  const r = parseFormula(input)
  expect(r.ast !== null || r.errors.length > 0).toBe(true)
  return performance.now() - t0
}

/** Median and 99th percentile well under a keystroke; the worst case bounded despite GC pauses on a shared machine. */
function expectFast(times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b)
  expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(1)
  expect(sorted[Math.floor(sorted.length * 0.99)]).toBeLessThan(10)
  expect(sorted[sorted.length - 1]).toBeLessThan(1000)
}

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
const refPart = fc.string({ maxLength: 6 }).map(s => s.trim()).filter(s => s.length > 0)

const astArb: fc.Arbitrary<FormulaNode> = fc.letrec<{ node: FormulaNode }>(tie => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).map(value => ({ type: 'number', value: Object.is(value, -0) ? 0 : value, start: 0, end: 0 }) as FormulaNode),
    fc.string({ maxLength: 6 }).map(value => ({ type: 'string', value, start: 0, end: 0 }) as FormulaNode),
    fc.boolean().map(value => ({ type: 'boolean', value, start: 0, end: 0 }) as FormulaNode),
    fc.array(refPart, { minLength: 1, maxLength: 2 }).map(path => ({ type: 'ref', path, start: 0, end: 0 }) as FormulaNode),
    fc.tuple(fc.constantFrom('-', '+'), tie('node')).map(([op, operand]) => ({ type: 'unary', op, operand, start: 0, end: 0 }) as FormulaNode),
    tie('node').map(operand => ({ type: 'percent', operand, start: 0, end: 0 }) as FormulaNode),
    fc.tuple(fc.constantFrom('+', '-', '*', '/', '^', '&', '=', '<>', '<', '<=', '>', '>='), tie('node'), tie('node'))
      .map(([op, left, right]) => ({ type: 'binary', op, left, right, start: 0, end: 0 }) as FormulaNode),
    fc.tuple(identifier, fc.array(tie('node'), { maxLength: 3 })).map(([name, args]) => ({ type: 'call', name, args, start: 0, end: 0 }) as FormulaNode),
  ),
})).node

describe('parser properties', () => {
  describe('parseFormula', () => {
    it('should never throw and return quickly on 10k random strings', () => {
      const times: number[] = []
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => { times.push(timedParse(s)) }), { numRuns: 10_000 })
      expectFast(times)
    }, 60_000)

    it('should never throw and return quickly on 10k random token soups', () => {
      const times: number[] = []
      fc.assert(fc.property(tokenSoup, (s) => { times.push(timedParse(s)) }), { numRuns: 10_000 })
      expectFast(times)
    }, 60_000)

    it('should stay fast on pathological inputs', () => {
      for (const s of ['('.repeat(19_000), '-'.repeat(19_000), '"'.repeat(19_999), '{'.repeat(19_999), '1+'.repeat(9_999) + '1']) {
        expect(timedParse(s)).toBeLessThan(500)
      }
    })
  })

  describe('printFormula', () => {
    it('should reparse printed token soups to the same AST', () => {
      fc.assert(fc.property(tokenSoup, (s) => {
        const { ast } = parseFormula(s)
        if (!ast) return
        const printed = printFormula(ast)
        const again = parseFormula(printed).ast
        expect(stripSpans(again)).toEqual(stripSpans(ast))
        expect(printFormula(again!)).toBe(printed)
      }), { numRuns: 5_000 })
    })

    it('should reparse any printed AST to the same AST', () => {
      fc.assert(fc.property(astArb, (ast) => {
        const printed = printFormula(ast)
        expect(stripSpans(parseFormula(printed).ast)).toEqual(stripSpans(ast))
      }), { numRuns: 3_000 })
    })
  })

  describe('checkFormula and evaluateFormula', () => {
    it('should never throw on random token soups', () => {
      const ctx = sampleCtx()
      const values = { f_amount: 12.5, f_name: '华为', f_items: [{ values: { c_qty: 2 } }] }
      fc.assert(fc.property(tokenSoup, (s) => {
        const compiled = checkFormula(s, ctx)
        evaluateFormula(compiled, values, ctx)
      }), { numRuns: 3_000 })
    })

    it('should never throw on random well-formed calls of every kind of argument', () => {
      const ctx = sampleCtx()
      const fnName = fc.constantFrom('SUM', 'IF', 'ROUND', 'TEXT', 'MID', 'DATEDIF', 'MAPX', 'SUMIF', 'DATE', 'EDATE', 'NETWORKDAYS', 'WEEKDAY', 'LARGE', 'SEARCH', 'REPT', 'CHOOSE', 'SWITCH', 'FIXED')
      const arg = fc.constantFrom('1', '-1', '0', '1e10', '"x"', '"2026-03-08"', '""', '{f_amount}', '{f_signed}', '{f_items.c_qty}', '{f_tags}', 'TRUE', '1/0', '{payments.p_amount}', '"0.0%"', '"sum"')
      fc.assert(fc.property(fnName, fc.array(arg, { maxLength: 5 }), (name, args) => {
        evaluateFormula(`${name}(${args.join(',')})`, { f_amount: 3, f_signed: '2026-03-08', f_tags: ['a'], f_items: [{ values: { c_qty: 1 } }] }, ctx)
      }), { numRuns: 3_000 })
    })
  })
})
