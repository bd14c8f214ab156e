import { describe, expect, it } from 'vitest'
import { checkFormula, evaluateFormula } from '../../../../src/core/formula/index'
import { NOW, run, sampleCtx } from '../../../fixtures/formula'

describe('evaluate', () => {
  describe('evaluateFormula arithmetic', () => {
    it.each([
      ['1+2*3', 7],
      ['(1+2)*3', 9],
      ['-2^2', 4],
      ['2^3^2', 64],
      ['2^-1', 0.5],
      ['10/4', 2.5],
      ['7-10', -3],
      ['0.1+0.2', 0.3],
      ['1.1*3', 3.3],
      ['50%*200', 100],
      ['"12"+1', 13],
      ['"1,234.5"*2', 2469],
      ['"50%"*10', 5],
      ['TRUE+TRUE', 2],
      ['-"3"', -3],
      ['+"abc"', 'abc'],
    ])('should compute %s = %j', (expr, expected) => {
      expect(run(expr)).toBe(expected)
    })

    it.each([
      ['1/0', '#DIV/0!'],
      ['0^0', '#NUM!'],
      ['0^-1', '#DIV/0!'],
      ['(-8)^(1/3)', '#NUM!'],
      ['"abc"*2', '#VALUE!'],
      ['10^400', '#NUM!'],
      ['1/0+"abc"*2', '#DIV/0!'],
      ['"abc"*2+1/0', '#VALUE!'],
      ['-(1/0)', '#DIV/0!'],
      ['(1/0)%', '#DIV/0!'],
      ['{f_tags}+1', '#VALUE!'],
    ])('should give the error value %s = %s', (expr, expected) => {
      expect(run(expr, { f_tags: ['a'] })).toBe(expected)
    })
  })

  describe('evaluateFormula empty values', () => {
    const empties: Array<[string, unknown]> = [['null', null], ['undefined', undefined], ['empty text', '']]
    it.each(empties)('should treat %s as 0 in arithmetic', (_, empty) => {
      expect(run('{f_amount}+5', { f_amount: empty })).toBe(5)
      expect(run('{f_amount}*5', { f_amount: empty })).toBe(0)
    })

    it.each(empties)('should treat %s as empty text in concatenation', (_, empty) => {
      expect(run('"[" & {f_name} & "]"', { f_name: empty })).toBe('[]')
    })

    it.each([
      ['{f_amount}=0', true],
      ['{f_amount}=""', true],
      ['{f_name}=""', true],
      ['{f_name}=0', true],
      ['{f_vip}=FALSE', true],
      ['{f_amount}<1', true],
      ['{f_signed}<DATE(2000,1,1)', true],
      ['ISEMPTY({f_amount})', true],
      ['ISBLANK({f_tags})', true],
    ])('should compare an empty field: %s is %j', (expr, expected) => {
      expect(run(expr, {})).toBe(expected)
    })

    it('should divide an empty field into #DIV/0!', () => {
      expect(run('100/{f_qty}', { f_qty: null })).toBe('#DIV/0!')
    })

    it('should read a record with missing keys as empty, not as #REF!', () => {
      expect(run('{f_amount}&{f_name}', {})).toBe('')
    })
  })

  describe('evaluateFormula comparison and concatenation', () => {
    it.each([
      ['"abc"="ABC"', true],
      ['"a"<"b"', true],
      ['"B">"a"', true],
      ['1<"a"', true],
      ['"z"<TRUE', true],
      ['2>10', false],
      ['"2">"10"', true],
      ['1<>1', false],
      ['DATE(2026,3,8)="2026-03-08"', true],
      ['DATE(2026,3,8)>"2026-03-07"', true],
      ['"中"&"文"&1&TRUE', '中文1TRUE'],
      ['1/3&""', '0.333333333333333'],
      ['DATE(2026,3,8)&""', '2026-03-08'],
      ['{f_tags}&""', 'a, b'],
      ['1=1=TRUE', true],
    ])('should evaluate %s to %j', (expr, expected) => {
      expect(run(expr, { f_tags: ['a', 'b'] })).toBe(expected)
    })

    it('should refuse to compare a list', () => {
      expect(run('{f_tags}="a"', { f_tags: ['a'] })).toBe('#VALUE!')
    })
  })

  describe('evaluateFormula references', () => {
    it.each([
      ['{f_amount}*{f_rate}', { f_amount: 1000, f_rate: 0.15 }, 150],
      ['{f_amount}', { f_amount: '2,000' }, 2000],
      ['{f_qty}+1', { f_qty: '3' }, 4],
      ['{f_vip}', { f_vip: true }, true],
      ['IF({f_vip},"是","否")', { f_vip: 'true' }, '是'],
      ['{f_stage}', { f_stage: 'won' }, 'won'],
      ['COUNTA({f_tags})', { f_tags: ['a', 'c'] }, 2],
      ['COUNT({f_items})', { f_items: [{ values: {} }, { values: {} }] }, 2],
      ['SUM({f_items.c_qty})', { f_items: [{ values: { c_qty: 2 } }, { values: { c_qty: '3' } }, { values: {} }] }, 5],
      ['SUM({f_items.c_qty})', { f_items: [{ c_qty: 4 }] }, 4],
      ['SUM({f_items.c_qty})', { f_items: null }, 0],
      ['{f_signed}+1', { f_signed: '2026-03-07' }, '2026-03-08'],
      ['DAY({f_signed})', { f_signed: Date.UTC(2026, 2, 8, 3) }, 7],
    ])('should read %s from %j as %j', (expr, values, expected) => {
      expect(run(expr, values)).toBe(expected)
    })

    it('should give #REF! for a reference that does not resolve', () => {
      expect(run('{f_gone}+1')).toBe('#REF!')
    })

    it('should give #NAME? for an unknown function and for an unparsable formula', () => {
      expect(run('FOO(1)')).toBe('#NAME?')
      expect(run('1+')).toBe('#NAME?')
    })

    it('should give #VALUE! for a call with the wrong number of arguments', () => {
      expect(run('ROUND()')).toBe('#VALUE!')
    })

    it('should give #VALUE! for a date field holding something that is not a date', () => {
      expect(run('YEAR({f_signed})', { f_signed: '下周一' })).toBe('#VALUE!')
    })

    it('should accept an expression string as well as a compiled formula', () => {
      const ctx = sampleCtx()
      expect(evaluateFormula('{f_qty}*2', { f_qty: 4 }, ctx)).toBe(8)
      expect(evaluateFormula(checkFormula('{f_qty}*2', ctx), { f_qty: 4 }, ctx)).toBe(8)
    })

    it('should evaluate only the taken branch of IF', () => {
      let calls = 0
      const ctx = sampleCtx({ lookupRows: () => { calls++; return [] } })
      expect(run('IF(TRUE, 1, MAPX("count", 1, {payments.p_customer}, {payments.p_amount}))', {}, ctx)).toBe(1)
      expect(calls).toBe(0)
    })

    it('should use one "now" for the whole evaluation', () => {
      let t = NOW
      const ctx = sampleCtx({ now: () => (t += 3_600_000) })
      expect(run('NOW()-NOW()', {}, ctx)).toBe(0)
    })
  })
})
