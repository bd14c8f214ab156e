import { describe, expect, it } from 'vitest'
import { clampRange, isSingleCell, pasteArea, rangeBetween, rangeContains, rangeSize, stepCell } from '../../../../src/core/records/cell-range'

describe('cell-range', () => {
  describe('rangeBetween', () => {
    it('should normalise an anchor below-right of the end', () => {
      expect(rangeBetween({ row: 5, col: 3 }, { row: 2, col: 1 })).toEqual({ top: 2, bottom: 5, left: 1, right: 3 })
    })
  })

  describe('rangeContains', () => {
    it('should include the corners and exclude the cells just outside', () => {
      const r = rangeBetween({ row: 1, col: 1 }, { row: 2, col: 3 })
      expect([rangeContains(r, { row: 1, col: 1 }), rangeContains(r, { row: 2, col: 3 }), rangeContains(r, { row: 3, col: 1 }), rangeContains(r, { row: 1, col: 0 })]).toEqual([true, true, false, false])
    })
  })

  describe('rangeSize and isSingleCell', () => {
    it('should count rows and columns inclusively', () => {
      const r = rangeBetween({ row: 0, col: 0 }, { row: 19, col: 4 })
      expect(rangeSize(r)).toEqual({ rows: 20, cols: 5 })
      expect(isSingleCell(r)).toBe(false)
      expect(isSingleCell(rangeBetween({ row: 3, col: 3 }, { row: 3, col: 3 }))).toBe(true)
    })
  })

  describe('stepCell', () => {
    it('should stop at the grid edges', () => {
      expect(stepCell({ row: 0, col: 0 }, -1, -1, 10, 5)).toEqual({ row: 0, col: 0 })
      expect(stepCell({ row: 9, col: 4 }, 1, 1, 10, 5)).toEqual({ row: 9, col: 4 })
      expect(stepCell({ row: 2, col: 2 }, 1, -1, 10, 5)).toEqual({ row: 3, col: 1 })
    })
  })

  describe('clampRange', () => {
    it('should cut a range to the grid, or give undefined when it lies outside', () => {
      expect(clampRange({ top: 8, left: 3, bottom: 12, right: 9 }, 10, 5)).toEqual({ top: 8, left: 3, bottom: 9, right: 4 })
      expect(clampRange({ top: 11, left: 0, bottom: 12, right: 1 }, 10, 5)).toBeUndefined()
    })
  })

  describe('pasteArea', () => {
    it('should place a block at the top-left of a one-cell selection', () => {
      expect(pasteArea({ top: 2, left: 1, bottom: 2, right: 1 }, 20, 5)).toEqual({ top: 2, left: 1, bottom: 21, right: 5 })
    })

    it('should repeat one copied cell over a larger selection', () => {
      expect(pasteArea({ top: 0, left: 0, bottom: 3, right: 1 }, 1, 1)).toEqual({ top: 0, left: 0, bottom: 3, right: 1 })
    })

    it('should not repeat a block that does not fit the selection a whole number of times', () => {
      expect(pasteArea({ top: 0, left: 0, bottom: 2, right: 0 }, 2, 1)).toEqual({ top: 0, left: 0, bottom: 1, right: 0 })
    })
  })
})
