import { describe, expect, it } from 'vitest'
import { parseTimestamp } from '../../../../../src/core/io/stage-history'

describe('parse-time', () => {
  describe('parseTimestamp', () => {
    it('should read ISO dates and zone-less date-times as UTC', () => {
      expect(parseTimestamp('2017-03-01')).toBe(Date.UTC(2017, 2, 1))
      expect(parseTimestamp('2017-03-01 08:30')).toBe(Date.UTC(2017, 2, 1, 8, 30))
      expect(parseTimestamp('2017-03-01T08:30:00+08:00')).toBe(Date.UTC(2017, 2, 1, 0, 30))
    })

    it('should read day-first and month-first numeric dates with two-digit years', () => {
      expect(parseTimestamp('20-10-16', 'DMY')).toBe(Date.UTC(2016, 9, 20))
      expect(parseTimestamp('10/20/2016', 'MDY')).toBe(Date.UTC(2016, 9, 20))
      expect(parseTimestamp('01.02.85', 'DMY')).toBe(Date.UTC(1985, 1, 1))
    })

    it('should reject impossible or ambiguous dates instead of rolling them over', () => {
      expect(parseTimestamp('31-02-17', 'DMY')).toBeNull()
      expect(parseTimestamp('20-10-16')).toBeNull()
      expect(parseTimestamp('soon')).toBeNull()
      expect(parseTimestamp('')).toBeNull()
      expect(parseTimestamp(Number.NaN)).toBeNull()
    })

    it('should pass epoch numbers through', () => {
      expect(parseTimestamp(1_500_000_000_000)).toBe(1_500_000_000_000)
    })
  })
})
