import { describe, expect, it } from 'vitest'
import { daySpanOf, filterChoices, previousSpan } from '../../../../src/core/dashboard'
import { dashCtx, NOW } from '../../../fixtures/dashboard'

describe('dashboard/dashboard-filters', () => {
  describe('daySpanOf', () => {
    it('should turn presets into calendar days around now (2024-06-15)', () => {
      expect(daySpanOf({ preset: 'thisMonth' }, NOW)).toEqual({ from: '2024-06-01', to: '2024-06-30' })
      expect(daySpanOf({ preset: 'lastQuarter' }, NOW)).toEqual({ from: '2024-01-01', to: '2024-03-31' })
      expect(daySpanOf({ preset: 'thisYear' }, NOW)).toEqual({ from: '2024-01-01', to: '2024-12-31' })
      expect(daySpanOf({ preset: 'last30Days' }, NOW)).toEqual({ from: '2024-05-17', to: '2024-06-15' })
      expect(daySpanOf({ preset: 'all' }, NOW)).toBeUndefined()
    })

    it('should order a custom range and ignore one without dates', () => {
      expect(daySpanOf({ preset: 'custom', from: '2024-03-09', to: '2024-03-01' }, NOW)).toEqual({ from: '2024-03-01', to: '2024-03-09' })
      expect(daySpanOf({ preset: 'custom' }, NOW)).toBeUndefined()
    })
  })

  describe('previousSpan', () => {
    it('should step back whole months for month-aligned spans, else the same number of days', () => {
      expect(previousSpan({ from: '2024-04-01', to: '2024-06-30' })).toEqual({ from: '2024-01-01', to: '2024-03-31' })
      expect(previousSpan({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' })
      expect(previousSpan({ from: '2024-06-10', to: '2024-06-15' })).toEqual({ from: '2024-06-04', to: '2024-06-09' })
    })
  })

  describe('filterChoices', () => {
    const ctx = dashCtx()
    const source = ctx.filters.find(f => f.id === 'source')!
    const owner = ctx.filters.find(f => f.id === 'owner')!

    it('should offer the options present, in option order, with counts', () => {
      expect(filterChoices(source, ctx).map(c => [c.value, c.count])).toEqual([['web', 5], ['fair', 4]])
    })

    it('should narrow by the other filters (cascading) but not by itself', () => {
      expect(filterChoices(source, dashCtx({ filterValues: { owner: ['m2'] } })).map(c => [c.value, c.count])).toEqual([['web', 3], ['fair', 1]])
      const june = { preset: 'custom' as const, from: '2024-06-01', to: '2024-06-30' }
      expect(filterChoices(source, dashCtx({ filterValues: { owner: ['m2'], date: june, source: ['web'] } })).map(c => [c.value, c.count])).toEqual([['web', 1]])
      // owner targets opportunities (narrowed by source) and targets (no source target: two each)
      expect(filterChoices(owner, dashCtx({ filterValues: { source: ['fair'] } })).map(c => [c.label, c.count])).toEqual([['Li', 1 + 2], ['张三', 3 + 2]])
    })

    it('should keep a chosen value listed when it no longer occurs', () => {
      const june = { preset: 'custom' as const, from: '2024-06-01', to: '2024-06-30' }
      expect(filterChoices(source, dashCtx({ filterValues: { owner: ['m2'], date: june, source: ['fair'] } })).map(c => [c.value, c.count])).toEqual([['web', 1], ['fair', 0]])
    })
  })
})
