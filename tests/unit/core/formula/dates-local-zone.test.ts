import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run, sampleCtx } from '../../../fixtures/formula'

// No timeZone in the context: the runtime's local zone applies. Pin it for this file.
const previousTz = process.env.TZ
beforeAll(() => { process.env.TZ = 'America/New_York' })
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ
  else process.env.TZ = previousTz
})

describe('dates (local zone, TZ=America/New_York)', () => {
  describe('evaluateFormula without a context zone', () => {
    const ctx = sampleCtx({ timeZone: undefined, now: Date.parse('2026-03-08T06:30:00Z') })

    it('should run in the pinned zone', () => {
      expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).toBe(240)
    })

    it.each([
      ['DAYS("2026-03-09","2026-03-07")', 2],
      ['DATEDELTA("2026-03-07",1)', '2026-03-08'],
      ['DATEDELTA("2026-10-31",2)', '2026-11-02'],
      ['TODAY()', '2026-03-08'],
      ['HOUR(NOW())', 1],
      ['NOW()+1', '2026-03-09T05:30:00.000Z'],
      ['DATE(2026,3,8,2,30,0)', '2026-03-08T07:30:00.000Z'],
    ])('should evaluate %s to %j', (expr, expected) => {
      expect(run(expr, {}, ctx)).toBe(expected)
    })

    it('should add a calendar day to a local date-time across the spring-forward night', () => {
      expect(run('{f_signed}+1', { f_signed: '2026-03-07T15:00:00.000Z' }, ctx)).toBe('2026-03-08T14:00:00.000Z')
    })
  })
})
