import { describe, expect, it } from 'vitest'
import { fieldRegistry } from '../../../../src/core/fields/registry'
import { planClear, planFillDown, rangeText } from '../../../../src/core/records/cell-fill'
import { editFields, row, rows, validate } from '../../../fixtures/grid-edit'

const columns = editFields()

describe('cell-fill', () => {
  describe('planFillDown', () => {
    it('should copy the first row of each column down the range', () => {
      const data = [row(0, { name: 'A', amount: 5, level: 'b' }), ...rows(3).slice(1)]
      const plan = planFillDown(columns, data, { top: 0, left: 1, bottom: 2, right: 2 }, validate())
      expect(plan.patches).toEqual([
        { recordId: 'r1', values: { amount: 5, level: 'b' } },
        { recordId: 'r2', values: { amount: 5, level: 'b' } },
      ])
    })

    it('should leave computed columns alone', () => {
      const data = [row(0, { name: 'A', no: 'NO-1' }), row(1, { name: 'B', no: 'NO-2' })]
      const plan = planFillDown(columns, data, { top: 0, left: 4, bottom: 1, right: 4 }, validate())
      expect(plan.patches).toEqual([])
    })

    it('should refuse filling an empty required value into rows below', () => {
      const data = [row(0, {}), row(1, { name: 'B' })]
      const plan = planFillDown(columns, data, { top: 0, left: 0, bottom: 1, right: 0 }, validate())
      expect(plan.patches).toEqual([])
      expect(plan.problems).toEqual([expect.objectContaining({ row: 1, fieldId: 'name' })])
    })
  })

  describe('planClear', () => {
    it('should empty optional cells and refuse required ones', () => {
      const plan = planClear(columns, rows(2), { top: 0, left: 0, bottom: 1, right: 1 }, validate())
      expect(plan.patches).toEqual([{ recordId: 'r0', values: { amount: null } }, { recordId: 'r1', values: { amount: null } }])
      expect(plan.problems.map(p => p.fieldId)).toEqual(['name', 'name'])
    })
  })

  describe('rangeText', () => {
    it('should give the formatted text of each cell in the range', () => {
      const data = [row(0, { name: 'A', amount: 1200, level: 'a' }), row(1, { name: 'B' })]
      const text = rangeText(columns, data, { top: 0, left: 0, bottom: 1, right: 2 }, (f, v) => fieldRegistry[f.type].format(v, f as never, { locale: 'zh-CN' }))
      expect(text).toEqual([['A', '1200', '高'], ['B', '', '']])
    })
  })
})
