import { describe, expect, it } from 'vitest'
import { listFormulaFunctions } from '../../../../src/core/formula/index'
import { run } from '../../../fixtures/formula'

describe('functions', () => {
  describe('logical', () => {
    it.each([
      ['IF(1>0,"yes","no")', 'yes'],
      ['IF(0,"yes","no")', 'no'],
      ['IF(FALSE,1)', false],
      ['IF("TRUE",1,2)', 1],
      ['IF("maybe",1,2)', '#VALUE!'],
      ['IF(1/0,1,2)', '#DIV/0!'],
      ['IF(TRUE,1,1/0)', 1],
      ['IFS(1>2,"a",2>1,"b")', 'b'],
      ['IFS(FALSE,1)', '#N/A'],
      ['AND(TRUE,1,"true")', true],
      ['AND(TRUE,0)', false],
      ['OR(FALSE,0,{f_vip})', false],
      ['OR(FALSE,"abc")', '#VALUE!'],
      ['NOT({f_vip})', true],
      ['XOR(TRUE,TRUE,TRUE)', true],
      ['XOR(TRUE,TRUE)', false],
      ['IFERROR(1/0,"除零")', '除零'],
      ['IFERROR(5,0)', 5],
      ['SWITCH("b","a",1,"b",2,3)', 2],
      ['SWITCH("z","a",1,"b",2,3)', 3],
      ['SWITCH("z","a",1)', '#N/A'],
      ['CHOOSE(2,"一","二","三")', '二'],
      ['CHOOSE(4,"一","二","三")', '#VALUE!'],
      ['TRUE()', true],
      ['AND({f_tags})', '#VALUE!'],
      ['ROUNDUP(2.1)', 3],
    ])('should evaluate %s to %j', (expr, expected) => {
      expect(run(expr, { f_tags: [] })).toBe(expected)
    })
  })

  describe('info', () => {
    it.each([
      ['ISEMPTY("")', true],
      ['ISEMPTY(0)', false],
      ['ISEMPTY(1/0)', false],
      ['ISBLANK({f_name})', true],
      ['ISNOTEMPTY({f_name})', false],
      ['ISNUMBER(1)', true],
      ['ISNUMBER("1")', false],
      ['ISTEXT("a")', true],
      ['ISTEXT({f_name})', false],
      ['ISLOGICAL(FALSE)', true],
      ['ISDATE(TODAY())', true],
      ['ISERROR(1/0)', true],
      ['ISERROR(1)', false],
      ['ISNA(NA())', true],
      ['ISNA(1/0)', false],
    ])('should evaluate %s to %j', (expr, expected) => {
      expect(run(expr)).toBe(expected)
    })
  })

  describe('math', () => {
    it.each([
      ['ROUND(2.675,2)', 2.68],
      ['ROUND(1.005,2)', 1.01],
      ['ROUND(-2.5,0)', -3],
      ['ROUND(1234.567,-2)', 1200],
      ['ROUND(2.5)', 3],
      ['ROUNDUP(3.141,2)', 3.15],
      ['ROUNDUP(-3.141,1)', -3.2],
      ['ROUNDUP(0.1+0.2,1)', 0.3],
      ['ROUNDDOWN(3.149,2)', 3.14],
      ['ROUNDDOWN(-3.149,2)', -3.14],
      ['TRUNC(-4.7)', -4],
      ['INT(-4.3)', -5],
      ['INT(4.9)', 4],
      ['CEILING(2.1)', 3],
      ['CEILING(2.5,0.5)', 2.5],
      ['CEILING(123,10)', 130],
      ['CEILING(-2.5,2)', -2],
      ['CEILING(2.5,-1)', '#NUM!'],
      ['FLOOR(2.9)', 2],
      ['FLOOR(-2.5,2)', -4],
      ['FLOOR(0.35,0.1)', 0.3],
      ['ABS(-3)', 3],
      ['MOD(10,3)', 1],
      ['MOD(-10,3)', 2],
      ['MOD(10,-3)', -2],
      ['MOD(5.5,1)', 0.5],
      ['MOD(1,0)', '#DIV/0!'],
      ['POWER(2,10)', 1024],
      ['POWER(0,0)', '#NUM!'],
      ['SQRT(16)', 4],
      ['SQRT(-1)', '#NUM!'],
      ['SIGN(-0.5)', -1],
      ['LN(0)', '#NUM!'],
      ['LOG(1000)', 3],
      ['LOG(8,2)', 3],
      ['LOG10(0.01)', -2],
      ['EXP(0)', 1],
      ['ROUND(PI(),4)', 3.1416],
      ['FIXED(1234567.891)', '1,234,567.89'],
      ['FIXED(1234.5,0,TRUE)', '1235'],
      ['ROUND("abc",1)', '#VALUE!'],
    ])('should evaluate %s to %j', (expr, expected) => {
      expect(run(expr)).toBe(expected)
    })
  })

  describe('stats', () => {
    const items = { f_items: [{ values: { c_qty: 2, c_price: 10 } }, { values: { c_qty: 5, c_price: 'n/a' } }, { values: { c_qty: null, c_price: 7 } }] }
    it.each([
      ['SUM(1,2,3)', 6],
      ['SUM("1",TRUE)', 2],
      ['SUM("abc")', '#VALUE!'],
      ['SUM({f_items.c_qty})', 7],
      ['SUM({f_items.c_qty},10)', 17],
      ['AVERAGE({f_items.c_qty})', 3.5],
      ['AVERAGE({f_items.c_price})', 8.5],
      ['AVERAGE({f_amount})', '#DIV/0!'],
      ['MAX({f_items.c_qty})', 5],
      ['MIN(3,1,2)', 1],
      ['MAX({f_tags})', 0],
      ['COUNT({f_items.c_qty})', 2],
      ['COUNT(1,"2","x",1/0)', 2],
      ['COUNTA({f_items.c_qty})', 2],
      ['COUNTA(1,"",{f_amount},1/0)', 2],
      ['COUNTBLANK({f_items.c_qty})', 1],
      ['PRODUCT(2,3,4)', 24],
      ['LARGE({f_items.c_qty},1)', 5],
      ['SMALL({f_items.c_qty},2)', 5],
      ['LARGE({f_items.c_qty},3)', '#NUM!'],
      ['MEDIAN(1,5,2,8)', 3.5],
      ['MEDIAN(3,1,2)', 2],
      ['SUMPRODUCT({f_items.c_qty},{f_items.c_price})', 20],
      ['SUM(0.1,0.2)', 0.3],
    ])('should evaluate %s to %j', (expr, expected) => {
      expect(run(expr, { ...items, f_tags: [] })).toBe(expected)
    })

    it('should return the latest date for MAX over dates', () => {
      expect(run('MAX({f_signed},{f_close})', { f_signed: '2026-01-02', f_close: '2026-05-01' })).toBe('2026-05-01')
    })

    it('should propagate an error found inside a list', () => {
      expect(run('SUM({f_items.c_qty})', { f_items: [{ values: { c_qty: 1 } }, { values: { c_qty: Number.NaN } }] })).toBe('#NUM!')
    })
  })

  describe('listFormulaFunctions', () => {
    it('should offer at least 60 functions with unique names', () => {
      const names = listFormulaFunctions().map(f => f.name)
      expect(names.length).toBeGreaterThanOrEqual(60)
      expect(new Set(names).size).toBe(names.length)
    })

    it.each([
      'IF', 'IFS', 'AND', 'OR', 'NOT', 'XOR', 'ISEMPTY', 'ISBLANK', 'SUM', 'AVERAGE', 'ROUND', 'ROUNDUP', 'ROUNDDOWN', 'INT',
      'CEILING', 'FLOOR', 'MAX', 'MIN', 'COUNT', 'COUNTA', 'ABS', 'MOD', 'POWER', 'SQRT', 'PRODUCT', 'LARGE', 'SMALL',
      'CONCATENATE', 'LEFT', 'RIGHT', 'MID', 'LEN', 'TEXT', 'VALUE', 'TRIM', 'UPPER', 'LOWER', 'SEARCH', 'FIND', 'REPLACE',
      'SUBSTITUTE', 'REPT', 'EXACT', 'ISNUMBER', 'ISTEXT', 'TODAY', 'NOW', 'DATE', 'YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE',
      'WEEKDAY', 'WEEKNUM', 'DATEDIF', 'DAYS', 'NETWORKDAYS', 'EDATE', 'EOMONTH', 'DATEDELTA', 'ADDDAYS', 'SUMIF', 'COUNTIF', 'MAPX',
    ])('should provide %s', (name) => {
      expect(listFormulaFunctions().some(f => f.name === name)).toBe(true)
    })
  })
})
