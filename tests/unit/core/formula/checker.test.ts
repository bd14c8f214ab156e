import { describe, expect, it } from 'vitest'
import { checkFormula, formatFormulaError, hasFormulaErrors } from '../../../../src/core/formula/index'
import { codes, formulaField, sampleCtx, sampleFields } from '../../../fixtures/formula'

describe('checker', () => {
  describe('checkFormula result type', () => {
    it.each([
      ['1+2', 'number'],
      ['"a"&1', 'text'],
      ['1<2', 'boolean'],
      ['{f_amount}*{f_rate}', 'number'],
      ['{f_name}', 'text'],
      ['{f_signed}', 'date'],
      ['{f_signed}+30', 'date'],
      ['{f_close}-{f_signed}', 'number'],
      ['{f_vip}', 'boolean'],
      ['{f_tags}', 'any'],
      ['IF({f_vip},1,2)', 'number'],
      ['IF({f_vip},1,"x")', 'any'],
      ['TODAY()', 'date'],
      ['DATEDELTA({f_signed},7)', 'date'],
      ['TEXT({f_amount},"0.00")', 'text'],
      ['MAX({f_signed},{f_close})', 'date'],
      ['MAPX("sum",{f_name},{payments.p_customer},{payments.p_amount})', 'any'],
      ['UNKNOWNFN(1)', 'any'],
    ])('should infer %s as %s', (expr, type) => {
      expect(checkFormula(expr, sampleCtx()).type).toBe(type)
    })

    it('should infer the type of a referenced formula field from its expression', () => {
      const fields = [...sampleFields(), formulaField('f_total', '{f_amount}*2'), formulaField('f_due', '{f_signed}+30')]
      expect(checkFormula('{f_total}', { fields }).type).toBe('number')
      expect(checkFormula('{f_due}', { fields }).type).toBe('date')
    })
  })

  describe('checkFormula diagnostics', () => {
    it.each([
      ['{f_nope}+1', ['UNKNOWN_FIELD']],
      ['{f_amount.x}', ['NOT_A_SUBFORM']],
      ['{f_items.nope}', ['UNKNOWN_FIELD']],
      ['{a.b.c}', ['BAD_REF']],
      ['{nowhere.x}', ['UNKNOWN_FORM']],
      ['{payments.nope}', ['UNKNOWN_FIELD']],
      ['SUMM(1)', ['UNKNOWN_FUNCTION']],
      ['ROUND()', ['TOO_FEW_ARGS']],
      ['ROUND(1,2,3)', ['TOO_MANY_ARGS']],
      ['TODAY(1)', ['TOO_MANY_ARGS']],
      ['"abc"*2', ['TYPE_MISMATCH']],
      ['"12"*2', []],
      ['ROUND("x",1)', ['TYPE_MISMATCH']],
      ['YEAR(2026)', ['TYPE_MISMATCH']],
      ['YEAR("yesterday")', ['TYPE_MISMATCH']],
      ['YEAR("2026-03-08")', []],
      ['IF("maybe",1,2)', ['TYPE_MISMATCH']],
      ['{f_signed}*2', ['TYPE_MISMATCH']],
      ['{f_signed}+{f_close}', ['TYPE_MISMATCH']],
      ['1-{f_signed}', ['TYPE_MISMATCH']],
      ['{f_items.c_qty}+1', ['LIST_NOT_ALLOWED']],
      ['{f_tags}="a"', ['LIST_NOT_ALLOWED']],
      ['SUM({f_items.c_qty})', []],
      ['SUMIF({f_amount},">1")', ['RANGE_REQUIRED']],
      ['MAPX("sum",1,{f_name},{payments.p_amount})', ['RANGE_REQUIRED']],
      ['MAPX("median",1,{payments.p_customer},{payments.p_amount})', ['BAD_OPTION']],
      ['DATEDIF({f_signed},{f_close},"W")', ['BAD_OPTION']],
      ['MAPX("sum",1,{payments.p_customer},{f_items.c_qty})', ['MIXED_FORMS']],
      ['{f_name}*2', ['TEXT_AS_NUMBER']],
      ['SUMM({f_nope})', ['UNKNOWN_FUNCTION', 'UNKNOWN_FIELD']],
    ])('should report %s as %j', (expr, expected) => {
      expect(codes(expr)).toEqual(expected)
    })

    it('should place a diagnostic on the offending span', () => {
      const [e] = checkFormula('1 + {f_nope} * 2', sampleCtx()).errors
      expect(e).toMatchObject({ code: 'UNKNOWN_FIELD', start: 4, end: 12, params: { name: 'f_nope' } })
    })

    it('should place an unknown function diagnostic on the function name', () => {
      expect(checkFormula('1+SUMM(1,2)', sampleCtx()).errors[0]).toMatchObject({ start: 2, end: 6 })
    })

    it('should place too-many-arguments on the extra arguments', () => {
      expect(checkFormula('ROUND(1, 2, 3, 4)', sampleCtx()).errors[0]).toMatchObject({ code: 'TOO_MANY_ARGS', start: 12, end: 16 })
    })

    it('should treat text-as-number as a warning, not an error', () => {
      const { errors } = checkFormula('{f_name}*2', sampleCtx())
      expect(errors[0]?.severity).toBe('warning')
      expect(hasFormulaErrors(errors)).toBe(false)
    })

    it('should report a reference to the formula field itself', () => {
      const fields = [...sampleFields(), formulaField('f_self', '{f_self}+1')]
      expect(checkFormula('{f_self}+1', { fields, selfId: 'f_self' }).errors.map(e => e.code)).toEqual(['SELF_REFERENCE'])
    })

    it('should accept labels when asked to check what the user typed', () => {
      const result = checkFormula('{金额} * SUM({明细.单价})', sampleCtx(), { labels: true })
      expect(result.errors).toEqual([])
      expect(checkFormula('{不存在} + 1', sampleCtx(), { labels: true }).errors[0]).toMatchObject({ code: 'UNKNOWN_LABEL', start: 0, end: 5 })
    })

    it('should accept any other form reference when no forms are given', () => {
      expect(codes('SUM({crm.amount})', sampleCtx({ forms: undefined }))).toEqual([])
    })

    it('should return syntax errors with a null AST', () => {
      const r = checkFormula('SUM(1,', sampleCtx())
      expect(r.ast).toBeNull()
      expect(r.errors.map(e => e.code)).toEqual(['UNEXPECTED_END'])
    })

    it('should check a long formula fast enough for every keystroke', () => {
      const expr = Array.from({ length: 400 }, (_, i) => `IF({f_amount}>${i},ROUND({f_amount}*{f_rate},2),LEN({f_name}))`).join('+')
      const t0 = performance.now()
      for (let i = 0; i < 10; i++) checkFormula(expr, sampleCtx())
      expect((performance.now() - t0) / 10).toBeLessThan(50)
    })
  })

  describe('formatFormulaError', () => {
    it.each([
      ['{f_nope}', 'zh-CN', '字段“f_nope”不存在'],
      ['{f_nope}', 'en', 'Unknown field "f_nope"'],
      ['ROUND()', 'zh-CN', 'ROUND 至少需要 1 个参数，实际 0 个'],
      ['ROUND()', 'en', 'ROUND needs at least 1 argument(s), got 0'],
      ['"abc"*2', 'zh-CN', '此处需要数字，实际是文本'],
      ['1+', 'zh-CN', '公式不完整'],
      ['金额*2', 'zh-CN', '未知名称“金额”；字段请写成 {金额}，函数后需加括号'],
    ] as const)('should word the error of %s in %s', (expr, locale, message) => {
      const [e] = checkFormula(expr, sampleCtx()).errors
      expect(formatFormulaError(e!, locale)).toBe(message)
    })
  })
})
