import { describe, expect, it } from 'vitest'
import { dateField } from '../../../../src/core/fields/date.field'
import { field } from '../../../fixtures/fields'

const date = field('date')
const datetime = field('date', { options: { granularity: 'datetime' } })
const month = field('date', { options: { granularity: 'month' } })

describe('date.field', () => {
  describe('dateField.parseText', () => {
    it.each([
      ['2024-03-05', '2024-03-05'], ['2024/3/5', '2024-03-05'], ['2024.03.05', '2024-03-05'], ['2024年3月5日', '2024-03-05'], ['', null],
    ])('should read %j without a date format', (text, value) => {
      expect(dateField.parseText(text, date)).toEqual({ ok: true, value })
    })

    it('should read day-first and month-first dates only with an explicit format', () => {
      expect(dateField.parseText('05/03/2024', date, { dateFormat: 'DMY' })).toEqual({ ok: true, value: '2024-03-05' })
      expect(dateField.parseText('03/05/2024', date, { dateFormat: 'MDY' })).toEqual({ ok: true, value: '2024-03-05' })
      expect(dateField.parseText('05-03-24', date, { dateFormat: 'DMY' })).toEqual({ ok: true, value: '2024-03-05' })
      expect(dateField.parseText('05-03-85', date, { dateFormat: 'DMY' })).toEqual({ ok: true, value: '1985-03-05' })
      const r = dateField.parseText('05/03/2024', date)
      expect(!r.ok && r.error.en).toContain('ambiguous')
    })

    it('should refuse impossible dates', () => {
      expect(dateField.parseText('2024-02-30', date).ok).toBe(false)
      expect(dateField.parseText('31/04/2024', date, { dateFormat: 'DMY' }).ok).toBe(false)
      expect(dateField.parseText('next week', date).ok).toBe(false)
    })

    it('should store datetimes as UTC ISO strings', () => {
      expect(dateField.parseText('2024-03-05T08:30:00Z', datetime)).toEqual({ ok: true, value: '2024-03-05T08:30:00.000Z' })
      expect(dateField.parseText('2024-03-05 08:30+08:00', datetime)).toEqual({ ok: true, value: '2024-03-05T00:30:00.000Z' })
      expect(dateField.parseText('2024-03-05 08:30', datetime)).toEqual({ ok: true, value: new Date(2024, 2, 5, 8, 30).toISOString() })
    })

    it('should store months as their first day', () => {
      expect(dateField.parseText('2024-03', month)).toEqual({ ok: true, value: '2024-03-01' })
      expect(dateField.parseText('2024-03-17', month)).toEqual({ ok: true, value: '2024-03-01' })
    })
  })

  describe('dateField.format', () => {
    it('should show dates as stored, months as YYYY-MM and datetimes in local time', () => {
      expect(dateField.format('2024-03-05', date, { locale: 'en' })).toBe('2024-03-05')
      expect(dateField.format('2024-03-01', month, { locale: 'en' })).toBe('2024-03')
      expect(dateField.format(new Date(2024, 2, 5, 8, 30).toISOString(), datetime, { locale: 'en' })).toBe('2024-03-05 08:30')
    })
  })

  describe('dateField.convertFrom', () => {
    it('should convert text dates and the createdAt system column', () => {
      expect(dateField.convertFrom('2024/1/2', field('text'), date)).toEqual({ ok: true, value: '2024-01-02' })
      const ms = new Date(2024, 0, 2, 9).getTime()
      expect(dateField.convertFrom(ms, field('createdAt'), date)).toEqual({ ok: true, value: '2024-01-02' })
    })
  })

  describe('dateField.compare', () => {
    it('should sort chronologically with empty values last', () => {
      const v = ['2024-03-01', '', '2023-12-31']
      expect([...v].sort((a, b) => dateField.compare(a, b, date))).toEqual(['2023-12-31', '2024-03-01', ''])
    })
  })
})
