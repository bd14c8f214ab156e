import { describe, expect, it } from 'vitest'
import { at, cond, field, matchIds, records } from '../../../fixtures/query'

const fields = [field('date', 'close'), field('date', 'meet', { granularity: 'datetime' })]

describe('query/compile-filter', () => {
  describe('compileFilter on date fields', () => {
    const rows = records({
      leap: { close: '2024-02-29' },
      first: { close: '2024-03-01' },
      ides: { close: '2024-03-15' },
      blank: { close: '' },
      none: {},
      junk: { close: 'soon' },
    })

    it('should compare calendar days with eq / ne / gt / gte / lt / lte', () => {
      expect(matchIds(cond('close', 'eq', '2024-03-01'), rows, fields)).toEqual(['first'])
      expect(matchIds(cond('close', 'ne', '2024-03-01'), rows, fields)).toEqual(['leap', 'ides', 'blank', 'none', 'junk'])
      expect(matchIds(cond('close', 'gt', '2024-03-01'), rows, fields)).toEqual(['ides'])
      expect(matchIds(cond('close', 'gte', '2024-03-01'), rows, fields)).toEqual(['first', 'ides'])
      expect(matchIds(cond('close', 'lt', '2024-03-01'), rows, fields)).toEqual(['leap'])
      expect(matchIds(cond('close', 'lte', '2024-03-01'), rows, fields)).toEqual(['leap', 'first'])
    })

    it('should match between inclusively on both days, and open-ended', () => {
      expect(matchIds(cond('close', 'between', ['2024-02-29', '2024-03-01']), rows, fields)).toEqual(['leap', 'first'])
      expect(matchIds(cond('close', 'between', ['2024-03-01', null]), rows, fields)).toEqual(['first', 'ides'])
    })

    it('should read a month or a year value as the whole month or year', () => {
      expect(matchIds(cond('close', 'eq', '2024-03'), rows, fields)).toEqual(['first', 'ides'])
      expect(matchIds(cond('close', 'eq', '2024'), rows, fields)).toEqual(['leap', 'first', 'ides'])
      expect(matchIds(cond('close', 'lt', '2024-03'), rows, fields)).toEqual(['leap'])
    })

    it('should treat empty and unreadable dates as empty', () => {
      expect(matchIds(cond('close', 'empty'), rows, fields)).toEqual(['blank', 'none', 'junk'])
      expect(matchIds(cond('close', 'notEmpty'), rows, fields)).toEqual(['leap', 'first', 'ides'])
    })

    it('should apply relative ranges to date values', () => {
      expect(matchIds(cond('close', 'today'), rows, fields)).toEqual(['ides'])
      expect(matchIds(cond('close', 'thisMonth'), rows, fields)).toEqual(['first', 'ides'])
      expect(matchIds(cond('close', 'lastMonth'), rows, fields)).toEqual(['leap'])
      expect(matchIds(cond('close', 'yesterday'), rows, fields, { now: at(2024, 3, 1, 9) })).toEqual(['leap'])
      expect(matchIds(cond('close', 'lastNDays', 15), rows, fields)).toEqual(['first', 'ides'])
      expect(matchIds(cond('close', 'lastNDays', 16), rows, fields)).toEqual(['leap', 'first', 'ides'])
      expect(matchIds(cond('close', 'nextNDays', 30), rows, fields, { now: at(2024, 2, 28) })).toEqual(['leap', 'first', 'ides'])
      expect(matchIds(cond('close', 'thisQuarter'), rows, fields)).toEqual(['leap', 'first', 'ides'])
      expect(matchIds(cond('close', 'lastQuarter'), rows, fields, { now: at(2024, 4, 1) })).toEqual(['leap', 'first', 'ides'])
      expect(matchIds(cond('close', 'thisYear'), rows, fields, { now: at(2025, 1, 1) })).toEqual([])
      expect(matchIds(cond('close', 'lastYear'), rows, fields, { now: at(2025, 1, 1) })).toEqual(['leap', 'first', 'ides'])
    })

    it('should honour weekStartsOn for thisWeek on a Sunday', () => {
      const week = records({ sun: { close: '2024-03-10' }, sat: { close: '2024-03-16' } })
      expect(matchIds(cond('close', 'thisWeek'), week, fields)).toEqual(['sat'])
      expect(matchIds(cond('close', 'lastWeek'), week, fields)).toEqual(['sun'])
      expect(matchIds(cond('close', 'thisWeek'), week, fields, { weekStartsOn: 0 })).toEqual(['sun', 'sat'])
    })
  })

  describe('compileFilter on datetime fields and system times', () => {
    const rows = records({
      late: { meet: '2024-03-15T23:59:59' },
      next: { meet: '2024-03-16T00:00:00' },
      early: { meet: '2024-03-15T00:00:00' },
      ms: { meet: at(2024, 3, 14, 12) },
      none: {},
    })

    it('should let a date value cover the whole local day', () => {
      expect(matchIds(cond('meet', 'eq', '2024-03-15'), rows, fields)).toEqual(['late', 'early'])
      expect(matchIds(cond('meet', 'gt', '2024-03-15'), rows, fields)).toEqual(['next'])
      expect(matchIds(cond('meet', 'lt', '2024-03-15'), rows, fields)).toEqual(['ms'])
      expect(matchIds(cond('meet', 'lte', '2024-03-15'), rows, fields)).toEqual(['late', 'early', 'ms'])
      expect(matchIds(cond('meet', 'between', ['2024-03-14', '2024-03-15']), rows, fields)).toEqual(['late', 'early', 'ms'])
    })

    it('should compare exact instants when the value has a time', () => {
      expect(matchIds(cond('meet', 'eq', '2024-03-15T23:59:59'), rows, fields)).toEqual(['late'])
      expect(matchIds(cond('meet', 'gt', '2024-03-15T12:00:00'), rows, fields)).toEqual(['late', 'next'])
      expect(matchIds(cond('meet', 'lt', at(2024, 3, 15)), rows, fields)).toEqual(['ms'])
    })

    it('should apply relative ranges in whole local days', () => {
      expect(matchIds(cond('meet', 'today'), rows, fields)).toEqual(['late', 'early'])
      expect(matchIds(cond('meet', 'yesterday'), rows, fields)).toEqual(['ms'])
      expect(matchIds(cond('meet', 'nextNDays', 2), rows, fields)).toEqual(['late', 'next', 'early'])
      expect(matchIds(cond('meet', 'empty'), rows, fields)).toEqual(['none'])
    })

    it('should filter _createdAt and _updatedAt (epoch ms) by local day', () => {
      const times = [
        { id: 'midnight', createdAt: at(2024, 3, 15), updatedAt: at(2024, 3, 1) },
        { id: 'lastMinute', createdAt: at(2024, 3, 15, 23, 59), updatedAt: at(2024, 2, 29, 23, 59) },
        { id: 'tomorrow', createdAt: at(2024, 3, 16), updatedAt: at(2024, 3, 16) },
        { id: 'before', createdAt: at(2024, 3, 14, 23, 59), updatedAt: at(2024, 2, 1) },
      ].map(t => ({ ...t, values: {}, rev: 1 }))
      expect(matchIds(cond('_createdAt', 'today'), times, [])).toEqual(['midnight', 'lastMinute'])
      expect(matchIds(cond('_createdAt', 'yesterday'), times, [])).toEqual(['before'])
      expect(matchIds(cond('_updatedAt', 'lastMonth'), times, [])).toEqual(['lastMinute', 'before'])
      expect(matchIds(cond('_updatedAt', 'eq', '2024-02-29'), times, [])).toEqual(['lastMinute'])
      expect(matchIds(cond('_createdAt', 'gte', '2024-03-15'), times, [])).toEqual(['midnight', 'lastMinute', 'tomorrow'])
    })
  })
})
