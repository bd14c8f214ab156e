import { describe, expect, it } from 'vitest'
import { planPaste } from '../../../../src/core/records/clipboard-paste'
import { parseTsv } from '../../../../src/core/records/clipboard-tsv'
import { field } from '../../../fixtures/fields'
import { editFields, editForm, rows, validate } from '../../../fixtures/grid-edit'

const columns = editFields()
const at = (row: number, col: number) => ({ top: row, left: col, bottom: row, right: col })

describe('clipboard-paste', () => {
  describe('planPaste', () => {
    it('should coerce each cell by its field type and group them into one patch per record', () => {
      const plan = planPaste({ columns, rows: rows(3), target: at(0, 0), block: parseTsv('甲\t1,200\t高\r\n乙\t¥300\tc'), validate: validate() })
      expect(plan.patches).toEqual([
        { recordId: 'r0', values: { name: '甲', amount: 1200, level: 'a' } },
        { recordId: 'r1', values: { name: '乙', amount: 300, level: 'c' } },
      ])
      expect(plan.applied).toBe(6)
      expect(plan.problems).toEqual([])
    })

    it('should report an unparseable cell with its row, field and reason, and keep the rest of its row', () => {
      const plan = planPaste({ columns, rows: rows(2), target: at(1, 1), block: [['abc', 'b']], validate: validate() })
      expect(plan.patches).toEqual([{ recordId: 'r1', values: { level: 'b' } }])
      expect(plan.problems).toHaveLength(1)
      expect(plan.problems[0]).toMatchObject({ row: 1, fieldId: 'amount', text: 'abc' })
      expect(plan.problems[0]!.message.en).toMatch(/number/i)
    })

    it('should refuse a cell the record validator rejects (below the minimum) and apply its neighbours', () => {
      const plan = planPaste({ columns, rows: rows(1), target: at(0, 0), block: [['新名', '-5']], validate: validate() })
      expect(plan.patches).toEqual([{ recordId: 'r0', values: { name: '新名' } }])
      expect(plan.problems.map(p => p.fieldId)).toEqual(['amount'])
    })

    it('should report cells pasted into a computed column and skip them', () => {
      const plan = planPaste({ columns, rows: rows(1), target: at(0, 3), block: [['s2', 'NO-9']], validate: validate() })
      expect(plan.patches).toEqual([{ recordId: 'r0', values: { stage: 's2' } }])
      expect(plan.problems[0]).toMatchObject({ fieldId: 'no', text: 'NO-9' })
    })

    it('should add records for block rows past the last row', () => {
      const plan = planPaste({ columns, rows: rows(1), target: at(0, 0), block: parseTsv('a\t1\nb\t2\nc\t3'), validate: validate() })
      expect(plan.patches).toEqual([{ recordId: 'r0', values: { name: 'a', amount: 1 } }])
      expect(plan.newRows).toEqual([{ name: 'b', amount: 2 }, { name: 'c', amount: 3 }])
    })

    it('should not add records when addRows is false', () => {
      const plan = planPaste({ columns, rows: rows(1), target: at(0, 0), block: parseTsv('a\nb'), validate: validate(), addRows: false })
      expect(plan.newRows).toEqual([])
      expect(plan.applied).toBe(1)
    })

    it('should refuse a whole new row that would miss a required field', () => {
      const plan = planPaste({ columns, rows: rows(1), target: at(0, 1), block: parseTsv('5\n6'), validate: validate() })
      expect(plan.newRows).toEqual([])
      expect(plan.problems).toEqual([expect.objectContaining({ row: 1, fieldId: 'amount', text: '6' })])
      expect(plan.problems[0]!.message['zh-CN']).toContain('名称')
    })

    it('should drop block columns past the last column and count them', () => {
      const plan = planPaste({ columns, rows: rows(1), target: at(0, 3), block: [['s1', '', 'x', 'y']], validate: validate() })
      expect(plan.clippedColumns).toBe(2)
      expect(plan.patches).toEqual([{ recordId: 'r0', values: { stage: 's1' } }])
    })

    it('should fill a multi-cell selection with one copied cell', () => {
      const plan = planPaste({ columns, rows: rows(3), target: { top: 0, left: 1, bottom: 2, right: 1 }, block: [['7']], validate: validate() })
      expect(plan.patches.map(p => p.values.amount)).toEqual([7, 7, 7])
    })

    it('should apply 97 of a 5x20 block with 3 bad cells (the acceptance case)', () => {
      const note = field('text', { id: 'note', label: '备注' })
      const cols = [...columns.slice(0, 4), note]
      const lines = Array.from({ length: 20 }, (_, i) => [`n${i}`, i === 4 ? 'abc' : String(i), i === 9 ? 'nope' : 'b', i === 15 ? 'x' : 's2', `m${i}`])
      const plan = planPaste({ columns: cols, rows: rows(20), target: at(0, 0), block: lines, validate: validate(editForm(cols)) })
      expect(plan.problems.map(p => [p.row, p.fieldId])).toEqual([[4, 'amount'], [9, 'level'], [15, 'stage']])
      expect(plan.applied).toBe(97)
      expect(plan.patches).toHaveLength(20)
    })
  })
})
