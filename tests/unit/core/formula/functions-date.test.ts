import { describe, expect, it } from 'vitest'
import { run, sampleCtx } from '../../../fixtures/formula'

const NY = sampleCtx({ timeZone: 'America/New_York' })
const BERLIN = sampleCtx({ timeZone: 'Europe/Berlin' })
const SHANGHAI = sampleCtx({ timeZone: 'Asia/Shanghai' })

describe('functions', () => {
  describe('date arithmetic across DST (calendar days, zone given in the context)', () => {
    it.each([
      ['US spring forward', NY, 'DAYS("2026-03-09","2026-03-07")', 2],
      ['US fall back', NY, 'DAYS("2026-11-02","2026-10-31")', 2],
      ['EU spring forward', BERLIN, 'DAYS("2026-03-30","2026-03-28")', 2],
      ['EU fall back', BERLIN, 'DAYS("2026-10-26","2026-10-24")', 2],
      ['US spring forward', NY, 'DATEDELTA("2026-03-07",1)', '2026-03-08'],
      ['US spring forward', NY, 'ADDDAYS("2026-03-08",1)', '2026-03-09'],
      ['US fall back', NY, 'DATEDELTA("2026-10-31",2)', '2026-11-02'],
      ['EU spring forward', BERLIN, 'DATEDELTA("2026-03-29",-1)', '2026-03-28'],
      ['EU fall back', BERLIN, 'ADDDAYS("2026-10-25",1)', '2026-10-26'],
      ['US spring forward', NY, 'DATEDIF("2026-03-01","2026-03-31","D")', 30],
      ['EU fall back', BERLIN, 'DATEDIF("2026-10-01","2026-11-01","D")', 31],
      ['US spring forward', NY, 'DATE(2026,3,9)-DATE(2026,3,8)', 1],
      ['US fall back', NY, 'DATE(2026,11,2)-DATE(2026,11,1)', 1],
      ['EU spring forward', BERLIN, 'DATE(2026,3,29)+1', '2026-03-30'],
      ['US spring forward', NY, 'NETWORKDAYS("2026-03-06","2026-03-09")', 2],
    ])('should count whole days over the %s: %s', (_, ctx, expr, expected) => {
      expect(run(expr, {}, ctx)).toBe(expected)
    })

    it('should keep the wall-clock time when adding a day to a date-time over the US spring-forward night', () => {
      // 10:00 EST on Mar 7 + 1 day = 10:00 EDT on Mar 8: 23 hours later in real time.
      expect(run('{f_signed}+1', { f_signed: '2026-03-07T15:00:00.000Z' }, NY)).toBe('2026-03-08T14:00:00.000Z')
    })

    it('should keep the wall-clock time when adding a day to a date-time over the EU fall-back night', () => {
      expect(run('DATEDELTA({f_signed},1)', { f_signed: '2026-10-24T08:00:00.000Z' }, BERLIN)).toBe('2026-10-25T09:00:00.000Z')
    })

    it('should count one day between the same wall-clock time on both sides of a DST change', () => {
      expect(run('{f_close}-{f_signed}', { f_signed: '2026-03-07T15:00:00.000Z', f_close: '2026-03-08T14:00:00.000Z' }, NY)).toBe(1)
    })

    it('should resolve a wall-clock time skipped by spring-forward to the time after the jump', () => {
      expect(run('DATE(2026,3,8,2,30,0)', {}, NY)).toBe('2026-03-08T07:30:00.000Z')
      expect(run('DATE(2026,3,29,2,30,0)', {}, BERLIN)).toBe('2026-03-29T01:30:00.000Z')
    })

    it('should resolve a repeated fall-back wall-clock time to its first occurrence', () => {
      expect(run('DATE(2026,11,1,1,30,0)', {}, NY)).toBe('2026-11-01T05:30:00.000Z')
      expect(run('DATE(2026,10,25,2,30,0)', {}, BERLIN)).toBe('2026-10-25T00:30:00.000Z')
    })

    it('should read an ISO instant as the wall clock of the context zone', () => {
      const values = { f_signed: '2026-03-08T03:30:00Z' }
      expect(run('TEXT({f_signed},"yyyy-MM-dd HH:mm")', values, NY)).toBe('2026-03-07 22:30')
      expect(run('TEXT({f_signed},"yyyy-MM-dd HH:mm")', values, SHANGHAI)).toBe('2026-03-08 11:30')
      expect(run('HOUR({f_signed})', { f_signed: '2026-03-08T10:15:00+08:00' }, SHANGHAI)).toBe(10)
    })
  })

  describe('TODAY and NOW (injected clock)', () => {
    const at = (iso: string, timeZone: string): ReturnType<typeof sampleCtx> => sampleCtx({ now: Date.parse(iso), timeZone })
    it.each([
      ['TODAY()', at('2026-03-08T03:00:00Z', 'America/New_York'), '2026-03-07'],
      ['TODAY()', at('2026-03-08T03:00:00Z', 'Asia/Shanghai'), '2026-03-08'],
      ['NOW()', at('2026-03-08T12:00:00Z', 'America/New_York'), '2026-03-08T12:00:00.000Z'],
      ['HOUR(NOW())', at('2026-03-08T12:00:00Z', 'America/New_York'), 8],
      ['HOUR(NOW())', at('2026-03-07T12:00:00Z', 'America/New_York'), 7],
      ['TEXT(NOW(),"HH:mm")', at('2026-10-25T12:00:00Z', 'Europe/Berlin'), '13:00'],
      ['DAYS(TODAY(),"2026-01-01")', at('2026-03-08T12:00:00Z', 'Asia/Shanghai'), 66],
      ['TODAY()+7', at('2026-12-28T12:00:00Z', 'Asia/Shanghai'), '2027-01-04'],
    ])('should evaluate %s with the context clock', (expr, ctx, expected) => {
      expect(run(expr, {}, ctx)).toBe(expected)
    })
  })

  describe('calendar functions', () => {
    it.each([
      ['DATE(2026,13,1)', '2027-01-01'],
      ['DATE(2026,3,0)', '2026-02-28'],
      ['DATE(2024,2,29)', '2024-02-29'],
      ['DATE(2026,1,-1)', '2025-12-30'],
      ['DATE(26,1,1)', '1926-01-01'],
      ['DATE(10000,1,1)', '#NUM!'],
      ['DATEVALUE("2026年3月8日")', '2026-03-08'],
      ['DATEVALUE("2026/3/8 10:00")', '2026-03-08'],
      ['DATEVALUE("2026-02-30")', '#VALUE!'],
      ['YEAR("2026-03-08")', 2026],
      ['MONTH("2026-03-08")', 3],
      ['DAY("2026-03-08")', 8],
      ['QUARTER("2026-08-01")', 3],
      ['HOUR("2026-03-08 14:25")', 14],
      ['MINUTE("2026-03-08 14:25")', 25],
      ['SECOND("2026-03-08 14:25:09")', 9],
      ['YEAR({f_signed})', null],
      ['YEAR(2026)', '#VALUE!'],
      ['WEEKDAY("2026-03-08")', 1],
      ['WEEKDAY("2026-03-08",2)', 7],
      ['WEEKDAY("2026-03-09",2)', 1],
      ['WEEKDAY("2026-03-09",3)', 0],
      ['WEEKDAY("2026-03-10",12)', 1],
      ['WEEKDAY("2026-03-10",9)', '#NUM!'],
      ['WEEKNUM("2026-01-01")', 1],
      ['WEEKNUM("2026-01-04")', 2],
      ['WEEKNUM("2026-01-04",2)', 1],
      ['WEEKNUM("2026-12-31")', 53],
      ['WEEKNUM("2026-12-31",21)', 53],
      ['ISOWEEKNUM("2027-01-01")', 53],
      ['ISOWEEKNUM("2026-01-05")', 2],
      ['ISOWEEKNUM("2025-12-29")', 1],
      ['DAYS("2026-03-01","2026-02-01")', 28],
      ['DAYS("2024-03-01","2024-02-01")', 29],
      ['DAYS("2026-01-01","2026-03-01")', -59],
      ['DAYS({f_signed},"2026-01-01")', null],
      ['EDATE("2026-01-31",1)', '2026-02-28'],
      ['EDATE("2024-01-31",1)', '2024-02-29'],
      ['EDATE("2026-03-31",-1)', '2026-02-28'],
      ['EDATE("2026-05-15",12)', '2027-05-15'],
      ['EOMONTH("2026-01-15",0)', '2026-01-31'],
      ['EOMONTH("2026-01-15",1)', '2026-02-28'],
      ['EOMONTH("2026-01-15",-1)', '2025-12-31'],
      ['DAYSINMONTH("2024-02-10")', 29],
      ['DATEDELTA("2026-12-31",1)', '2027-01-01'],
      ['DATEDELTA("2026-03-01",-1)', '2026-02-28'],
      ['DATEDELTA("2026-03-01",0.5)', '2026-03-01T17:00:00.000Z'],
      ['"2026-03-08"+1', '#VALUE!'],
      ['DATE(2026,3,8)+DATE(2026,3,8)', '#VALUE!'],
      ['1-DATE(2026,3,8)', '#VALUE!'],
      ['TIMESTAMP(DATE(2026,3,8))', Date.UTC(2026, 2, 8, 5)],
    ])('should evaluate %s to %j', (expr, expected) => {
      expect(run(expr, {}, NY)).toBe(expected)
    })
  })

  describe('DATEDIF and NETWORKDAYS', () => {
    it.each([
      ['DATEDIF("2020-05-15","2026-03-08","Y")', 5],
      ['DATEDIF("2020-05-15","2026-03-08","M")', 69],
      ['DATEDIF("2020-05-15","2026-03-08","D")', 2123],
      ['DATEDIF("2020-05-15","2026-03-08","YM")', 9],
      ['DATEDIF("2020-05-15","2026-03-08","MD")', 21],
      ['DATEDIF("2020-05-15","2026-03-08","YD")', 297],
      ['DATEDIF("2026-01-31","2026-02-28","M")', 0],
      ['DATEDIF("2026-01-31","2026-03-01","MD")', 1],
      ['DATEDIF("2024-02-29","2025-02-28","Y")', 0],
      ['DATEDIF("2024-02-29","2025-03-01","Y")', 1],
      ['DATEDIF("2026-03-08","2026-03-08","D")', 0],
      ['DATEDIF("2026-03-09","2026-03-08","D")', '#NUM!'],
      ['DATEDIF("2026-01-01","2026-03-08","w")', '#NUM!'],
      ['DATEDIF("2026-01-01","2026-03-08","y")', 0],
      ['NETWORKDAYS("2026-03-02","2026-03-13")', 10],
      ['NETWORKDAYS("2026-03-13","2026-03-02")', -10],
      ['NETWORKDAYS("2026-03-07","2026-03-08")', 0],
      ['NETWORKDAYS("2026-03-02","2026-03-13","2026-03-04")', 9],
      ['NETWORKDAYS("2026-03-02","2026-03-13","2026-03-07")', 10],
      ['NETWORKDAYS("2026-01-01","2026-12-31")', 261],
      ['WORKDAY("2026-03-06",1)', '2026-03-09'],
      ['WORKDAY("2026-03-09",-1)', '2026-03-06'],
      ['WORKDAY("2026-03-02",5,"2026-03-04")', '2026-03-10'],
    ])('should evaluate %s to %j', (expr, expected) => {
      expect(run(expr, {}, NY)).toBe(expected)
    })

    it('should skip holidays given as a subform date column', () => {
      const ctx = sampleCtx({ fields: [{ type: 'subform', id: 'h', label: '假期', options: { fields: [{ type: 'date', id: 'd', label: '日期' }] } }] })
      expect(run('NETWORKDAYS("2026-09-28","2026-10-09",{h.d})', { h: [{ values: { d: '2026-10-01' } }, { values: { d: '2026-10-02' } }] }, ctx)).toBe(8)
    })
  })
})
