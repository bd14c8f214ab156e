import { describe, expect, it } from 'vitest'
import { bucketDate } from '../../../../src/core/query'
import { at } from '../../../fixtures/query'

describe('query/bucket-date', () => {
  describe('bucketDate', () => {
    it('should give sortable keys and labels in both languages per unit', () => {
      expect(bucketDate('2024-02-29', 'day')).toMatchObject({ key: '2024-02-29', label: { 'zh-CN': '2024年2月29日', 'en': '2024-02-29' } })
      expect(bucketDate('2024-02-29', 'month')).toMatchObject({ key: '2024-02', label: { 'zh-CN': '2024年2月', 'en': 'Feb 2024' } })
      expect(bucketDate('2024-02-29', 'quarter')).toMatchObject({ key: '2024-Q1', label: { 'zh-CN': '2024年第1季度', 'en': 'Q1 2024' } })
      expect(bucketDate('2024-12-31', 'quarter')?.key).toBe('2024-Q4')
      expect(bucketDate('2024-02-29', 'year')).toMatchObject({ key: '2024', label: { 'zh-CN': '2024年', 'en': '2024' } })
    })

    it('should put weeks on their Monday with ISO week numbers, across the year boundary', () => {
      expect(bucketDate('2024-03-17', 'week')).toMatchObject({ key: '2024-03-11', label: { 'zh-CN': '2024年第11周', 'en': '2024-W11' } })
      expect(bucketDate('2024-12-31', 'week')).toMatchObject({ key: '2024-12-30', label: { en: '2025-W01' } })
      expect(bucketDate('2021-01-03', 'week')).toMatchObject({ key: '2020-12-28', label: { en: '2020-W53' } })
    })

    it('should put weeks on their Sunday when weeks start on Sunday', () => {
      expect(bucketDate('2024-03-17', 'week', 0)).toMatchObject({ key: '2024-03-17', label: { en: 'Week of 2024-03-17' } })
      expect(bucketDate('2024-03-16', 'week', 0)?.key).toBe('2024-03-10')
    })

    it('should bucket instants by their local day, and nothing for empty or unreadable values', () => {
      expect(bucketDate(at(2024, 3, 31, 23, 59), 'month')?.key).toBe('2024-03')
      expect(bucketDate('2024-04-01T00:00:00', 'quarter')?.key).toBe('2024-Q2')
      expect(bucketDate('', 'day')).toBeUndefined()
      expect(bucketDate('later', 'day')).toBeUndefined()
      expect(bucketDate(null, 'year')).toBeUndefined()
    })

    it('should give keys that sort chronologically as strings', () => {
      const keys = ['2024-10-01', '2024-02-01', '2023-12-31'].map(d => bucketDate(d, 'month')!.key)
      expect([...keys].sort()).toEqual(['2023-12', '2024-02', '2024-10'])
    })
  })
})
