import { describe, expect, it } from 'vitest'
import type { FieldDef } from '../../../../src/core/schema/types'
import { affectedFormulas, buildFormulaGraph, computeFormulas, formulaDependencies, parseFormula } from '../../../../src/core/formula/index'
import { field, formulaField, NOW, paymentsForm, PAYMENT_ROWS, sampleFields, subformField } from '../../../fixtures/formula'

/** 金额 -> 税额 -> 含税 ; 数量 -> 件数说明 ; 明细 -> 明细合计 ; 回款 -> 已回款 */
function form(): FieldDef[] {
  return [
    ...sampleFields(),
    formulaField('f_total', '{f_net}+{f_tax}', '含税'),
    formulaField('f_tax', 'ROUND({f_net}*0.13,2)', '税额'),
    formulaField('f_net', '{f_amount}*(1-{f_rate})', '净额'),
    formulaField('f_qtytext', '{f_qty}&"件"', '件数说明'),
    formulaField('f_lines', 'SUM({f_items.c_price})', '明细合计'),
    formulaField('f_paid', 'MAPX("sum",{f_name},{payments.p_customer},{payments.p_amount})', '已回款'),
  ]
}

const ctx = { now: NOW, timeZone: 'Asia/Shanghai', forms: [paymentsForm()], lookupRows: () => PAYMENT_ROWS }

describe('graph', () => {
  describe('formulaDependencies', () => {
    it.each([
      ['{a}+{b}*{a}', { fields: ['a', 'b'], foreign: [] }],
      ['SUM({f_items.c_qty})', { fields: ['f_items'], foreign: [] }],
      ['MAPX("sum",{f_name},{payments.p_customer},{payments.p_amount})', { fields: ['f_name'], foreign: ['payments.p_customer', 'payments.p_amount'] }],
      ['1+2', { fields: [], foreign: [] }],
    ])('should list what %s reads', (expr, deps) => {
      expect(formulaDependencies(parseFormula(expr).ast, sampleFields(), [paymentsForm()])).toEqual(deps)
    })

    it('should treat an unknown dotted head as another form when no forms are known', () => {
      expect(formulaDependencies(parseFormula('SUM({crm.amount})').ast, sampleFields())).toEqual({ fields: [], foreign: ['crm.amount'] })
    })
  })

  describe('buildFormulaGraph', () => {
    it('should order formulas after the formulas they read', () => {
      const r = buildFormulaGraph(form())
      expect(r.ok).toBe(true)
      const order = r.graph.order
      expect(order.indexOf('f_net')).toBeLessThan(order.indexOf('f_tax'))
      expect(order.indexOf('f_tax')).toBeLessThan(order.indexOf('f_total'))
      expect([...order].sort()).toEqual(['f_lines', 'f_net', 'f_paid', 'f_qtytext', 'f_tax', 'f_total'])
    })

    it('should refuse a cycle and name its fields', () => {
      const fields = [field('number', 'x', 'X'), formulaField('a', '{b}+1', '甲'), formulaField('b', '{c}*2', '乙'), formulaField('c', 'IF({x}>0,{a},0)', '丙')]
      const r = buildFormulaGraph(fields)
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.code).toBe('CYCLE')
      expect(r.error.fieldIds).toEqual(['a', 'b', 'c', 'a'])
      expect(r.error.messages['zh-CN']).toBe('公式循环引用：甲 → 乙 → 丙 → 甲')
      expect(r.error.message).toBe('Circular formula reference: 甲 → 乙 → 丙 → 甲')
    })

    it('should refuse a formula that reads itself', () => {
      const r = buildFormulaGraph([formulaField('a', '{a}+1', '自身')])
      expect(r.ok ? [] : r.error.fieldIds).toEqual(['a', 'a'])
    })
  })

  describe('affectedFormulas', () => {
    const graph = buildFormulaGraph(form()).graph
    it.each([
      [['f_amount'], ['f_net', 'f_tax', 'f_total']],
      [['f_rate', 'f_qty'], ['f_net', 'f_tax', 'f_total', 'f_qtytext']],
      [['f_qty'], ['f_qtytext']],
      [['f_code'], []],
      [['f_items'], ['f_lines']],
      [['f_tax'], ['f_tax', 'f_total']],
      [['payments.p_amount'], ['f_paid']],
      [['payments'], ['f_paid']],
      [['f_name'], ['f_paid']],
    ])('should recompute only what depends on %j', (changed, expected) => {
      const got = affectedFormulas(graph, changed)
      expect([...got].sort()).toEqual([...expected].sort())
      expect(got).toEqual(graph.order.filter(id => got.includes(id)))
    })
  })

  describe('computeFormulas', () => {
    const values = {
      f_amount: 1000, f_rate: 0.1, f_qty: 3, f_name: '华为',
      f_items: [{ values: { c_price: 10 } }, { values: { c_price: 20.5 } }],
    }

    it('should compute every formula in dependency order', () => {
      expect(computeFormulas(form(), values, ctx)).toEqual({
        f_net: 900, f_tax: 117, f_total: 1017, f_qtytext: '3件', f_lines: 30.5, f_paid: 400,
      })
    })

    it('should return only the formulas affected by a change, using the stored values of the others', () => {
      const stored = { ...values, f_amount: 2000, f_net: 900, f_tax: 117, f_total: 1017, f_qtytext: 'stale' }
      expect(computeFormulas(form(), stored, ctx, ['f_amount'])).toEqual({ f_net: 1800, f_tax: 234, f_total: 2034 })
    })

    it('should recompute a dependent from a stored error result', () => {
      const fields = [field('number', 'n'), formulaField('inv', '1/{n}'), formulaField('safe', 'IFERROR({inv},-1)')]
      expect(computeFormulas(fields, { n: 0 }, ctx)).toEqual({ inv: '#DIV/0!', safe: -1 })
      expect(computeFormulas(fields, { n: 0, inv: '#DIV/0!' }, ctx, ['inv'])).toEqual({ inv: '#DIV/0!', safe: -1 })
    })

    it('should chain date results between formulas', () => {
      const fields = [field('date', 'start'), formulaField('due', '{start}+30'), formulaField('dueText', 'TEXT({due},"M月d日")')]
      expect(computeFormulas(fields, { start: '2026-02-01' }, ctx)).toEqual({ due: '2026-03-03', dueText: '3月3日' })
      expect(computeFormulas(fields, { start: '2026-02-01', due: '2026-03-03' }, ctx, ['due'])).toEqual({ due: '2026-03-03', dueText: '3月3日' })
    })

    it('should apply the field precision and result type', () => {
      const fields = [field('number', 'n'), formulaField('r', '{n}/3', 'r', { precision: 2 }), formulaField('t', '{n}*2', 't', { resultType: 'text' })]
      expect(computeFormulas(fields, { n: 10 }, ctx)).toEqual({ r: 3.33, t: '20' })
    })

    it('should give #REF! to formulas on a cycle and still compute the rest', () => {
      const fields = [field('number', 'n'), formulaField('a', '{b}'), formulaField('b', '{a}'), formulaField('ok', '{n}+1')]
      expect(computeFormulas(fields, { n: 1 }, ctx)).toEqual({ a: '#REF!', b: '#REF!', ok: 2 })
    })

    it('should compute formula columns of subform rows and the totals reading them', () => {
      const fields = [
        subformField('lines', '明细', [field('number', 'qty'), field('money', 'price'), formulaField('sub', '{qty}*{price}')]),
        formulaField('total', 'SUM({lines.sub})'),
      ]
      const rows = [{ values: { qty: 2, price: 10 } }, { values: { qty: 3, price: 1.5 } }]
      expect(computeFormulas(fields, { lines: rows }, ctx)).toEqual({
        lines: [{ values: { qty: 2, price: 10, sub: 20 } }, { values: { qty: 3, price: 1.5, sub: 4.5 } }],
        total: 24.5,
      })
      expect(computeFormulas(fields, { lines: rows }, ctx, ['other'])).toEqual({})
    })

    it('should accept a prebuilt graph for bulk recomputation', () => {
      const graph = buildFormulaGraph(form(), ctx.forms).graph
      const results = [1, 2, 3].map(n => computeFormulas(graph, { ...values, f_amount: n * 100 }, ctx, ['f_amount']).f_total)
      expect(results).toEqual([101.7, 203.4, 305.1])
    })
  })
})
