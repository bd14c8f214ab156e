import { describe, expect, it } from 'vitest'
import { run, sampleCtx } from '../../../fixtures/formula'

const items = {
  f_items: [
    { values: { c_product: '软件', c_qty: 2, c_price: 100 } },
    { values: { c_product: '硬件', c_qty: 1, c_price: 500 } },
    { values: { c_product: '软件服务', c_qty: 3, c_price: 50 } },
    { values: { c_product: '', c_qty: 4, c_price: null } },
  ],
}

describe('functions', () => {
  describe('SUMIF / COUNTIF over subform columns', () => {
    it.each([
      ['SUMIF({f_items.c_product},"软件",{f_items.c_price})', 100],
      ['SUMIF({f_items.c_product},"软件*",{f_items.c_price})', 150],
      ['SUMIF({f_items.c_product},"<>软件",{f_items.c_qty})', 8],
      ['SUMIF({f_items.c_qty},">1")', 9],
      ['SUMIF({f_items.c_qty},">=2",{f_items.c_price})', 150],
      ['SUMIF({f_items.c_qty},2,{f_items.c_price})', 100],
      ['SUMIF({f_items.c_qty},"2",{f_items.c_price})', 100],
      ['SUMIF({f_items.c_product},"",{f_items.c_qty})', 4],
      ['SUMIF({f_items.c_product},"?件",{f_items.c_qty})', 3],
      ['COUNTIF({f_items.c_product},"软件*")', 2],
      ['COUNTIF({f_items.c_price},">=100")', 2],
      ['COUNTIF({f_items.c_price},"<100")', 1],
      ['COUNTIF({f_items.c_product},"<>")', 3],
      ['COUNTIF({f_items.c_product},"=")', 1],
      ['COUNTIF({f_tags},"a")', 1],
      ['AVERAGEIF({f_items.c_product},"软件*",{f_items.c_qty})', 2.5],
      ['AVERAGEIF({f_items.c_product},"无",{f_items.c_qty})', '#DIV/0!'],
      ['SUMIFS({f_items.c_qty},{f_items.c_product},"软件*",{f_items.c_price},">60")', 2],
      ['COUNTIFS({f_items.c_product},"*件*",{f_items.c_qty},"<3")', 2],
      ['SUMIF({f_items.c_product},"软件",{f_tags})', '#VALUE!'],
    ])('should evaluate %s to %j', (expr, expected) => {
      expect(run(expr, { ...items, f_tags: ['a', 'b'] })).toBe(expected)
    })

    it('should compare date criteria as dates', () => {
      const ctx = sampleCtx({ fields: [{ type: 'subform', id: 's', label: 's', options: { fields: [{ type: 'date', id: 'd', label: 'd' }, { type: 'number', id: 'n', label: 'n' }] } }] })
      const values = { s: [{ values: { d: '2026-01-15', n: 1 } }, { values: { d: '2026-03-08', n: 2 } }, { values: { d: '2026-04-01', n: 4 } }] }
      expect(run('SUMIF({s.d},">=2026-03-08",{s.n})', values, ctx)).toBe(6)
      expect(run('SUMIF({s.d},"2026-03-08",{s.n})', values, ctx)).toBe(2)
    })
  })

  describe('MAPX (cross-form lookup)', () => {
    it.each([
      ['MAPX("first","华为",{payments.p_customer},{payments.p_amount})', 100],
      ['MAPX("last","华为",{payments.p_customer},{payments.p_amount})', 300],
      ['MAPX("sum","华为",{payments.p_customer},{payments.p_amount})', 400],
      ['MAPX("count","华为",{payments.p_customer},{payments.p_amount})', 2],
      ['MAPX("avg","华为",{payments.p_customer},{payments.p_amount})', 200],
      ['MAPX("max","华为",{payments.p_customer},{payments.p_amount})', 300],
      ['MAPX("min","华为",{payments.p_customer},{payments.p_amount})', 100],
      ['MAPX("SUM","腾讯",{payments.p_customer},{payments.p_amount})', 250.5],
      ['MAPX("sum","字节",{payments.p_customer},{payments.p_amount})', 0],
      ['MAPX("first","字节",{payments.p_customer},{payments.p_amount})', null],
      ['MAPX("avg","阿里",{payments.p_customer},{payments.p_amount})', null],
      ['MAPX("last","华为",{payments.p_customer},{payments.p_date})', '2026-03-01'],
      ['MAPX("sum",{f_name},{payments.p_customer},{payments.p_amount})', 400],
      ['MAPX("median","华为",{payments.p_customer},{payments.p_amount})', '#VALUE!'],
      ['SUM({payments.p_amount})', 650.5],
    ])('should evaluate %s to %j', (expr, expected) => {
      expect(run(expr, { f_name: '华为' })).toBe(expected)
    })

    it('should see no rows when the context has no lookupRows', () => {
      expect(run('MAPX("count","华为",{payments.p_customer},{payments.p_amount})', {}, sampleCtx({ lookupRows: undefined }))).toBe(0)
    })

    it('should turn a failing data source into #REF! instead of throwing', () => {
      const ctx = sampleCtx({ lookupRows: () => { throw new Error('offline') } })
      expect(run('MAPX("sum","华为",{payments.p_customer},{payments.p_amount})', {}, ctx)).toBe('#REF!')
    })

    it('should match text keys without case, and keys of other types as Excel\'s = does', () => {
      const rows = [
        { values: { p_customer: 'Huawei', p_amount: 1 } },
        { values: { p_customer: 'HUAWEI', p_amount: 2 } },
        { values: { p_customer: 7, p_amount: 4 } },
        { values: { p_customer: null, p_amount: 8 } },
        { values: { p_customer: '', p_amount: 16 } },
      ]
      const ctx = sampleCtx({ lookupRows: () => rows })
      expect(run('MAPX("sum","huawei",{payments.p_customer},{payments.p_amount})', {}, ctx)).toBe(3)
      expect(run('MAPX("sum",7,{payments.p_customer},{payments.p_amount})', {}, ctx)).toBe(4)
      expect(run('MAPX("sum","7",{payments.p_customer},{payments.p_amount})', {}, ctx)).toBe(0)
      expect(run('MAPX("sum","",{payments.p_customer},{payments.p_amount})', {}, ctx)).toBe(24)
    })

    it('should share other forms\' columns between evaluations given one foreignColumns map, until the rows change', () => {
      let rows = [{ values: { p_customer: '华为', p_amount: 5 } }]
      const ctx = sampleCtx({ lookupRows: () => rows, foreignColumns: new Map() })
      expect(run('MAPX("sum","华为",{payments.p_customer},{payments.p_amount})', {}, ctx)).toBe(5)
      expect(ctx.foreignColumns!.size).toBe(2)
      expect(run('MAPX("sum","华为",{payments.p_customer},{payments.p_amount})', {}, ctx)).toBe(5)
      rows = [...rows, { values: { p_customer: '华为', p_amount: 7 } }]
      expect(run('MAPX("sum","华为",{payments.p_customer},{payments.p_amount})', {}, ctx)).toBe(12)
    })

    it('should read the other form only once per evaluation', () => {
      let calls = 0
      const ctx = sampleCtx({ lookupRows: () => { calls++; return [] } })
      run('MAPX("sum",1,{payments.p_customer},{payments.p_amount})+MAPX("count",1,{payments.p_customer},{payments.p_amount})', {}, ctx)
      expect(calls).toBe(1)
    })
  })
})
