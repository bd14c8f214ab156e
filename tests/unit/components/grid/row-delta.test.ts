import { describe, expect, it } from 'vitest'
import { isEmptyDelta, rowDelta } from '../../../../src/components/grid/row-delta'
import { record, records } from '../../../fixtures/storage'

const ids = (rows: { id: string }[]): string[] => rows.map(r => r.id)

describe('row-delta', () => {
  describe('rowDelta', () => {
    it('should update only the edited row when the order is unchanged', () => {
      const shown = records(6)
      const next = shown.slice()
      next[3] = record(3, { f_amount: 7 })
      const delta = rowDelta(shown, next)
      expect(delta).not.toBe('reset')
      if (delta === 'reset') return
      expect(delta.update).toEqual([next[3]])
      expect(delta.remove).toEqual([])
      expect(delta.add).toEqual([])
    })

    it('should remove a row that left the filter and append new rows at the end', () => {
      const shown = records(6)
      const next = [...shown.filter(r => r.id !== 'r2'), record(9)]
      const delta = rowDelta(shown, next)
      if (delta === 'reset') throw new Error('expected a transaction')
      expect(ids(delta.remove)).toEqual(['r2'])
      expect(ids(delta.add)).toEqual(['r9'])
      expect(delta.update).toEqual([])
    })

    it('should ask for a reset when an edited row moved (sort), so its selection survives', () => {
      const shown = records(5)
      const moved = record(1, { f_amount: 1e6 })
      expect(rowDelta(shown, [shown[0]!, shown[2]!, shown[3]!, shown[4]!, moved])).toBe('reset')
      expect(rowDelta(shown, [moved, shown[0]!, shown[2]!, shown[3]!, shown[4]!])).toBe('reset')
    })

    it('should ask for a reset when a row is inserted in the middle or too much changed', () => {
      const shown = records(5)
      expect(rowDelta(shown, [shown[0]!, record(9), ...shown.slice(1)])).toBe('reset')
      expect(rowDelta(records(20), records(20, 100), 10)).toBe('reset')
    })

    it('should append any number of rows added after the shown ones (a streamed open\'s slice) as a transaction', () => {
      const shown = records(3)
      const next = shown.slice()
      next[1] = record(1, { f_amount: 7 })
      const delta = rowDelta(shown, [...next, ...records(30, 3)], 10)
      if (delta === 'reset') throw new Error('expected a transaction')
      expect(delta.add).toHaveLength(30)
      expect(delta.update).toEqual([next[1]])
      expect(rowDelta([], records(30), 10)).toBe('reset')
      expect(rowDelta(shown.slice(1), [...shown.slice(1), ...records(30, 3)], 10)).not.toBe('reset')
      expect(rowDelta(shown, [...shown.slice(1), ...records(30, 3)], 10)).toBe('reset')
    })

    it('should give an empty delta for the same rows in a new array', () => {
      const shown = records(4)
      const delta = rowDelta(shown, shown.slice())
      expect(delta !== 'reset' && isEmptyDelta(delta)).toBe(true)
    })
  })
})
