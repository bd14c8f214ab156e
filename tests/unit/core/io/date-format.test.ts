import { describe, expect, it } from 'vitest'
import { dateOrderOf, detectDateFormat } from '../../../../src/core/io/date-format'

describe('date-format', () => {
  describe('detectDateFormat', () => {
    it('should detect ISO dates, also with a time', () => {
      expect(detectDateFormat(['2024-03-05', '2024-12-31 08:30', '2024-01-02T10:00:00Z'])).toMatchObject({ format: 'YYYY-MM-DD', ambiguous: false, matched: 3, total: 3 })
    })

    it('should take a first part above 12 as day-first evidence', () => {
      const d = detectDateFormat(['01/03/2024', '25/03/2024', '04/05/2024'])
      expect(d).toMatchObject({ format: 'DD/MM/YYYY', order: 'DMY', ambiguous: false, candidates: ['DD/MM/YYYY'] })
    })

    it('should take a second part above 12 as month-first evidence', () => {
      expect(detectDateFormat(['03/25/2024', '01/02/2024'])).toMatchObject({ format: 'MM/DD/YYYY', order: 'MDY', ambiguous: false })
    })

    it('should report ambiguity when every sample reads both ways', () => {
      const d = detectDateFormat(['03/04/2024', '05/06/2024'])
      expect(d.ambiguous).toBe(true)
      expect(d.candidates).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY'])
    })

    it('should detect DD-MM-YY two-digit years', () => {
      expect(detectDateFormat(['20-10-16', '01-03-17', ''])).toMatchObject({ format: 'DD-MM-YY', ambiguous: false, total: 2 })
    })

    it('should detect dotted and slashed year-first dates', () => {
      expect(detectDateFormat(['31.12.2023', '01.02.2024']).format).toBe('DD.MM.YYYY')
      expect(detectDateFormat(['2024/3/5']).format).toBe('YYYY/MM/DD')
    })

    it('should not credit impossible dates', () => {
      expect(detectDateFormat(['31/02/2024', '30/01/2024'])).toMatchObject({ format: 'DD/MM/YYYY', matched: 1 })
    })

    it('should return no format for text', () => {
      expect(detectDateFormat(['hello', '12'])).toMatchObject({ format: null, order: null, matched: 0, total: 2 })
    })
  })

  describe('dateOrderOf', () => {
    it('should give the field parser order of each format', () => {
      expect([dateOrderOf('YYYY/MM/DD'), dateOrderOf('DD-MM-YY'), dateOrderOf('MM/DD/YYYY')]).toEqual(['YMD', 'DMY', 'MDY'])
    })
  })
})
