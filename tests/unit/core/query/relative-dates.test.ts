import { describe, expect, it } from 'vitest'
import type { RelativeDateOp } from '../../../../src/core/schema/filter'
import { relativeDayRange } from '../../../../src/core/query'
import { formatDay } from '../../../../src/core/query/dates'
import { at, NOW } from '../../../fixtures/query'

/** The first and last day covered, as 'YYYY-MM-DD'. */
function span(op: RelativeDateOp, now: number, weekStartsOn: 0 | 1 = 1, n?: number): [string, string] {
  const r = relativeDayRange(op, now, weekStartsOn, n)
  return [formatDay(r.start), formatDay(r.end - 1)]
}

describe('query/relative-dates', () => {
  describe('relativeDayRange', () => {
    it('should give today and yesterday, crossing into a leap day', () => {
      expect(span('today', NOW)).toEqual(['2024-03-15', '2024-03-15'])
      expect(span('yesterday', at(2024, 3, 1, 0, 5))).toEqual(['2024-02-29', '2024-02-29'])
      expect(span('today', at(2024, 3, 15, 23, 59))).toEqual(['2024-03-15', '2024-03-15'])
    })

    it('should start weeks on Monday by default and on Sunday when asked', () => {
      expect(span('thisWeek', NOW)).toEqual(['2024-03-11', '2024-03-17'])
      expect(span('lastWeek', NOW)).toEqual(['2024-03-04', '2024-03-10'])
      expect(span('thisWeek', NOW, 0)).toEqual(['2024-03-10', '2024-03-16'])
      expect(span('lastWeek', NOW, 0)).toEqual(['2024-03-03', '2024-03-09'])
    })

    it('should keep a Sunday in the Monday-started week it ends, and a Monday at midnight in its own week', () => {
      expect(span('thisWeek', at(2024, 3, 17, 23, 0))).toEqual(['2024-03-11', '2024-03-17'])
      expect(span('thisWeek', at(2024, 3, 17, 23, 0), 0)).toEqual(['2024-03-17', '2024-03-23'])
      expect(span('thisWeek', at(2024, 3, 11))).toEqual(['2024-03-11', '2024-03-17'])
      expect(span('lastWeek', at(2024, 1, 3))).toEqual(['2023-12-25', '2023-12-31'])
    })

    it('should give calendar months, February of a leap year included', () => {
      expect(span('thisMonth', at(2024, 1, 31, 23, 59))).toEqual(['2024-01-01', '2024-01-31'])
      expect(span('lastMonth', at(2024, 1, 1))).toEqual(['2023-12-01', '2023-12-31'])
      expect(span('lastMonth', at(2024, 3, 31))).toEqual(['2024-02-01', '2024-02-29'])
      expect(span('thisMonth', at(2023, 2, 10))).toEqual(['2023-02-01', '2023-02-28'])
    })

    it('should give calendar quarters across quarter and year boundaries', () => {
      expect(span('thisQuarter', at(2024, 3, 31, 23, 59))).toEqual(['2024-01-01', '2024-03-31'])
      expect(span('thisQuarter', at(2024, 4, 1))).toEqual(['2024-04-01', '2024-06-30'])
      expect(span('lastQuarter', at(2024, 4, 1))).toEqual(['2024-01-01', '2024-03-31'])
      expect(span('lastQuarter', at(2024, 1, 15))).toEqual(['2023-10-01', '2023-12-31'])
    })

    it('should give calendar years', () => {
      expect(span('thisYear', at(2024, 1, 1))).toEqual(['2024-01-01', '2024-12-31'])
      expect(span('lastYear', at(2024, 1, 1))).toEqual(['2023-01-01', '2023-12-31'])
    })

    it('should count lastNDays back from today and nextNDays forward from today, both including today', () => {
      expect(span('lastNDays', NOW, 1, 7)).toEqual(['2024-03-09', '2024-03-15'])
      expect(span('lastNDays', NOW, 1, 1)).toEqual(['2024-03-15', '2024-03-15'])
      expect(span('nextNDays', NOW, 1, 3)).toEqual(['2024-03-15', '2024-03-17'])
      expect(span('lastNDays', at(2024, 3, 2), 1, 3)).toEqual(['2024-02-29', '2024-03-02'])
    })
  })
})
