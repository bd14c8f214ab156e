import { describe, expect, it } from 'vitest'
import { captureGridState, moveColumn, resolveColumns, toViewColumns } from '../../../../src/core/views'
import { dealsForm } from '../../../fixtures/views'

const ids = (cols: { field: { id: string } }[]) => cols.map(c => c.field.id)

describe('core/views columns', () => {
  describe('resolveColumns', () => {
    it('should list every data field in form order when the view has no columns, without layout fields', () => {
      expect(ids(resolveColumns(dealsForm()))).toEqual(['title', 'stage', 'amount', 'industry', 'serial'])
    })

    it('should follow the view order, append fields added later, and drop deleted fields', () => {
      const cols = resolveColumns(dealsForm(), [{ field: 'amount', width: 200 }, { field: 'gone' }, { field: 'title', hidden: true }])
      expect(ids(cols)).toEqual(['amount', 'title', 'stage', 'industry', 'serial'])
      expect(cols[0]!.width).toBe(200)
      expect(cols[1]!.hidden).toBe(true)
      expect(cols[2]!.hidden).toBe(false)
    })
  })

  describe('toViewColumns', () => {
    it('should store only the properties that are set, with whole-pixel widths', () => {
      const cols = resolveColumns(dealsForm(), [{ field: 'title', pinned: 'left' }])
      cols[1] = { ...cols[1]!, width: 181.6, hidden: true }
      expect(toViewColumns(cols).slice(0, 3)).toEqual([{ field: 'title', pinned: 'left' }, { field: 'stage', width: 182, hidden: true }, { field: 'amount' }])
    })
  })

  describe('captureGridState', () => {
    it('should take the grid order, widths and pins while hidden columns keep their slots', () => {
      const cols = resolveColumns(dealsForm(), [{ field: 'title' }, { field: 'stage', hidden: true }, { field: 'amount' }, { field: 'industry' }])
      const next = captureGridState(cols, [
        { colId: 'ag-Grid-SelectionColumn', width: 50 },
        { colId: 'industry', width: 300, pinned: 'left' },
        { colId: 'title', width: 120, pinned: null },
        { colId: 'amount', width: 90, pinned: 'right' },
        { colId: 'serial', width: 100 },
      ])
      expect(ids(next)).toEqual(['industry', 'stage', 'title', 'amount', 'serial'])
      expect(next.map(c => [c.width, c.pinned, c.hidden])).toEqual([[300, 'left', false], [undefined, undefined, true], [120, undefined, false], [90, 'right', false], [100, undefined, false]])
    })
  })

  describe('moveColumn', () => {
    it('should move an item to a new index and ignore positions outside the list', () => {
      expect(moveColumn(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c'])
      expect(moveColumn(['a', 'b'], 0, 5)).toEqual(['a', 'b'])
    })
  })
})
